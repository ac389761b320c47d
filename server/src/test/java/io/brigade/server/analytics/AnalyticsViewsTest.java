package io.brigade.server.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.AnalyticsFixture;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every analytics view against the hand-computed fixture of {@link AnalyticsFixture} (Europe/Dublin, UTC+1 in May):
 * <pre>
 * A 2026-05-06 12:30 local  2 x Margherita 11.50 + Mozzarella 1.50 (26.00), Cola 3.00; Spot discount 2.90
 *                           -> paid 26.10; discount shares Margherita 2.60, Cola 0.30
 * B 2026-05-06 19:15 local  Classic burger 12.00 + Sweet potato fries 1.00; Service charge 1.00;
 *                           paid 20.00 cash, refunded 6.00 -> revenue 14.00
 * C 2026-05-07 13:00 local  Margherita + Mushrooms + Rocket (13.30), 2 x Sparkling water (5.00) -> CANCELLED
 * D 2026-05-07 20:00 local  Margherita 11.50, Voucher 10.00 -> revenue 1.50 (a loss: cost 2.90)
 * Costs: Margherita 2.90, Mozzarella 0.40, Cola 0.55, Classic burger 3.80, Sweet potato fries 0.55.
 * </pre>
 */
class AnalyticsViewsTest {
    private static final Map<String, Fixture> FIXTURES = new ConcurrentHashMap<>();

    private record Fixture(TestServer server, TestServer.Tenant tenant, Map<String, String> saleIds) {
        String path(String view, String query) {
            return "/backoffice/v1/orgs/" + tenant.ids().orgId() + "/analytics/" + view + "?" + query;
        }

        JsonNode get(String view, String query) {
            ApiClient.Response r = tenant.api().get(path(view, query));
            assertEquals(200, r.status(), r.body());
            return r.json();
        }
    }

    private static final String RANGE = "fromDate=2026-05-06&toDate=2026-05-07";

    private static synchronized Fixture fixture(String db) {
        return FIXTURES.computeIfAbsent(db, AnalyticsViewsTest::build);
    }

