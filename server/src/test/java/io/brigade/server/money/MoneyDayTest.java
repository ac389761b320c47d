package io.brigade.server.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store's day: two tills open shifts, sell in cash, by card and split, pay out and in, open the drawer for no
 * sale, void lines a table's round had sent to the kitchen, and close with blind counts; the Z report's figures are then summed again here, independently, from the
 * sales as the v3 API reads them back and the menu revision they were rung against.
 */
class MoneyDayTest {
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDayOfTwoTillsClosesWithAZReportThatAddsUp(String kind) throws Exception {
        MoneyStore store = MoneyStore.of(kind);
        store.clock.set(Instant.parse("2026-12-07T08:00:00Z"));
        TestServer.Tenant t = store.tenant("Day Bistro");
        MoneyStore.Till a = store.pair(t, "Front till");
        MoneyStore.Till b = store.pair(t, "=2+3 Bar");
        String base = MoneyStore.store(t);
        List<String> items = t.ids().menuItemIds();
        List<String> modifiers = t.ids().modifierItemIds();

        String shiftA = open(a, base, "100.00");
        String shiftB = open(b, base, "150.00");

        // Till A: a cash dine-in for two with a service charge, a card sale with a tip, a split with a discount.
        store.clock.set(Instant.parse("2026-12-07T09:30:00Z"));
        Map<String, Object> s1 = sale(t, a, shiftA, "DineIn", List.of(Sales.item(items.get(0), 2, "11.50",
                List.of(Sales.item(modifiers.get(0), 1, "1.50", List.of())))), "Service", "2.60", null, null);
        s1.put("dineIn", Map.of("tableId", "4", "guests", 2));
        pay(s1, "Cash", "28.60");
        String first = sellAt(a, t, s1, store.clock.instant().toString());
        store.clock.set(Instant.parse("2026-12-07T12:10:00Z"));
        Map<String, Object> s2 = sale(t, a, shiftA, "TakeAway", List.of(Sales.item(items.get(5), 1, "13.00",
                List.of(Sales.item(modifiers.get(6), 1, "1.00", List.of()))), Sales.item(items.get(8), 2, "3.00",
                List.of())), "Tip", "2.00", null, null);
        pay(s2, "Credit", "22.00");
        sellAt(a, t, s2, store.clock.instant().toString());
        Map<String, Object> s3 = sale(t, a, shiftA, "TakeAway", List.of(Sales.item(items.get(1), 1, "12.00",
                List.of()), Sales.item(items.get(9), 1, "7.00", List.of())), null, null, "Spot", "1.90");
        pay(s3, "Cash", "10.00");
        pay(s3, "Credit", "7.10");
        sellAt(a, t, s3, store.clock.instant().toString());

        // Till B: cash, card, and a sale that is cancelled again.
        store.clock.set(Instant.parse("2026-12-07T13:45:00Z"));
        Map<String, Object> s4 = sale(t, b, shiftB, "TakeAway", List.of(Sales.item(items.get(10), 3, "6.00",
                List.of())), null, null, null, null);
        pay(s4, "Cash", "18.00");
        sellAt(b, t, s4, store.clock.instant().toString());
        Map<String, Object> s5 = sale(t, b, shiftB, "DineIn", List.of(Sales.item(items.get(2), 1, "12.50",
                List.of())), null, null, null, null);
        s5.put("dineIn", Map.of("tableId", "9", "guests", 1));
        pay(s5, "Credit", "12.50");
        sellAt(b, t, s5, store.clock.instant().toString());
        Map<String, Object> s6 = sale(t, b, shiftB, "TakeAway", List.of(Sales.item(items.get(8), 1, "3.00",
                List.of())), null, null, null, null);
        pay(s6, "Cash", "3.00");
        String cancelled = sellAt(b, t, s6, store.clock.instant().toString());
        ApiClient.Response cancel = b.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales/" + cancelled
                + "/cancel", Map.of("cancellationReason", "rung twice"));
        assertEquals(200, cancel.status(), cancel.body());
        // An integrator's sale of the store: in the store's figures, in no drawer.
        t = store.fresh(t);
        Map<String, Object> web = Sales.simple(t.ids(), store.clock.instant().toString(), "3.00");
        web.put("payments", new ArrayList<>(List.of(Sales.payment("Sale", "Online", "3.00",
                store.clock.instant().toString()))));
        assertEquals(201, t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", web,
                "x-idempotency-key", UUID.randomUUID().toString()).status());

        // A refund of one of the two mains of the first sale, in cash from A's drawer, approved by a manager's PIN.
        store.clock.set(Instant.parse("2026-12-07T14:05:00Z"));
        String refundApproval = approve(a, base, t, "REFUND", "13.00", "cold food");
        ApiClient.Response refund = a.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales/" + first
                + "/refunds", Map.of("refundId", UUID.randomUUID().toString(), "lines", List.of(Map.of("line", 1,
                "quantity", 1)), "paymentMethod", "Cash", "reason", "cold food", "shiftId", shiftA,
                "approvalId", refundApproval, "staffName", "Ana"));
        assertEquals(200, refund.status(), refund.body());
        assertMoney("13.00", refund.json().get("data").get("amount"));

        // Cash by hand: supplies paid out at A, change brought in and a no-sale open (approved) at B.
        move(a, base, shiftA, "PAY_OUT", "12.40", "milk and lemons for the bar", null);
        move(b, base, shiftB, "PAY_IN", "20.00", "change from the bank", null);
        move(b, base, shiftB, "NO_SALE", null, "change for the bar", approve(b, base, t, "NO_SALE", null,
                "change for the bar"));

        // Table 12 at A: a round the kitchen has, then three of its lines voided, each with a manager's approval.
        store.clock.set(Instant.parse("2026-12-07T14:30:00Z"));
        new DemoBootstrap(store.database, store.clock).addDemoStations(t.ids());
        String table = UUID.randomUUID().toString();
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("propertyId", t.ids().propertyId());
        opening.put("salesChannelId", t.ids().salesChannelId());
        opening.put("dispatchType", "DineIn");
        opening.put("table", "12");
        opening.put("guests", 2);
        opening.put("menuId", t.ids().menuId());
        opening.put("menuRevisionId", t.ids().menuRevisionId());
        checkOp(store, a, t, table, "open", opening);
        checkOp(store, a, t, table, "add", Map.of("lines", List.of(line("pizza", items.get(0), "11.50"),
                line("beer", items.get(11), "6.00"), line("cola", items.get(9), "3.00"))));
        checkOp(store, a, t, table, "send", Map.of());
        voidLine(store, a, base, t, table, "beer", "6.00", "spilled");
        voidLine(store, a, base, t, table, "cola", "3.00", "spilled");
        voidLine(store, a, base, t, table, "pizza", "11.50", "guest changed their mind");

        // The count is blind: the till does not see what the drawer should hold before it counts.
        JsonNode before = ok(a.api().get(base + "/shifts/" + shiftA));
        assertTrue(before.get("expectedCash").isNull(), before.toString());
        BigDecimal expectedA = new BigDecimal("100.00").add(new BigDecimal("28.60")).add(new BigDecimal("10.00"))
                .subtract(new BigDecimal("13.00")).subtract(new BigDecimal("12.40"));
        BigDecimal expectedB = new BigDecimal("150.00").add(new BigDecimal("18.00")).add(new BigDecimal("20.00"));
        store.clock.set(Instant.parse("2026-12-07T22:00:00Z"));
        JsonNode closedA = ok(a.api().post(base + "/shifts/" + shiftA + "/close",
                Map.of("countedCash", expectedA.add(new BigDecimal("0.50")), "staffName", "Ana")));
        assertMoney("0.50", closedA.get("overShort"));
        assertMoney(expectedA.toPlainString(), closedA.get("expectedCash"));
        // B counts by denomination: 2 x 50, 4 x 20, 1 x 5, 2 x 0.50 = 186.00, the expected 188.00 less 2.00.
        Map<String, Integer> coins = new TreeMap<>(Map.of("50", 2, "20", 4, "5", 1, "0.50", 2));
        BigDecimal countedB = new BigDecimal("186.00");
        assertEquals(0, expectedB.subtract(new BigDecimal("2.00")).compareTo(countedB));
        JsonNode closedB = ok(b.api().post(base + "/shifts/" + shiftB + "/close", Map.of("denominations", coins)));
        assertMoney("-2.00", closedB.get("overShort"));
        assertMoney("186.00", closedB.get("countedCash"));

        // Till B still holds two sales it has not sent: the report names it rather than missing them silently.
        assertEquals(204, b.api().post(base + "/outbox", Map.of("pendingSales", 2,
                "oldestAt", "2026-12-07T21:58:00Z")).status());

        t = store.fresh(t);
        ApiClient.Response z = t.api().post(base + "/z-reports", Map.of("businessDate", "2026-12-07"));
        assertEquals(201, z.status(), z.body());
        JsonNode report = z.json();
        assertEquals(1, report.get("zNumber").asLong());
        assertEquals(1, report.get("refundCount").asInt());
        Expected expected = Expected.of(t, List.of(shiftA, shiftB), Map.of(shiftA, "100.00", shiftB, "150.00"),
                Map.of(shiftA, new BigDecimal("-12.40"), shiftB, new BigDecimal("20.00")));
        expected.check(report);
        JsonNode drawerA = drawer(report, shiftA);
        JsonNode drawerB = drawer(report, shiftB);
        assertEquals("Front till", drawerA.get("deviceName").asText());
        assertMoney("0.50", drawerA.get("overShort"));
        assertMoney("-2.00", drawerB.get("overShort"));
        assertEquals(1, drawerB.get("noSales").asInt());
        assertMoney("13.00", drawerA.get("cashRefunds"));
        assertMoney("12.40", drawerA.get("payOuts"));
        assertEquals("=2+3 Bar", report.get("unsynced").get(0).get("deviceName").asText());
        assertEquals(2, report.get("unsynced").get(0).get("pendingSales").asInt());

        // The voids of sent lines, by reason (the cancelled sale is counted apart, in voidCount).
        JsonNode lineVoids = report.get("lineVoids");
        assertEquals(2, lineVoids.size(), lineVoids.toString());
        assertEquals("guest changed their mind", lineVoids.get(0).get("name").asText());
        assertEquals(1, lineVoids.get(0).get("count").asInt());
        assertMoney("11.50", lineVoids.get(0).get("amount"));
        assertEquals("spilled", lineVoids.get(1).get("name").asText());
        assertEquals(2, lineVoids.get(1).get("count").asInt());
        assertMoney("9.00", lineVoids.get(1).get("amount"));

        // A day has one Z; the next one taken is numbered on.
        ApiClient.Response again = t.api().post(base + "/z-reports", Map.of("businessDate", "2026-12-07"));
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("Z 1 closed 2026-12-07"), again.body());
        store.clock.set(Instant.parse("2026-12-08T22:30:00Z"));
        t = store.fresh(t);
        ApiClient.Response next = t.api().post(base + "/z-reports", Map.of("businessDate", "2026-12-08"));
        assertEquals(201, next.status(), next.body());
        assertEquals(2, next.json().get("zNumber").asLong());
        assertEquals(0, next.json().get("checks").asInt());

        // Stored unchanged, listed newest first, exported as CSV that a spreadsheet cannot run.
        JsonNode stored = ok(t.api().get(base + "/z-reports/1"));
        assertEquals(report, stored);
        JsonNode list = ok(t.api().get(base + "/z-reports")).get("data");
        assertEquals(List.of(2L, 1L), List.of(list.get(0).get("zNumber").asLong(), list.get(1).get("zNumber").asLong()));
        ApiClient.Response csv = t.api().get(base + "/z-reports/1/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().contains("totals,net sales," + expected.checks + "," + expected.net.toPlainString()), csv.body());
        assertTrue(csv.body().contains("'=2+3 Bar"), csv.body());
        assertTrue(csv.body().contains("line void,spilled,2,9.00"), csv.body());
        assertTrue(!csv.body().contains(",=2+3"), csv.body());
    }

    static JsonNode drawer(JsonNode report, String shift) {
        for (JsonNode c : report.get("cash")) {
            if (c.get("shiftId").asText().equals(shift)) {
                return c;
            }
        }
        throw new AssertionError("no drawer of shift " + shift + " in " + report.get("cash"));
    }

    // ---- the day's moves ----

    static String open(MoneyStore.Till till, String base, String cash) {
        String id = UUID.randomUUID().toString();
        ApiClient.Response r = till.api().post(base + "/shifts", Map.of("shiftId", id, "openingFloat",
                new BigDecimal(cash), "staffName", "Ana"));
        assertEquals(201, r.status(), r.body());
        assertMoney(cash, r.json().get("openingFloat"));
        return id;
    }

    /** Applies one operation of {@code type} to a check at {@code till}, made now by the store's clock. */
    static void checkOp(MoneyStore store, MoneyStore.Till till, TestServer.Tenant t, String checkId,
                                String type, Map<String, Object> fields) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("type", type);
        op.put("operationId", UUID.randomUUID().toString());
        op.put("at", store.clock.instant().toString());
        op.putAll(fields);
        ApiClient.Response r = till.api().post("/backoffice/v1/orgs/" + t.ids().orgId() + "/checks/" + checkId
                + "/operations", op);
        assertEquals(201, r.status(), r.body());
    }

    static Map<String, Object> line(String lineId, String menuItemId, String price) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineId", lineId);
        line.put("menuItemId", menuItemId);
        line.put("quantity", 1);
        line.put("unitPrice", new BigDecimal(price));
        line.put("seat", 1);
        line.put("course", 1);
        line.put("modifierItems", List.of());
        return line;
    }

    /** Voids a sent line whole, with a manager's approval of its price. */
    private static void voidLine(MoneyStore store, MoneyStore.Till till, String base, TestServer.Tenant t,
                                 String checkId, String lineId, String price, String reason) {
        checkOp(store, till, t, checkId, "void", Map.of("lineId", lineId, "reason", reason,
                "approvalId", approve(till, base, t, "VOID", price, reason)));
    }

    /** A manager approves {@code action} at the till with their PIN; answers the approval's id. */
    static String approve(MoneyStore.Till till, String base, TestServer.Tenant t, String action, String amount,
                          String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        if (amount != null) {
            body.put("amount", new BigDecimal(amount));
        }
        body.put("reason", reason);
        body.put("managerPin", t.ids().managerPin());
        body.put("requestedBy", "Ana");
        ApiClient.Response r = till.api().post(base + "/approvals", body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("approvalId").asText();
    }

    private static void move(MoneyStore.Till till, String base, String shift, String kind, String amount,
                             String reason, String approvalId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (approvalId != null) {
            body.put("approvalId", approvalId);
        }
        body.put("movementId", UUID.randomUUID().toString());
        body.put("kind", kind);
        if (amount != null) {
            body.put("amount", new BigDecimal(amount));
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        ApiClient.Response r = till.api().post(base + "/shifts/" + shift + "/movements", body);
        assertEquals(200, r.status(), r.body());
    }

    private static int numbers;

    static Map<String, Object> sale(TestServer.Tenant t, MoneyStore.Till till, String shift, String dispatch,
                                    List<Map<String, Object>> lines, String chargeType, String charge,
                                    String discountType, String discount) {
        Map<String, Object> sale = Sales.simple(t.ids(), Instant.now().toString(), "1.00");
        sale.put("displayId", till.prefix() + "-" + String.format("%04d", ++numbers));
        sale.put("dispatchType", dispatch);
        sale.put("items", new ArrayList<>(lines));
        sale.put("payments", new ArrayList<>());
        if (chargeType != null) {
            sale.put("charges", new ArrayList<>(List.of(Sales.amount(chargeType, charge, null))));
        }
        if (discountType != null) {
            sale.put("discounts", new ArrayList<>(List.of(Sales.amount(discountType, discount, null))));
        }
        sale.put("metadata", "{\"shiftId\":\"" + shift + "\",\"staffName\":\"Ana\"}");
        return sale;
    }

    @SuppressWarnings("unchecked")
    static void pay(Map<String, Object> sale, String method, String amount) {
        ((List<Object>) sale.get("payments")).add(Sales.payment("Sale", method, amount, null));
    }

    /** Pushes the sale as the till, at the store's clock; answers its id. */
    @SuppressWarnings("unchecked")
    static String sellAt(MoneyStore.Till till, TestServer.Tenant t, Map<String, Object> sale, String now) {
        sale.put("requestedFulfillmentTime", now);
        for (Object p : (List<Object>) sale.get("payments")) {
            ((Map<String, Object>) p).put("paidAt", now);
        }
        ApiClient.Response r = till.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
        return r.json().get("saleId").asText();
    }

    static JsonNode ok(ApiClient.Response r) {
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static void assertMoney(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), expected + " vs " + actual);
    }

    // ---- the figures, summed again from the stored sales ----

    /** The Z figures as this test sums them from the sales the v3 API reads back. */
    static final class Expected {
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        BigDecimal net;
        BigDecimal service = BigDecimal.ZERO;
        BigDecimal tips = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        BigDecimal voidAmount = BigDecimal.ZERO;
        int checks;
        int covers;
        int voids;
        final Map<String, BigDecimal> methods = new TreeMap<>();
        final Map<String, BigDecimal> categories = new TreeMap<>();
        final Map<String, BigDecimal> hours = new TreeMap<>();
        final Map<String, BigDecimal> discountTypes = new TreeMap<>();
        final Map<String, BigDecimal> cash = new HashMap<>();
        final List<String> shifts = new ArrayList<>();

        static Expected of(TestServer.Tenant t, List<String> shifts, Map<String, String> floats,
                           Map<String, BigDecimal> byHand) {
            Expected e = new Expected();
            e.shifts.addAll(shifts);
            String org = "/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/" + t.ids().salesChannelId();
            JsonNode headers = ok(t.api().get(org + "/sales?fromDate=2026-12-07&toDate=2026-12-07")).get("data");
            JsonNode menu = ok(t.api().get("/menuManagement/orgs/" + t.ids().orgId() + "/menus/" + t.ids().menuId()
                    + "/revisions/" + t.ids().menuRevisionId())).get("data").get("menu");
            Map<String, String> categoryOf = new HashMap<>();
            Map<String, BigDecimal> rateOf = new HashMap<>();
            for (JsonNode cat : menu.get("categories")) {
                for (JsonNode item : cat.get("items")) {
                    categoryOf.put(item.get("id").asText(), cat.get("caption").asText());
                    rateOf.put(item.get("id").asText(), item.get("pricingProfiles").get(0).get("dineInTax").decimalValue());
                }
            }
            for (JsonNode group : menu.get("modifiers")) {
                for (JsonNode item : group.get("items")) {
                    rateOf.put(item.get("id").asText(), item.get("pricingProfiles").get(0).get("takeawayTax").decimalValue());
                }
            }
            shifts.forEach(s -> e.cash.put(s, new BigDecimal(floats.get(s)).add(byHand.get(s))));
            BigDecimal vatUnrounded = BigDecimal.ZERO;
            for (JsonNode h : headers) {
                JsonNode sale = ok(t.api().get(org + "/sales/" + h.get("saleId").asText())).get("data");
                BigDecimal items = BigDecimal.ZERO;
                for (JsonNode line : sale.get("items")) {
                    items = items.add(lineTotal(line));
                }
                BigDecimal discounts = BigDecimal.ZERO;
                for (JsonNode d : sale.get("discounts")) {
                    discounts = discounts.add(d.get("amount").decimalValue());
                }
                BigDecimal charges = BigDecimal.ZERO;
                for (JsonNode ch : sale.get("charges")) {
                    charges = charges.add(ch.get("amount").decimalValue());
                }
                BigDecimal amount = items.add(charges).subtract(discounts);
                if ("SALE_CANCELLED".equals(sale.get("status").asText())) {
                    e.voids++;
                    e.voidAmount = e.voidAmount.add(amount);
                    continue;
                }
                e.checks++;
                e.gross = e.gross.add(items);
                e.discounts = e.discounts.add(discounts);
                for (JsonNode d : sale.get("discounts")) {
                    e.discountTypes.merge(d.get("type").asText(), d.get("amount").decimalValue(), BigDecimal::add);
                }
                for (JsonNode ch : sale.get("charges")) {
                    switch (ch.get("type").asText()) {
                        case "Service" -> e.service = e.service.add(ch.get("amount").decimalValue());
                        case "Tip" -> e.tips = e.tips.add(ch.get("amount").decimalValue());
                        default -> e.other = e.other.add(ch.get("amount").decimalValue());
                    }
                }
                if (sale.get("dineIn").isObject()) {
                    e.covers += sale.get("dineIn").get("guests").asInt();
                }
                int index = 0;
                for (JsonNode p : sale.get("payments")) {
                    String shift = paymentShift(sale, index++);
                    BigDecimal a = p.get("amount").decimalValue();
                    boolean refund = "Refund".equals(p.get("type").asText());
                    e.methods.merge(p.get("paymentMethod").asText(), refund ? a.negate() : a, BigDecimal::add);
                    if (refund) {
                        e.refunds = e.refunds.add(a);
                    }
                    if ("Cash".equals(p.get("paymentMethod").asText()) && e.cash.containsKey(shift)) {
                        e.cash.merge(shift, refund ? a.negate() : a, BigDecimal::add);
                    }
                }
                String hour = String.format("%02d:00", Instant.parse(h.get("dateTime").asText()).atZone(DUBLIN)
                        .getHour());
                e.hours.merge(hour, amount, BigDecimal::add);
                BigDecimal keep = BigDecimal.ONE.subtract(discounts.divide(items, 10, RoundingMode.HALF_UP));
                for (JsonNode line : sale.get("items")) {
                    e.categories.merge(categoryOf.get(line.get("menuItemId").asText()), lineTotal(line),
                            BigDecimal::add);
                    vatUnrounded = vatUnrounded.add(vat(line, 1, keep, rateOf));
                }
            }
            e.net = e.gross.subtract(e.discounts).subtract(e.refunds);
            e.vat = vatUnrounded.setScale(2, RoundingMode.HALF_UP);
            return e;
        }

        void check(JsonNode z) {
            assertMoney(gross.toPlainString(), z.get("grossSales"));
            assertMoney(discounts.toPlainString(), z.get("discounts"));
            assertMoney(refunds.toPlainString(), z.get("refunds"));
            assertMoney(net.toPlainString(), z.get("netSales"));
            assertMoney(service.toPlainString(), z.get("serviceCharges"));
            assertMoney(tips.toPlainString(), z.get("tips"));
            assertMoney(other.toPlainString(), z.get("otherCharges"));
            assertMoney(vat.toPlainString(), z.get("vatTotal"));
            assertEquals(checks, z.get("checks").asInt());
            assertEquals(covers, z.get("covers").asInt());
            assertMoney(net.divide(BigDecimal.valueOf(checks), 2, RoundingMode.HALF_UP).toPlainString(),
                    z.get("averageCheck"));
            assertEquals(voids, z.get("voidCount").asInt());
            assertMoney(voidAmount.toPlainString(), z.get("voidAmount"));
            assertEquals(methods, lines(z.get("paymentMethods")));
            assertEquals(categories, lines(z.get("categories")));
            assertEquals(hours, lines(z.get("hours")));
            assertEquals(discountTypes, lines(z.get("discountTypes")));
            BigDecimal vatLines = BigDecimal.ZERO;
            for (JsonNode v : z.get("vatRates")) {
                vatLines = vatLines.add(v.get("vat").decimalValue());
                assertEquals(0, v.get("gross").decimalValue().compareTo(v.get("net").decimalValue()
                        .add(v.get("vat").decimalValue())));
            }
            assertMoney(vat.toPlainString(), new com.fasterxml.jackson.databind.node.DecimalNode(vatLines));
            Map<String, BigDecimal> drawers = new HashMap<>();
            for (JsonNode c : z.get("cash")) {
                drawers.put(c.get("shiftId").asText(), c.get("expected").decimalValue().setScale(2));
            }
            Map<String, BigDecimal> mine = new HashMap<>();
            cash.forEach((k, v) -> mine.put(k, v.setScale(2)));
            assertEquals(mine, drawers);
        }

        private static Map<String, BigDecimal> lines(JsonNode lines) {
            Map<String, BigDecimal> out = new TreeMap<>();
            for (JsonNode l : lines) {
                out.put(l.get("name").asText(), l.get("amount").decimalValue().setScale(2));
            }
            return out;
        }

        /** The shift a payment was taken in: its own till's (a table's check), else the sale's. */
        static String paymentShift(JsonNode sale, int index) {
            try {
                JsonNode m = io.brigade.protocol.Json.mapper().readTree(sale.get("metadata").asText());
                JsonNode own = m.path("paymentTills").path(index);
                if (own.isObject()) {
                    return own.has("shiftId") ? own.get("shiftId").asText() : null;
                }
                return m.has("shiftId") ? m.get("shiftId").asText() : null;
            } catch (Exception ex) {
                return null;
            }
        }

        static BigDecimal lineTotal(JsonNode line) {
            BigDecimal unit = line.get("unitPrice").decimalValue();
            if (line.get("modifierItems").isArray()) {
                for (JsonNode m : line.get("modifierItems")) {
                    unit = unit.add(lineTotal(m));
                }
            }
            return unit.multiply(BigDecimal.valueOf(line.get("quantity").asLong()));
        }

        /** The VAT held in {@code units} of a line (prices include it), after the sale's discounts. */
        private static BigDecimal vat(JsonNode line, long parentUnits, BigDecimal keep, Map<String, BigDecimal> rates) {
            long units = parentUnits * line.get("quantity").asLong();
            BigDecimal rate = rates.getOrDefault(line.get("menuItemId").asText(), BigDecimal.ZERO);
            BigDecimal amount = line.get("unitPrice").decimalValue().multiply(BigDecimal.valueOf(units)).multiply(keep);
            BigDecimal tax = amount.multiply(rate).divide(rate.add(BigDecimal.valueOf(100)), 10, RoundingMode.HALF_UP);
            if (line.get("modifierItems").isArray()) {
                for (JsonNode m : line.get("modifierItems")) {
                    tax = tax.add(vat(m, units, keep, rates));
                }
            }
            return tax;
        }
    }

}
