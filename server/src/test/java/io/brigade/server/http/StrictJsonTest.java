package io.brigade.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lax JSON is refused with a problem that names the field, and nothing is stored. */
class StrictJsonTest {
    private static final String TIME = "2026-03-04T12:00:00Z";

    private static ApiClient.Response pushRaw(TestServer.Tenant t, String body) {
        return t.api().with("x-idempotency-key", UUID.randomUUID().toString())
                .send("POST", "/salesManagement/orgs/" + t.ids().orgId() + "/sales", body);
    }

    private static String saleJson(TestServer.Tenant t) throws Exception {
        return Json.mapper().writeValueAsString(Sales.simple(t.ids(), TIME, "3.00"));
    }

    private static long sales(TestServer.Tenant t, String db) {
        return TestDatabases.queryLong(TestServer.of(db).database(), "SELECT COUNT(*) FROM sales WHERE org_id = ?",
                t.ids().orgId());
    }

    private static void assertRefused(ApiClient.Response r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        List<String> fields = new java.util.ArrayList<>();
        JsonNode errors = r.json().get("errors");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.get("field").asText()));
        }
        assertTrue(fields.contains(field), "names " + field + ": " + r.body());
    }

    @Test
    void fractionalQuantityIsRefused() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        assertRefused(pushRaw(t, saleJson(t).replace("\"quantity\":1", "\"quantity\":1.9")), 400, "items[0].quantity");
        assertEquals(0, sales(t, "h2"));
    }

    @Test
    void quantityGivenAsTextIsRefused() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        assertRefused(pushRaw(t, saleJson(t).replace("\"quantity\":1", "\"quantity\":\"1\"")), 400,
                "items[0].quantity");
    }

    @Test
    void enumOrdinalIsRefused() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        ApiClient.Response r = pushRaw(t, saleJson(t).replace("\"dispatchType\":\"TakeAway\"", "\"dispatchType\":3"));
        assertRefused(r, 400, "dispatchType");
        assertTrue(r.body().contains("Delivery"), "lists the names: " + r.body());
        assertEquals(0, sales(t, "h2"));
    }

    @Test
    void jsonAfterTheBodyIsRefused() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        assertRefused(pushRaw(t, saleJson(t) + " {\"salesChannelId\":\"x\"}"), 400, "$");
        assertEquals(0, sales(t, "h2"));
    }

    @Test
    void numericFulfillmentTimeIsRefused() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        assertRefused(pushRaw(t, saleJson(t).replace("\"requestedFulfillmentTime\":\"" + TIME + "\"",
                "\"requestedFulfillmentTime\":1e300")), 400, "requestedFulfillmentTime");
        assertEquals(0, sales(t, "h2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-03-04T12:00:00Z", "-999999999-03-04T12:00:00Z"})
    void saleTimeBeyondFourDigitYearsIsRefused(String time) throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        assertRefused(pushRaw(t, saleJson(t).replace("\"paidAt\":\"" + TIME + "\"", "\"paidAt\":\"" + time + "\"")),
                400, "payments[0].paidAt");
        assertEquals(0, sales(t, "h2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-03-04T12:00:00Z", "-999999999-03-04T12:00:00Z"})
    void snoozeExpiryBeyondFourDigitYearsIsRefused(String expiry) {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        ApiClient.Response r = t.api().send("POST", snoozes(t), "{\"menuItemId\":\"" + t.ids().menuItemIds().get(8)
                + "\",\"snoozed\":true,\"expiry\":\"" + expiry + "\"}");
        assertRefused(r, 400, "expiry");
        String state = t.api().get(snoozes(t)).body();
        assertFalse(state.contains(t.ids().menuItemIds().get(8)), "nothing was snoozed: " + state);
    }

    @Test
    void snoozeExpiryMoreThanAYearAheadIsRefused() {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        ApiClient.Response r = t.api().post(snoozes(t), Map.of("menuItemId", t.ids().menuItemIds().get(8),
                "snoozed", true, "expiry", Instant.now().plus(400, ChronoUnit.DAYS).toString()));
        assertRefused(r, 422, "expiry");
    }

    private static String snoozes(TestServer.Tenant t) {
        return "/backoffice/v1/orgs/" + t.ids().orgId() + "/salesChannels/" + t.ids().salesChannelId() + "/snoozes";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void menuPriceBeyondAnyNumberRangeIsRefused(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        ApiClient.Response r = t.api().send("POST", menus, "{\"name\":\"Lunch\",\"currency\":\"EUR\",\"categories\":"
                + "[{\"caption\":\"Soups\",\"items\":[{\"caption\":\"Tomato soup\",\"pricingProfiles\":"
                + "[{\"priceBandId\":\"default\",\"takeawayPrice\":1e400}]}]}]}");
        assertRefused(r, 400, "categories[0].items[0].pricingProfiles[0].takeawayPrice");
        assertEquals(1, t.api().get(menus + "/headers").json().get("data").size(), "nothing was stored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void menuPriceOfATrillionIsRefused(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        ApiClient.Response r = t.api().send("POST", menus, "{\"name\":\"Lunch\",\"currency\":\"EUR\",\"categories\":"
                + "[{\"caption\":\"Soups\",\"items\":[{\"caption\":\"Tomato soup\",\"pricingProfiles\":"
                + "[{\"priceBandId\":\"default\",\"takeawayPrice\":1000000000000}]}]}]}");
        assertRefused(r, 422, "categories[0].items[0].pricingProfiles[0].takeawayPrice");
        assertEquals(1, t.api().get(menus + "/headers").json().get("data").size(), "nothing was stored");
    }
}