    private static Fixture build(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        DemoBootstrap.Result ids = t.ids();
        String margherita = ids.menuItemIds().get(0);
        String burger = ids.menuItemIds().get(4);
        String cola = ids.menuItemIds().get(9);
        String mozzarella = ids.modifierItemIds().get(0);
        String rocket = ids.modifierItemIds().get(3);
        String sweetPotato = ids.modifierItemIds().get(6);
        Map<String, String> saleIds = new HashMap<>();

        // The till's order_placed for B arrives before B itself: it counts, B's own does not.
        String keyA = UUID.randomUUID().toString();
        String keyB = UUID.randomUUID().toString();
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(event(ids, "order_placed", null, null, keyB));

        Map<String, Map<String, Object>> fixture = AnalyticsFixture.sales(ids);
        fixture.get("A").put("externalId", keyA);
        fixture.get("B").put("externalId", keyB);
        fixture.get("C").put("externalId", UUID.randomUUID().toString());
        fixture.get("D").put("externalId", UUID.randomUUID().toString());
        saleIds.put("A", create(t, fixture.get("A")));
        postEvents(t, events);
        for (String name : List.of("B", "C", "D")) {
            saleIds.put(name, create(t, fixture.get(name)));
        }
        Map<String, Object> cancel = new LinkedHashMap<>();
        cancel.put("salesChannelId", ids.salesChannelId());
        cancel.put("cancellationReason", "Customer left");
        ApiClient.Response cancelled = t.api().post("/salesManagement/orgs/" + ids.orgId() + "/sales/"
                + saleIds.get("C") + "/cancel", cancel);
        assertEquals(200, cancelled.status(), cancelled.body());

        // Client events of 2026-05-06; the till's order_placed for A repeats the server's and is not counted.
        events.clear();
        for (int i = 0; i < 4; i++) {
            events.add(event(ids, "meal_viewed", margherita, null, null));
        }
        events.add(event(ids, "meal_viewed", burger, null, null));
        events.add(event(ids, "meal_viewed", burger, null, null));
        events.add(event(ids, "meal_viewed", cola, null, null));
        events.add(event(ids, "meal_customized", margherita, null, null));
        events.add(event(ids, "meal_customized", margherita, null, null));
        events.add(event(ids, "meal_customized", burger, null, null));
        events.add(event(ids, "addon_selected", margherita, mozzarella, null));
        events.add(event(ids, "addon_selected", margherita, mozzarella, null));
        events.add(event(ids, "option_selected", burger, sweetPotato, null));
        events.add(event(ids, "addon_selected", margherita, rocket, null));
        events.add(event(ids, "meal_added_to_cart", margherita, null, null));
        events.add(event(ids, "meal_added_to_cart", margherita, null, null));
        events.add(event(ids, "meal_added_to_cart", burger, null, null));
        events.add(event(ids, "meal_added_to_cart", cola, null, null));
        events.add(event(ids, "order_placed", null, null, keyA));
        postEvents(t, events);
        return new Fixture(server, t, saleIds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void summaryCountsOrdersRevenueAndCancellationsApart(String db) {
        JsonNode s = fixture(db).get("summary", RANGE);
        assertEquals(3, s.get("orders").asInt());
        assertMoney("41.60", s.get("revenue"));
        assertMoney("13.87", s.get("averageOrderValue"));
        assertMoney("53.50", s.get("itemSales"));
        assertMoney("1.00", s.get("charges"));
        assertMoney("12.90", s.get("discounts"));
        assertMoney("6.00", s.get("refunds"));
        assertEquals(1, s.get("cancelledOrders").asInt());
        assertMoney("18.30", s.get("cancelledAmount"));
        JsonNode top = s.get("topMeals");
        assertEquals(3, top.size(), top.toString());
        assertEquals("Margherita", top.get(0).get("name").asText());
        assertEquals(3, top.get(0).get("quantity").asInt());
        assertEquals(2, top.get(0).get("orders").asInt());
        assertMoney("24.90", top.get(0).get("revenue"));
        assertEquals("Classic burger", top.get(1).get("name").asText());
        assertMoney("13.00", top.get(1).get("revenue"));
        assertEquals("Cola", top.get(2).get("name").asText());
        assertMoney("2.70", top.get(2).get("revenue"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void dailyTrendPerBusinessDateAndLocalHour(String db) {
        JsonNode d = fixture(db).get("daily", "fromDate=2026-05-05&toDate=2026-05-07");
        JsonNode days = d.get("days");
        assertEquals(3, days.size());
        assertEquals("2026-05-05", days.get(0).get("date").asText());
        assertEquals(0, days.get(0).get("orders").asInt());
        assertEquals(2, days.get(1).get("orders").asInt());
        assertMoney("40.10", days.get(1).get("revenue"));
        assertEquals(0, days.get(1).get("cancelledOrders").asInt());
        assertEquals(1, days.get(2).get("orders").asInt());
        assertMoney("1.50", days.get(2).get("revenue"));
        assertEquals(1, days.get(2).get("cancelledOrders").asInt());
        assertMoney("18.30", days.get(2).get("cancelledAmount"));
        JsonNode hours = d.get("hours");
        assertEquals(24, hours.size());
        for (JsonNode h : hours) {
            int hour = h.get("hour").asInt();
            String revenue = switch (hour) {
                case 12 -> "26.10";
                case 19 -> "14.00";
                case 20 -> "1.50";
                default -> "0.00";
            };
            assertMoney(revenue, h.get("revenue"));
            assertEquals(revenue.equals("0.00") ? 0 : 1, h.get("orders").asInt(), "hour " + hour);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void mealLevelAnalyticsJoinsEventsAndSales(String db) {
        Map<String, JsonNode> meals = byName(fixture(db).get("meals", RANGE).get("meals"));
        assertEquals(3, meals.size(), meals.keySet().toString());
        assertMeal(meals.get("Margherita"), 4, 2, 2, 2, 3, "24.90");
        assertMeal(meals.get("Classic burger"), 2, 1, 1, 1, 1, "13.00");
        assertMeal(meals.get("Cola"), 1, 0, 1, 1, 1, "2.70");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void optionPopularityCountsSelectionsUnitsAndRevenue(String db) {
        Map<String, JsonNode> options = byName(fixture(db).get("options", RANGE).get("options"));
        assertEquals(3, options.size(), options.keySet().toString());
        JsonNode mozzarella = options.get("Extra mozzarella");
        assertEquals("Extra toppings", mozzarella.get("group").asText());
        assertEquals(2, mozzarella.get("selections").asInt());
        assertEquals(2, mozzarella.get("quantity").asInt());
        assertEquals(1, mozzarella.get("orders").asInt());
        assertMoney("3.00", mozzarella.get("revenue"));
        JsonNode side = options.get("Sweet potato fries");
        assertEquals("Choose a side", side.get("group").asText());
        assertEquals(1, side.get("selections").asInt());
        assertEquals(1, side.get("quantity").asInt());
        assertMoney("1.00", side.get("revenue"));
        JsonNode rocket = options.get("Rocket"); // selected once, only sold in the cancelled sale
        assertEquals(1, rocket.get("selections").asInt());
        assertEquals(0, rocket.get("quantity").asInt());
        assertMoney("0.00", rocket.get("revenue"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void funnelCountsEachOrderOnceAndGivesRates(String db) {
        Fixture f = fixture(db);
        JsonNode funnel = f.get("funnel", RANGE);
        JsonNode overall = funnel.get("overall");
        assertEquals(7, overall.get("views").asInt());
        assertEquals(3, overall.get("customizations").asInt());
        assertEquals(4, overall.get("addsToCart").asInt());
        // A, B, C (placed, then cancelled) and D: four orders although A and B also have the till's event.
        assertEquals(4, overall.get("orders").asInt());
        assertMoney("42.86", overall.get("customizeRate"));
        assertMoney("57.14", overall.get("addToCartRate"));
        assertMoney("100.00", overall.get("orderRate"));
        assertMoney("57.14", overall.get("conversionRate"));
        Map<String, JsonNode> meals = new HashMap<>();
        funnel.get("meals").forEach(m -> meals.put(m.get("name").asText(), m.get("steps")));
        JsonNode margherita = meals.get("Margherita");
        assertEquals(4, margherita.get("views").asInt());
        assertEquals(2, margherita.get("customizations").asInt());
        assertEquals(2, margherita.get("addsToCart").asInt());
        assertEquals(3, margherita.get("orders").asInt());
        assertMoney("150.00", margherita.get("orderRate"));
        JsonNode water = meals.get("Sparkling water");
        assertEquals(0, water.get("views").asInt());
        assertEquals(1, water.get("orders").asInt());
        assertNull(water.get("conversionRate"));
        // Both till order_placed events were stored, even though they did not count.
        assertEquals(6, countRows(f, "SELECT COUNT(*) FROM analytics_events WHERE org_id = ? AND type = 'ORDER_PLACED'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void saleWithoutPartnersReferenceIsOneOrderWithoutAClaimedKey(String db) {
        Fixture shared = fixture(db);
        TestServer.Tenant t = shared.server().newTenant();
        Map<String, Object> sale = AnalyticsFixture.sales(t.ids()).get("A");
        sale.remove("externalId");
        ApiClient.Response r = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
        // A client's order_placed carrying the sale's own key repeats the server's: it is stored, not counted.
        postEvents(t, List.of(event(t.ids(), "order_placed", null, null, "sale:" + r.json().get("saleId").asText())));
        Fixture f = new Fixture(shared.server(), t, Map.of());
        assertEquals(1, f.get("funnel", RANGE).get("overall").get("orders").asInt());
        assertEquals(0, countRows(f, "SELECT COUNT(*) FROM analytics_order_keys WHERE org_id = ?"));

        // A partner's reference that merely looks like a sale's own key is claimed like any other.
        Map<String, Object> partners = AnalyticsFixture.sales(t.ids()).get("B");
        partners.put("externalId", "sale:partner-1");
        create(t, partners);
        assertEquals(2, f.get("funnel", RANGE).get("overall").get("orders").asInt());
        assertEquals(1, countRows(f, "SELECT COUNT(*) FROM analytics_order_keys WHERE org_id = ?"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void profitabilityPerMealWithModifierCostsAndLossLeaders(String db) {
        Fixture f = fixture(db);
        JsonNode p = f.get("profitability", RANGE);
        assertMoney("40.60", p.get("revenue"));
        assertMoney("14.40", p.get("cost"));
        assertMoney("26.20", p.get("margin"));
        assertMoney("64.53", p.get("marginPercent"));
        Map<String, JsonNode> meals = byName(p.get("meals"));
        assertProfit(meals.get("Margherita"), "24.90", "9.50", "15.40", "61.85");
        assertProfit(meals.get("Classic burger"), "13.00", "4.35", "8.65", "66.54");
        assertProfit(meals.get("Cola"), "2.70", "0.55", "2.15", "79.63");
        assertEquals(3, meals.size());
        List<String> highest = new ArrayList<>();
        p.get("highestMargin").forEach(m -> highest.add(m.get("name").asText()));
        assertEquals(List.of("Cola", "Classic burger", "Margherita"), highest);
        assertEquals(0, p.get("lossLeaders").size());

        JsonNode day2 = f.get("profitability", "fromDate=2026-05-07&toDate=2026-05-07");
        assertEquals(1, day2.get("lossLeaders").size());
        assertProfit(day2.get("lossLeaders").get(0), "1.50", "2.90", "-1.40", "-93.33");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void ingredientUsagePerCostedComponent(String db) {
        JsonNode usage = fixture(db).get("ingredients", RANGE);
        assertMoney("14.40", usage.get("totalCost"));
        Map<String, JsonNode> rows = byName(usage.get("ingredients"));
        assertEquals(5, rows.size(), rows.keySet().toString());
        assertUsage(rows.get("Margherita"), "item", 3, "8.70");
        assertUsage(rows.get("Classic burger"), "item", 1, "3.80");
        assertUsage(rows.get("Cola"), "item", 1, "0.55");
        assertUsage(rows.get("Extra mozzarella"), "modifier", 2, "0.80");
        assertUsage(rows.get("Sweet potato fries"), "modifier", 1, "0.55");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void filtersByPropertyChannelAndChannelType(String db) {
        Fixture f = fixture(db);
        DemoBootstrap.Result ids = f.tenant().ids();
        assertMoney("41.60", f.get("summary", RANGE + "&propertyId=" + ids.propertyId()).get("revenue"));
        assertMoney("41.60", f.get("summary", RANGE + "&salesChannelId=" + ids.salesChannelId()
                + "&salesChannelType=POS").get("revenue"));
        JsonNode kiosk = f.get("summary", RANGE + "&salesChannelType=KIOSK");
        assertEquals(0, kiosk.get("orders").asInt());
        assertEquals(0, kiosk.get("cancelledOrders").asInt());
        assertEquals(0, f.get("funnel", RANGE + "&salesChannelType=KIOSK").get("overall").get("views").asInt());
        assertEquals(0, f.get("summary", "fromDate=2026-05-08&toDate=2026-05-31").get("orders").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void channelTypeFilterCountsOnlyThatTypesChannels(String db) {
        TestServer.Tenant t = fixture(db).server().newTenant();
        DemoBootstrap.Result ids = t.ids();
        String org = ids.orgId();
        String web = t.api().post("/orgManagement/orgs/" + org + "/properties/" + ids.propertyId() + "/salesChannels",
                Map.of("brandId", ids.brandId(), "salesChannelType", "FlipdishWebApp", "name", "Web"))
                .json().get("data").get("salesChannelId").asText();
        assertEquals(200, t.api().post("/menuManagement/orgs/" + org + "/menus/" + ids.menuId()
                + "/revisions/1/publish", Map.of("salesChannelIds", List.of(web))).status());
        Map<String, Map<String, Object>> sales = AnalyticsFixture.sales(ids);
        List<Map<String, Object>> events = new ArrayList<>();
        for (String name : List.of("A", "B", "C", "D")) {
            Map<String, Object> sale = sales.get(name);
            String channel = name.equals("B") || name.equals("D") ? web : ids.salesChannelId();
            sale.put("salesChannelId", channel);
            sale.put("externalId", UUID.randomUUID().toString());
            create(t, sale);
            Map<String, Object> viewed = event(ids, "meal_viewed", ids.menuItemIds().get(0), null, null);
            viewed.put("salesChannelId", channel);
            events.add(viewed);
            Map<String, Object> selected = event(ids, "addon_selected", ids.menuItemIds().get(0),
                    ids.modifierItemIds().get(0), null);
            selected.put("salesChannelId", channel);
            events.add(selected);
        }
        events.add(event(ids, "meal_added_to_cart", ids.menuItemIds().get(4), null, null));
        postEvents(t, events);
        for (String view : List.of("summary", "daily", "meals", "options", "funnel", "profitability", "ingredients")) {
            JsonNode pos = views(t, view, RANGE + "&salesChannelType=POS");
            assertEquals(views(t, view, RANGE + "&salesChannelId=" + ids.salesChannelId()), pos, view);
            assertEquals(views(t, view, RANGE + "&salesChannelId=" + web),
                    views(t, view, RANGE + "&salesChannelType=FlipdishWebApp"), view);
            assertFalse(views(t, view, RANGE).equals(pos), view);
        }
    }

    private static JsonNode views(TestServer.Tenant t, String view, String query) {
        ApiClient.Response r = t.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/analytics/" + view + "?" + query);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void reconciliationListsSalesWhoseLinesDisagreeWithTheHeader(String db) {
        Fixture f = fixture(db);
        JsonNode clean = f.get("reconciliation", RANGE);
        assertEquals(4, clean.get("salesChecked").asInt());
        assertEquals(0, clean.get("mismatches").size(), clean.toString());
        // An out-of-band edit of one header total (what the check exists to catch), on a separate tenant.
        TestServer.Tenant t = f.server().newTenant();
        Map<String, Object> twoColas = Sales.simple(t.ids(), "2026-05-06T11:30:00Z", "6.00");
        twoColas.put("externalId", UUID.randomUUID().toString());
        twoColas.put("items", List.of(Sales.item(t.ids().menuItemIds().get(9), 2, "3.00", List.of())));
        String saleId = create(t, twoColas);
        f.server().database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sales SET total_items = 7 WHERE sale_id = ?")) {
                ps.setString(1, saleId);
                assertEquals(1, ps.executeUpdate());
            }
            return null;
        });
        JsonNode r = t.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/analytics/reconciliation?" + RANGE).json();
        assertEquals(1, r.get("salesChecked").asInt());
        assertEquals(1, r.get("mismatches").size(), r.toString());
        JsonNode m = r.get("mismatches").get(0);
        assertEquals(saleId, m.get("saleId").asText());
        assertEquals("totalItems", m.get("field").asText());
        assertMoney("7.00", m.get("header"));
        assertMoney("6.00", m.get("lines"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void badFiltersAreRefusedWithFieldPaths(String db) {
        Fixture f = fixture(db);
        assertBad(f, "summary", "toDate=2026-05-07", "fromDate");
        assertBad(f, "summary", "fromDate=2026-13-01&toDate=2026-05-07", "fromDate");
        assertBad(f, "daily", "fromDate=2026-05-08&toDate=2026-05-07", "toDate");
        assertBad(f, "meals", "fromDate=2025-01-01&toDate=2026-05-07", "toDate");
        assertBad(f, "options", RANGE + "&salesChannelType=Drone", "salesChannelType");
        TestServer.Tenant other = f.server().newTenant();
        assertBad(f, "funnel", RANGE + "&propertyId=" + other.ids().propertyId(), "propertyId");
        assertBad(f, "profitability", RANGE + "&salesChannelId=" + other.ids().salesChannelId(), "salesChannelId");
        assertBad(f, "reconciliation", "fromDate=2026-01-01&toDate=2026-05-07", "toDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void tierSettingAndCredentialGates(String db) {
        Fixture f = fixture(db);
        TestServer.Tenant t = f.server().newTenant();
        String path = "/backoffice/v1/orgs/" + t.ids().orgId() + "/analytics/summary?" + RANGE;
        assertEquals(200, t.api().get(path).status());

        setOrg(f, t, "UPDATE orgs SET analytics_enabled = FALSE WHERE org_id = ?");
        ApiClient.Response off = t.api().get(path);
        assertEquals(403, off.status());
        assertTrue(off.json().get("detail").asText().contains("switched off"), off.body());

        setOrg(f, t, "UPDATE orgs SET analytics_enabled = TRUE, plan = 'Professional' WHERE org_id = ?");
        ApiClient.Response professional = t.api().get(path);
        assertEquals(403, professional.status());
        assertTrue(professional.json().get("detail").asText().contains("Enterprise"), professional.body());
        for (String view : List.of("daily", "meals", "options", "funnel", "profitability", "ingredients",
                "reconciliation")) {
            assertEquals(403, t.api().get(path.replace("/summary?", "/" + view + "?")).status(), view);
        }

        ApiClient keyClient = new ApiClient(f.server().server().uri()).with("FD-Authorization", f.tenant().ids().apiKey());
        ApiClient.Response byKey = keyClient.get(f.path("summary", RANGE));
        assertEquals(403, byKey.status());
        assertTrue(byKey.json().get("detail").asText().contains("API key"), byKey.body());
        // Another org's analytics: 404, whatever the path's view.
        assertEquals(404, t.api().get(f.path("summary", RANGE)).status());
        assertEquals(404, f.tenant().api().get(path).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sessionIdIsStoredAndServerEventIdsAreReserved(String db) {
        Fixture f = fixture(db);
        assertEquals(20, countRows(f, "SELECT COUNT(*) FROM analytics_events WHERE org_id = ? AND session_id = 'session-1'"));
        Map<String, Object> e = event(f.tenant().ids(), "meal_viewed", f.tenant().ids().menuItemIds().get(0), null, null);
        e.put("eventId", "sale:ABCDEF");
        ApiClient.Response r = f.tenant().api().post("/analytics/orgs/" + f.tenant().ids().orgId() + "/events",
                Map.of("events", List.of(e)));
        assertEquals(400, r.status(), r.body());
        assertEquals("events[0].eventId", r.json().get("errors").get(0).get("field").asText());
    }

    private static void setOrg(Fixture f, TestServer.Tenant t, String sql) {
        f.server().database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, t.ids().orgId());
                assertEquals(1, ps.executeUpdate());
            }
            return null;
        });
    }

    private static void assertBad(Fixture f, String view, String query, String field) {
        ApiClient.Response r = f.tenant().api().get(f.path(view, query));
        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), view + " " + query + " -> " + r.body());
    }

    private static long countRows(Fixture f, String sql) {
        return f.server().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, f.tenant().ids().orgId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void assertMeal(JsonNode m, int views, int customizations, int adds, int orders, int quantity,
                                   String revenue) {
        assertEquals(views, m.get("views").asInt(), m.toString());
        assertEquals(customizations, m.get("customizations").asInt(), m.toString());
        assertEquals(adds, m.get("addsToCart").asInt(), m.toString());
        assertEquals(orders, m.get("orders").asInt(), m.toString());
        assertEquals(quantity, m.get("quantity").asInt(), m.toString());
        assertMoney(revenue, m.get("revenue"));
    }

    private static void assertProfit(JsonNode m, String revenue, String cost, String margin, String percent) {
        assertMoney(revenue, m.get("revenue"));
        assertMoney(cost, m.get("cost"));
        assertMoney(margin, m.get("margin"));
        assertMoney(percent, m.get("marginPercent"));
    }

    private static void assertUsage(JsonNode row, String kind, int quantity, String cost) {
        assertEquals(kind, row.get("kind").asText());
        assertEquals(quantity, row.get("quantity").asInt());
        assertMoney(cost, row.get("cost"));
    }

    private static void assertMoney(String expected, JsonNode actual) {
        assertFalse(actual == null || actual.isNull(), "missing value, expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()),
                "expected " + expected + " but was " + actual);
    }

    private static Map<String, JsonNode> byName(JsonNode rows) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.get("name").asText(), r));
        return out;
    }

    private static String create(TestServer.Tenant t, Map<String, Object> sale) {
        ApiClient.Response r = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", (String) sale.get("externalId"));
        assertEquals(201, r.status(), r.body());
        return r.json().get("saleId").asText();
    }

    private static void postEvents(TestServer.Tenant t, List<Map<String, Object>> events) {
        ApiClient.Response r = t.api().post("/analytics/orgs/" + t.ids().orgId() + "/events", Map.of("events", events));
        assertEquals(202, r.status(), r.body());
        assertEquals(events.size(), r.json().get("accepted").asInt());
    }

    private static Map<String, Object> event(DemoBootstrap.Result ids, String type, String item, String modifier,
                                             String saleKey) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("occurredAt", "2026-05-06T10:00:00Z");
        e.put("propertyId", ids.propertyId());
        e.put("salesChannelId", ids.salesChannelId());
        e.put("menuItemId", item);
        e.put("modifierItemId", modifier);
        e.put("saleKey", saleKey);
        e.put("sessionId", "session-1");
        return e;
    }
}
