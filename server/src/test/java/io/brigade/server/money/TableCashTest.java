package io.brigade.server.money;

import static io.brigade.server.money.MoneyDayTest.assertMoney;
import static io.brigade.server.money.MoneyDayTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Money taken at a table goes into the drawer of the till that took it: a check paid partly in cash on one till and
 * partly by card on another counts the cash in the first till's expected cash, the card on the second's report, and
 * each once on the store's Z. Every figure is summed again here from the sales as the v3 API reads them back.
 */
class TableCashTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aCheckPaidOnTwoTillsCountsEachPaymentInTheDrawerThatTookIt(String kind) throws Exception {
        MoneyStore store = MoneyStore.of(kind);
        store.clock.set(Instant.parse("2026-12-07T18:00:00Z"));
        TestServer.Tenant t = store.tenant("Table Cash Bistro");
        MoneyStore.Till a = store.pair(t, "Front till");
        MoneyStore.Till b = store.pair(t, "Bar till");
        String base = MoneyStore.store(t);
        String shiftA = MoneyDayTest.open(a, base, "100.00");
        String shiftB = MoneyDayTest.open(b, base, "50.00");

        // Table 7 at A: 11.50 + 6.00 + 3.00; A takes 12.00 in cash naming its shift, B the rest by card (B's
        // payment names no shift: the store server finds the one open on B).
        store.clock.set(Instant.parse("2026-12-07T19:30:00Z"));
        t = store.fresh(t);
        String check = openTable(store, a, t, "7");
        List<String> items = t.ids().menuItemIds();
        MoneyDayTest.checkOp(store, a, t, check, "add", Map.of("lines", List.of(
                MoneyDayTest.line("pizza", items.get(0), "11.50"), MoneyDayTest.line("beer", items.get(11), "6.00"),
                MoneyDayTest.line("cola", items.get(9), "3.00"))));
        MoneyDayTest.checkOp(store, a, t, check, "pay", Map.of("paymentMethod", "Cash", "amount",
                new BigDecimal("12.00"), "shiftId", shiftA));
        MoneyDayTest.checkOp(store, b, t, check, "pay", Map.of("paymentMethod", "Credit", "amount",
                new BigDecimal("8.50")));

        // Each payment's till on the stored sale, the sale itself the settling till's (B's).
        JsonNode sale = onlySale(t);
        JsonNode metadata = Json.mapper().readTree(sale.get("metadata").asText());
        assertEquals(shiftB, metadata.get("shiftId").asText(), metadata.toString());
        assertEquals(b.deviceId(), metadata.get("deviceId").asText());
        assertEquals(shiftA, MoneyDayTest.Expected.paymentShift(sale, 0));
        assertEquals(shiftB, MoneyDayTest.Expected.paymentShift(sale, 1));

        // Each till's X: its own payments; the check (its items, its one sale) on the till that settled it.
        Map<String, BigDecimal> cashOnA = new TreeMap<>(Map.of("Cash", new BigDecimal("12.00")));
        Map<String, BigDecimal> cardOnB = new TreeMap<>(Map.of("Credit", new BigDecimal("8.50")));
        JsonNode xA = ok(t.api().get(base + "/x-report?businessDate=2026-12-07&deviceId=" + a.deviceId()));
        assertEquals(paymentsOf(sale, metadata, a.deviceId()), lines(xA.get("paymentMethods")));
        assertEquals(cashOnA, lines(xA.get("paymentMethods")));
        assertEquals(0, xA.get("checks").asInt());
        JsonNode xB = ok(t.api().get(base + "/x-report?businessDate=2026-12-07&deviceId=" + b.deviceId()));
        assertEquals(paymentsOf(sale, metadata, b.deviceId()), lines(xB.get("paymentMethods")));
        assertEquals(cardOnB, lines(xB.get("paymentMethods")));
        assertEquals(1, xB.get("checks").asInt());
        assertMoney("20.50", xB.get("grossSales"));
        // A shift's X: the cash A took, in A's drawer.
        JsonNode xShiftA = ok(t.api().get(base + "/x-report?shiftId=" + shiftA));
        assertEquals(cashOnA, lines(xShiftA.get("paymentMethods")));
        assertMoney("112.00", MoneyDayTest.drawer(xShiftA, shiftA).get("expected"));

        // The blind counts: A holds its float and the table's cash, B its float.
        store.clock.set(Instant.parse("2026-12-07T22:00:00Z"));
        JsonNode closedA = ok(a.api().post(base + "/shifts/" + shiftA + "/close", Map.of("countedCash",
                new BigDecimal("112.00"))));
        assertMoney("112.00", closedA.get("expectedCash"));
        assertMoney("0.00", closedA.get("overShort"));
        JsonNode closedB = ok(b.api().post(base + "/shifts/" + shiftB + "/close", Map.of("countedCash",
                new BigDecimal("50.00"))));
        assertMoney("50.00", closedB.get("expectedCash"));
        assertMoney("0.00", closedB.get("overShort"));

