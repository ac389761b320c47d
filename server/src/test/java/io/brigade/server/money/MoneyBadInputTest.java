package io.brigade.server.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Money routes refuse bad input with a problem that names the field, and store nothing of it. */
class MoneyBadInputTest {
    private static final MoneyStore STORE = MoneyStore.of("h2");

    private static long rows(String table, TestServer.Tenant t) {
        return TestDatabases.queryLong(STORE.database, "SELECT COUNT(*) FROM " + table + " WHERE org_id = ?",
                t.ids().orgId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a negative float|{\"shiftId\":\"$ID\",\"terminal\":\"Till 1\",\"openingFloat\":-5.00}|400|openingFloat",
            "a float with letters|{\"shiftId\":\"$ID\",\"terminal\":\"Till 1\",\"openingFloat\":\"1O0\"}|400|openingFloat",
            "a float in fractions of a cent|{\"shiftId\":\"$ID\",\"terminal\":\"Till 1\",\"openingFloat\":10.005}|400|openingFloat",
            "no float|{\"shiftId\":\"$ID\",\"terminal\":\"Till 1\"}|400|openingFloat",
            "no till named|{\"shiftId\":\"$ID\",\"openingFloat\":10}|400|terminal",
            "no shift id|{\"terminal\":\"Till 1\",\"openingFloat\":10}|400|shiftId",
            "a shift id that is no id|{\"shiftId\":\"a b;c\",\"terminal\":\"Till 1\",\"openingFloat\":10}|400|shiftId"})
    void aShiftIsNotOpenedOnBadInput(String what, String body, int status, String field) {
        TestServer.Tenant t = STORE.tenant("Bad Bistro");
        ApiClient.Response r = t.api().send("POST", MoneyStore.store(t) + "/shifts",
                body.replace("$ID", UUID.randomUUID().toString()));
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        assertTrue(r.body().contains("\"" + field), r.body());
        assertEquals(0, rows("shifts", t));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a count with letters|{\"countedCash\":\"12.5O\"}|400|countedCash",
            "a negative count|{\"countedCash\":-1}|400|countedCash",
            "no count|{}|400|countedCash",
            "a denomination with letters|{\"denominations\":{\"2O\":3}}|400|denominations.2O",
            "a count of letters|{\"denominations\":{\"20\":\"x\"}}|400|denominations",
            "a total that disagrees with its denominations|{\"countedCash\":50,\"denominations\":{\"20\":2}}|400|countedCash"})
    void aShiftIsNotClosedOnABadCount(String what, String body, int status, String field) {
        TestServer.Tenant t = STORE.tenant("Bad Bistro");
        String base = MoneyStore.store(t);
        String shift = UUID.randomUUID().toString();
        assertEquals(201, t.api().post(base + "/shifts", Map.of("shiftId", shift, "terminal", "Till 1",
                "openingFloat", new BigDecimal("50.00"))).status());
        ApiClient.Response r = t.api().send("POST", base + "/shifts/" + shift + "/close", body);
        assertEquals(status, r.status(), r.body());
        assertTrue(r.body().contains("\"" + field), r.body());
        assertEquals("OPEN", t.api().get(base + "/shifts/" + shift).json().get("status").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a pay-out without a reason|{\"movementId\":\"$ID\",\"kind\":\"PAY_OUT\",\"amount\":5}|400|reason",
            "a pay-out of nothing|{\"movementId\":\"$ID\",\"kind\":\"PAY_OUT\",\"amount\":0,\"reason\":\"x\"}|400|amount",
            "a negative pay-in|{\"movementId\":\"$ID\",\"kind\":\"PAY_IN\",\"amount\":-5,\"reason\":\"x\"}|400|amount",
            "an unknown kind|{\"movementId\":\"$ID\",\"kind\":\"TAKE\",\"amount\":5,\"reason\":\"x\"}|400|kind",
            "a no-sale that moves money|{\"movementId\":\"$ID\",\"kind\":\"NO_SALE\",\"amount\":5}|400|amount"})
    void cashIsNotMovedOnBadInput(String what, String body, int status, String field) {
        TestServer.Tenant t = STORE.tenant("Bad Bistro");
        String base = MoneyStore.store(t);
        String shift = UUID.randomUUID().toString();
        assertEquals(201, t.api().post(base + "/shifts", Map.of("shiftId", shift, "terminal", "Till 1",
                "openingFloat", new BigDecimal("50.00"))).status());
        ApiClient.Response r = t.api().send("POST", base + "/shifts/" + shift + "/movements",
                body.replace("$ID", UUID.randomUUID().toString()));
        assertEquals(status, r.status(), r.body());
        assertTrue(r.body().contains("\"" + field), r.body());
        assertEquals(0, rows("drawer_movements", t));
    }

    @Test
    void aSecondShiftOnOneDeviceIsRefusedUntilTheFirstIsClosed() {
        TestServer.Tenant t = STORE.tenant("Bad Bistro");
        String base = MoneyStore.store(t);
        String first = UUID.randomUUID().toString();
        assertEquals(201, t.api().post(base + "/shifts", Map.of("shiftId", first, "terminal", "Till 1",
                "openingFloat", new BigDecimal("50.00"))).status());
        ApiClient.Response second = t.api().post(base + "/shifts", Map.of("shiftId", UUID.randomUUID().toString(),
                "terminal", "Till 1", "openingFloat", new BigDecimal("50.00")));
        assertEquals(409, second.status(), second.body());
        assertTrue(second.body().contains("handover closes one shift and opens the next"), second.body());
        assertEquals(1, rows("shifts", t));
    }

    @Test
    void aQueuedOpeningSentTwiceOpensOneShift() {
        TestServer.Tenant t = STORE.tenant("Bad Bistro");
        String base = MoneyStore.store(t);
        Map<String, Object> body = Map.of("shiftId", UUID.randomUUID().toString(), "terminal", "Till 1",
                "openingFloat", new BigDecimal("50.00"));
        assertEquals(201, t.api().post(base + "/shifts", body).status());
        assertEquals(200, t.api().post(base + "/shifts", body).status());
        assertEquals(1, rows("shifts", t));
    }

    @Test
    void aZReportForADayAfterTodayIsRefused() {
        TestServer.Tenant t = STORE.tenant("Bad Bistro");
        ApiClient.Response r = t.api().post(MoneyStore.store(t) + "/z-reports", Map.of("businessDate",
                STORE.clock.instant().plusSeconds(3 * 86_400).toString().substring(0, 10)));
        assertEquals(422, r.status(), r.body());
        assertEquals(0, rows("z_reports", t));
    }

    @Test
    void aZReportWaitsForTheOpenShifts() {
        TestServer.Tenant t = STORE.tenant("Bad Bistro");
        String base = MoneyStore.store(t);
        assertEquals(201, t.api().post(base + "/shifts", Map.of("shiftId", UUID.randomUUID().toString(),
                "terminal", "Till 1", "openingFloat", new BigDecimal("50.00"))).status());
        ApiClient.Response r = t.api().post(base + "/z-reports", Map.of("businessDate",
                STORE.clock.instant().toString().substring(0, 10)));
        assertEquals(409, r.status(), r.body());
        assertTrue(r.body().contains("close the open shifts before the Z report: Till 1"), r.body());
        assertEquals(0, rows("z_reports", t));
    }
}
