package io.brigade.server.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 9 endpoints of /api/v1 over real HTTP, on H2 and PostgreSQL. */
class PublicApiTest {


    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void catalogEndpointsServeThePublishedMenu(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient api = V1.keyClient(t);

        ApiClient.Response meals = api.get("/api/v1/meals");
        assertEquals(200, meals.status(), meals.body());
        assertEquals(12, meals.json().get("data").size());
        JsonNode margherita = meals.json().get("data").get(0);
        assertEquals("Margherita", margherita.get("name").asText());
        assertEquals("11.5", margherita.get("prices").get("takeAway").decimalValue().stripTrailingZeros().toPlainString());
        assertEquals("Extra toppings", margherita.get("optionGroups").get(0).get("name").asText());
        assertTrue(margherita.get("available").asBoolean());
        assertNotNull(meals.header("RateLimit"));
        assertTrue(meals.header("RateLimit-Policy").contains("\"general\";q=1000;w=3600"));

        String categoryId = margherita.get("categoryId").asText();
        assertEquals(4, api.get("/api/v1/meals?categoryId=" + categoryId).json().get("data").size());

        ApiClient.Response meal = api.get("/api/v1/meals/" + t.ids().menuItemIds().get(8));
        assertEquals(200, meal.status(), meal.body());
        assertEquals("Sparkling water", meal.json().get("name").asText());
        assertEquals(404, api.get("/api/v1/meals/no-such-meal").status());

        ApiClient.Response categories = api.get("/api/v1/categories");
        assertEquals(List.of("Pizzas", "Burgers", "Drinks"), categories.json().get("data").findValuesAsText("name"));

        ApiClient.Response menus = api.get("/api/v1/menus");
        assertEquals(1, menus.json().get("data").size());
        assertEquals(t.ids().menuId(), menus.json().get("data").get(0).get("id").asText());
        assertEquals(t.ids().salesChannelId(), menus.json().get("data").get(0).get("salesChannelIds").get(0).asText());

        ApiClient.Response menu = api.get("/api/v1/menus/" + t.ids().menuId());
        assertEquals(200, menu.status(), menu.body());
        assertEquals(3, menu.json().get("categories").size());
        assertEquals(4, menu.json().get("categories").get(2).get("meals").size());
        assertEquals(404, api.get("/api/v1/menus/" + UUID.randomUUID()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void ordersAreServerPricedSalesThatFollowTheStateMachine(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient api = V1.keyClient(t);
        String pizza = t.ids().menuItemIds().get(0);
        String mushrooms = t.ids().modifierItemIds().get(1);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("menuId", t.ids().menuId(), "dispatchType", "TakeAway",
                "externalId", "deliveroo-77", "paymentMethod", "Online",
                "items", List.of(Map.of("mealId", pizza, "quantity", 2, "notes", "well done",
                        "options", List.of(Map.of("optionId", mushrooms)))));

        ApiClient.Response created = api.with("Idempotency-Key", key).post("/api/v1/orders", body);
        assertEquals(201, created.status(), created.body());
        JsonNode o = created.json();
        String id = o.get("id").asText();
        assertEquals("/api/v1/orders/" + id, created.header("Location"));
        assertEquals("SALE_CREATED", o.get("status").asText());
        assertEquals(0, o.get("items").get(0).get("unitPrice").decimalValue().compareTo(new java.math.BigDecimal("11.50")));
        assertEquals(0, o.get("totals").get("total").decimalValue().compareTo(new java.math.BigDecimal("25.00")),
                "2 x (11.50 + 1.00 mushrooms)");
        assertEquals(0, o.get("totals").get("paid").decimalValue().compareTo(new java.math.BigDecimal("25.00")));
        assertTrue(created.header("RateLimit-Policy").contains("\"orders\";q=100;w=3600"));

        ApiClient.Response replay = api.with("Idempotency-Key", key).post("/api/v1/orders", body);
        assertEquals(201, replay.status());
        assertEquals(id, replay.json().get("id").asText(), "a replayed key answers the original order");
        ApiClient.Response otherBody = api.with("Idempotency-Key", key).post("/api/v1/orders", V1.order(t, pizza, 1));
        assertEquals(422, otherBody.status(), otherBody.body());

        // The same sale through v3: one SaleService, one store.
        ApiClient.Response v3 = t.api().get("/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/"
                + t.ids().salesChannelId() + "/sales/" + id);
        assertEquals(200, v3.status(), v3.body());
        assertEquals("deliveroo-77", v3.json().get("data").get("externalId").asText());

        ApiClient.Response read = api.get("/api/v1/orders/" + id);
        assertEquals(200, read.status());
        assertEquals("well done", read.json().get("items").get(0).get("notes").asText());
        assertEquals(mushrooms, read.json().get("items").get(0).get("options").get(0).get("optionId").asText());

        String today = LocalDate.now(ZoneId.of("Europe/Dublin")).toString();
        ApiClient.Response list = api.get("/api/v1/orders?status=SALE_CREATED&from=" + today + "&to=" + today
                + "&pageSize=10");
        assertEquals(200, list.status(), list.body());
        assertEquals(List.of(id), list.json().get("data").findValuesAsText("id"));
        assertEquals(0, api.get("/api/v1/orders?status=SALE_DELIVERED").json().get("data").size());

        ApiClient.Response moved = api.send("PATCH", "/api/v1/orders/" + id + "/status",
                "{\"status\":\"SALE_IN_PREPARATION\"}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals("SALE_IN_PREPARATION", moved.json().get("status").asText());
        assertEquals("SALE_IN_PREPARATION", api.get("/api/v1/orders/" + id).json().get("status").asText(),
                "the cached read was invalidated by the status change");
        assertEquals(1, api.get("/api/v1/orders?status=SALE_IN_PREPARATION").json().get("data").size());
        ApiClient.Response skip = api.send("PATCH", "/api/v1/orders/" + id + "/status",
                "{\"status\":\"SALE_DELIVERED\"}");
        assertEquals(409, skip.status(), "the v3 state machine: no jump from preparation to delivered");
        ApiClient.Response noReason = api.send("PATCH", "/api/v1/orders/" + id + "/status",
                "{\"status\":\"SALE_CANCELLED\"}");
        assertEquals(400, noReason.status());
        assertEquals("cancellationReason", noReason.json().get("errors").get(0).get("field").asText());
        ApiClient.Response cancelled = api.send("PATCH", "/api/v1/orders/" + id + "/status",
                "{\"status\":\"SALE_CANCELLED\",\"cancellationReason\":\"customer left\"}");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("SALE_CANCELLED", cancelled.json().get("status").asText());
        ApiClient.Response afterFinal = api.send("PATCH", "/api/v1/orders/" + id + "/status",
                "{\"status\":\"SALE_IN_PREPARATION\"}");
        assertEquals(409, afterFinal.status(), afterFinal.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void badInputGetsProblemsWithFieldPathsAndChangesNothing(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient api = V1.keyClient(t).with("Idempotency-Key", UUID.randomUUID().toString());
        String pizza = t.ids().menuItemIds().get(0);

        ApiClient.Response noItems = api.post("/api/v1/orders", Map.of("menuId", t.ids().menuId(),
                "dispatchType", "TakeAway", "items", List.of(Map.of("mealId", pizza, "quantity", 0))));
        assertEquals(400, noItems.status());
        assertEquals("application/problem+json", noItems.header("Content-Type"));
        assertEquals("items[0].quantity", noItems.json().get("errors").get(0).get("field").asText());

        ApiClient.Response badEnum = api.post("/api/v1/orders", Map.of("menuId", t.ids().menuId(),
                "dispatchType", "Teleport", "items", List.of(Map.of("mealId", pizza, "quantity", 1))));
        assertEquals(400, badEnum.status());
        assertEquals("dispatchType", badEnum.json().get("errors").get(0).get("field").asText());

        ApiClient.Response unknownMeal = api.post("/api/v1/orders", V1.order(t, "no-such-meal", 1));
        assertEquals(422, unknownMeal.status());
        assertEquals("items[0].mealId", unknownMeal.json().get("errors").get(0).get("field").asText());

        ApiClient.Response badOption = api.post("/api/v1/orders", Map.of("menuId", t.ids().menuId(),
                "dispatchType", "TakeAway", "items", List.of(Map.of("mealId", pizza, "quantity", 1,
                        "options", List.of(Map.of("optionId", "nope"))))));
        assertEquals(422, badOption.status());
        assertEquals("items[0].options[0].optionId", badOption.json().get("errors").get(0).get("field").asText());

        ApiClient.Response noKey = V1.keyClient(t).post("/api/v1/orders", V1.order(t, pizza, 1));
        assertEquals(400, noKey.status(), "Idempotency-Key is required");

        assertEquals(400, api.get("/api/v1/orders?pageSize=101").status());
        assertEquals("pageSize", api.get("/api/v1/orders?pageSize=101").json().get("errors").get(0).get("field").asText());
        assertEquals(400, api.get("/api/v1/orders?status=LOST").status());
        assertEquals(400, api.get("/api/v1/orders?from=yesterday").status());
        assertEquals(400, api.send("PATCH", "/api/v1/orders/x/status", "{\"status\":\"EATEN\"}").status());
        assertEquals(404, api.send("PATCH", "/api/v1/orders/x/status", "{\"status\":\"SALE_DISPATCHED\"}").status());
        assertEquals(400, api.send("POST", "/api/v1/orders", "{not json").status());

        assertEquals(0, api.get("/api/v1/orders").json().get("data").size(), "no partial writes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void openApiDocumentIsServedWithoutAKey(String db) {
        TestServer server = TestServer.of(db);
        ApiClient.Response doc = new ApiClient(server.server().uri()).get("/api/v1/openapi.json");
        assertEquals(200, doc.status());
        assertTrue(doc.json().get("paths").has("/api/v1/orders/{id}/status"));
        assertFalse(doc.json().get("paths").has("/backoffice/v1/orgs/{orgId}/plan"));
    }
}
