package io.brigade.server.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.ClockedServer;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Happy-hour rules in the property's local time and dispatch-type prices, applied by the server. */
class PricingRuleTest {
    // Friday 27 November 2026, 17:30 in Dublin (UTC+0 in winter).
    private static final Instant FRIDAY_1730 = Instant.parse("2026-11-27T17:30:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void happyHourTakesItsPercentOffItsCategoriesOnlyInsideTheWindow(String db) throws Exception {
        try (ClockedServer server = new ClockedServer(db, FRIDAY_1730)) {
            TestServer.Tenant t = server.newTenant();
            ApiClient api = V1.keyClient(t);
            String drinks = api.get("/api/v1/categories").json().get("data").get(2).get("id").asText();
            String rules = "/backoffice/v1/orgs/" + t.ids().orgId() + "/pricing-rules";
            ApiClient.Response rule = t.api().post(rules, Map.of("name", "Happy hour", "percentOff", 50,
                    "categoryIds", List.of(drinks), "days", List.of("FRIDAY", "SATURDAY"),
                    "startTime", "17:00", "endTime", "19:00"));
            assertEquals(201, rule.status(), rule.body());
            String ruleId = rule.json().get("ruleId").asText();

            String cola = t.ids().menuItemIds().get(9);
            String pizza = t.ids().menuItemIds().get(0);
            Map<String, Object> body = Map.of("menuId", t.ids().menuId(), "dispatchType", "DineIn",
                    "items", List.of(Map.of("mealId", cola, "quantity", 2), Map.of("mealId", pizza, "quantity", 1)));
            ApiClient.Response happy = api.with("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/orders", body);
            assertEquals(201, happy.status(), happy.body());
            JsonNode totals = happy.json().get("totals");
            assertEquals(0, totals.get("items").decimalValue().compareTo(new BigDecimal("17.50")), totals.toString());
            assertEquals(0, totals.get("discounts").decimalValue().compareTo(new BigDecimal("3.00")), "half of 2 x 3.00");
            assertEquals(0, totals.get("total").decimalValue().compareTo(new BigDecimal("14.50")));
            JsonNode applied = happy.json().get("pricingRules").get(0);
            assertEquals(ruleId, applied.get("ruleId").asText());
            assertEquals("Happy hour", applied.get("name").asText());

            // Stored with the sale: the v3 detail shows the rule's discount line.
            String saleId = happy.json().get("id").asText();
            JsonNode stored = t.api().get("/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/"
                    + t.ids().salesChannelId() + "/sales/" + saleId).json().get("data");
            assertEquals("rule:" + ruleId, stored.get("discounts").get(0).get("code").asText());

            server.clock().set(Instant.parse("2026-11-27T19:00:00Z"));
            ApiClient.Response after = api.with("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/orders", body);
            assertEquals(0, after.json().get("totals").get("total").decimalValue().compareTo(new BigDecimal("17.50")),
                    "19:00 is outside the window");
            assertTrue(after.json().get("pricingRules").isEmpty());

            server.clock().set(Instant.parse("2026-11-26T17:30:00Z")); // a Thursday
            ApiClient.Response thursday = api.with("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/orders", body);
            assertTrue(thursday.json().get("pricingRules").isEmpty(), "not on the rule's days");

            assertEquals(204, t.api().send("DELETE", rules + "/" + ruleId, null).status());
            assertEquals(0, t.api().get(rules).json().get("data").size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void dispatchTypePricesComeFromTheMenusPricingProfile(String db) throws Exception {
        try (ClockedServer server = new ClockedServer(db, FRIDAY_1730)) {
            TestServer.Tenant t = server.newTenant();
            String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
            Map<String, Object> profile = Map.of("priceBandId", "default", "dineInPrice", 10, "takeawayPrice", 9,
                    "collectionPrice", 9.5, "deliveryPrice", 12);
            Map<String, Object> soup = Map.of("caption", "Soup", "pricingProfiles", List.of(profile));
            ApiClient.Response created = t.api().post(menus, Map.of("name", "Lunch", "currency", "EUR",
                    "categories", List.of(Map.of("caption", "Soups", "items", List.of(soup)))));
            assertEquals(201, created.status(), created.body());
            String menuId = created.json().get("menuId").asText();
            assertTrue(t.api().post(menus + "/" + menuId + "/revisions/1/publish",
                    Map.of("salesChannelIds", List.of(t.ids().salesChannelId()))).status() < 300);
            ApiClient api = V1.keyClient(t);
            JsonNode menu = api.get("/api/v1/menus/" + menuId).json();
            String soupId = menu.get("categories").get(0).get("meals").get(0).get("id").asText();
            assertEquals(0, menu.get("categories").get(0).get("meals").get(0).get("prices").get("delivery")
                    .decimalValue().compareTo(new BigDecimal("12")));
            for (Map.Entry<String, String> e : Map.of("DineIn", "10", "TakeAway", "9", "Collection", "9.5",
                    "Delivery", "12").entrySet()) {
                ApiClient.Response o = api.with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders",
                        Map.of("menuId", menuId, "dispatchType", e.getKey(),
                                "items", List.of(Map.of("mealId", soupId, "quantity", 1))));
                assertEquals(201, o.status(), o.body());
                assertEquals(0, o.json().get("totals").get("total").decimalValue().compareTo(new BigDecimal(e.getValue())),
                        e.getKey());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void badRulesAreRefusedWithFieldPaths(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String rules = "/backoffice/v1/orgs/" + t.ids().orgId() + "/pricing-rules";
        ApiClient.Response bad = t.api().post(rules, Map.of("name", "x", "percentOff", 150,
                "categoryIds", List.of("c"), "days", List.of("FUNDAY"), "startTime", "25:00", "endTime", "19:00"));
        assertEquals(400, bad.status());
        List<String> fields = bad.json().get("errors").findValuesAsText("field");
        assertTrue(fields.containsAll(List.of("percentOff", "days[0]", "startTime")), fields.toString());
        ApiClient.Response unknown = t.api().post(rules, Map.of("name", "x", "percentOff", 10,
                "categoryIds", List.of("no-such-category"), "days", List.of("MONDAY"), "startTime", "17:00",
                "endTime", "19:00"));
        assertEquals(422, unknown.status());
        assertEquals("categoryIds[0]", unknown.json().get("errors").get(0).get("field").asText());
        ApiClient.Response nullId = t.api().send("POST", rules, "{\"name\":\"x\",\"percentOff\":10,"
                + "\"categoryIds\":[null],\"days\":[\"MONDAY\"],\"startTime\":\"17:00\",\"endTime\":\"19:00\"}");
        assertEquals(400, nullId.status(), nullId.body());
        assertEquals("categoryIds[0]", nullId.json().get("errors").get(0).get("field").asText());
        assertEquals(0, t.api().get(rules).json().get("data").size());
    }
}