        // The store's Z: each payment once, each drawer as summed from the stored sale.
        t = store.fresh(t);
        ApiClient.Response z = t.api().post(base + "/z-reports", Map.of("businessDate", "2026-12-07"));
        assertEquals(201, z.status(), z.body());
        MoneyDayTest.Expected expected = MoneyDayTest.Expected.of(t, List.of(shiftA, shiftB),
                Map.of(shiftA, "100.00", shiftB, "50.00"), Map.of(shiftA, BigDecimal.ZERO, shiftB, BigDecimal.ZERO));
        expected.check(z.json());
        Map<String, BigDecimal> both = new TreeMap<>(cashOnA);
        both.putAll(cardOnB);
        assertEquals(both, lines(z.json().get("paymentMethods")));
        assertMoney("112.00", MoneyDayTest.drawer(z.json(), shiftA).get("expected"));
        assertMoney("50.00", MoneyDayTest.drawer(z.json(), shiftB).get("expected"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aPaymentTakenWithNoShiftOpenCountsInNoDrawer(String kind) throws Exception {
        MoneyStore store = MoneyStore.of(kind);
        store.clock.set(Instant.parse("2026-12-07T18:00:00Z"));
        TestServer.Tenant t = store.tenant("No Shift Bistro");
        MoneyStore.Till a = store.pair(t, "Front till");
        MoneyStore.Till c = store.pair(t, "Terrace till");
        String base = MoneyStore.store(t);
        String shiftA = MoneyDayTest.open(a, base, "100.00");

        store.clock.set(Instant.parse("2026-12-07T19:30:00Z"));
        t = store.fresh(t);
        String check = openTable(store, c, t, "21");
        MoneyDayTest.checkOp(store, c, t, check, "add", Map.of("lines", List.of(
                MoneyDayTest.line("pizza", t.ids().menuItemIds().get(0), "11.50"))));
        MoneyDayTest.checkOp(store, c, t, check, "pay", Map.of("paymentMethod", "Cash", "amount",
                new BigDecimal("11.50")));

        JsonNode sale = onlySale(t);
        JsonNode metadata = Json.mapper().readTree(sale.get("metadata").asText());
        assertEquals(c.deviceId(), metadata.get("deviceId").asText());
        assertFalse(metadata.has("shiftId"), metadata.toString());
        assertEquals(null, MoneyDayTest.Expected.paymentShift(sale, 0));
        JsonNode x = ok(t.api().get(base + "/x-report?businessDate=2026-12-07"));
        assertEquals(new TreeMap<>(Map.of("Cash", new BigDecimal("11.50"))), lines(x.get("paymentMethods")));
        assertEquals(1, x.get("cash").size(), x.get("cash").toString());
        assertMoney("100.00", MoneyDayTest.drawer(x, shiftA).get("expected"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aPaymentNamingAnotherTillsShiftIsRefused(String kind) throws Exception {
        MoneyStore store = MoneyStore.of(kind);
        store.clock.set(Instant.parse("2026-12-07T18:00:00Z"));
        TestServer.Tenant t = store.tenant("Wrong Drawer Bistro");
        MoneyStore.Till a = store.pair(t, "Front till");
        MoneyStore.Till b = store.pair(t, "Bar till");
        String base = MoneyStore.store(t);
        String shiftA = MoneyDayTest.open(a, base, "100.00");
        MoneyDayTest.open(b, base, "50.00");
        String check = openTable(store, b, t, "3");
        MoneyDayTest.checkOp(store, b, t, check, "add", Map.of("lines", List.of(
                MoneyDayTest.line("pizza", t.ids().menuItemIds().get(0), "11.50"))));

        for (Map.Entry<String, String> wrong : Map.of(shiftA, "is the shift of Front till",
                UUID.randomUUID().toString(), "in this store", "x".repeat(41), "shiftId").entrySet()) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("type", "pay");
            op.put("operationId", UUID.randomUUID().toString());
            op.put("paymentMethod", "Cash");
            op.put("amount", new BigDecimal("11.50"));
            op.put("shiftId", wrong.getKey());
            ApiClient.Response r = b.api().post("/backoffice/v1/orgs/" + t.ids().orgId() + "/checks/" + check
                    + "/operations", op);
            assertTrue(r.status() == 400 || r.status() == 422, r.body());
            assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
            assertTrue(r.body().contains(wrong.getValue()), r.body());
        }
        JsonNode after = ok(b.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/checks/" + check));
        assertEquals(0, after.get("payments").size(), after.toString());
        assertEquals("OPEN", after.get("state").asText(), after.toString());
    }

    private static String openTable(MoneyStore store, MoneyStore.Till till, TestServer.Tenant t, String table) {
        String check = UUID.randomUUID().toString();
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("propertyId", t.ids().propertyId());
        opening.put("salesChannelId", t.ids().salesChannelId());
        opening.put("dispatchType", "DineIn");
        opening.put("table", table);
        opening.put("guests", 2);
        opening.put("menuId", t.ids().menuId());
        opening.put("menuRevisionId", t.ids().menuRevisionId());
        MoneyDayTest.checkOp(store, till, t, check, "open", opening);
        return check;
    }

    /** The tenant's one sale of the day, as the v3 API reads it back. */
    private static JsonNode onlySale(TestServer.Tenant t) {
        String channel = "/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/" + t.ids().salesChannelId();
        JsonNode headers = ok(t.api().get(channel + "/sales?fromDate=2026-12-07&toDate=2026-12-07")).get("data");
        assertEquals(1, headers.size(), headers.toString());
        return ok(t.api().get(channel + "/sales/" + headers.get(0).get("saleId").asText())).get("data");
    }

    /** The sale's payments by method that {@code deviceId} took, summed from its metadata and payment lines. */
    private static Map<String, BigDecimal> paymentsOf(JsonNode sale, JsonNode metadata, String deviceId) {
        Map<String, BigDecimal> out = new TreeMap<>();
        int i = 0;
        for (JsonNode p : sale.get("payments")) {
            JsonNode own = metadata.path("paymentTills").path(i++);
            String device = own.isObject() ? own.get("deviceId").asText() : metadata.get("deviceId").asText();
            if (device.equals(deviceId)) {
                out.merge(p.get("paymentMethod").asText(), p.get("amount").decimalValue().setScale(2),
                        BigDecimal::add);
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> lines(JsonNode lines) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode l : lines) {
            out.put(l.get("name").asText(), l.get("amount").decimalValue().setScale(2));
        }
        return out;
    }
}
