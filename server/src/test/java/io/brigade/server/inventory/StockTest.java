package io.brigade.server.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stock decremented with each sale: v1 orders are refused when short, v3 pushes only decrement. */
class StockTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void itemReachingZeroBecomesUnavailableAndAnOrderForItIsRefused(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient api = V1.keyClient(t);
        String water = t.ids().menuItemIds().get(8);
        String stock = "/backoffice/v1/orgs/" + t.ids().orgId() + "/stock/" + water;

        assertTrue(api.get("/api/v1/meals/" + water).json().get("available").asBoolean());
        ApiClient.Response set = t.api().send("PUT", stock, "{\"quantity\":3}");
        assertEquals(200, set.status(), set.body());
        assertEquals(3, api.get("/api/v1/meals/" + water).json().get("stock").asInt(), "restock invalidated the cache");

        ApiClient.Response first = api.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(t, water, 2));
        assertEquals(201, first.status(), first.body());
        assertEquals(1, t.api().get(stock).json().get("quantity").asInt());

        ApiClient.Response tooMany = api.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(t, water, 2));
        assertEquals(409, tooMany.status(), tooMany.body());
        assertTrue(tooMany.json().get("detail").asText().contains("out of stock"));
        assertEquals(1, t.api().get(stock).json().get("quantity").asInt(), "the refused order took nothing");
        assertEquals(1, api.get("/api/v1/orders").json().get("data").size(), "and stored no sale");

        assertEquals(201, api.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(t, water, 1)).status());
        JsonNode meal = api.get("/api/v1/meals/" + water).json();
        assertEquals(0, meal.get("stock").asInt());
        assertFalse(meal.get("available").asBoolean(), "an item at zero is unavailable");
        ApiClient.Response soldOut = api.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(t, water, 1));
        // At zero the item is also snoozed (StockOutSnoozeTest), so the order is refused as unavailable.
        assertEquals(422, soldOut.status(), soldOut.body());
        assertTrue(soldOut.body().contains(water), soldOut.body());

        // A v3 push is a sale that already happened (an offline till): it decrements below zero.
        ApiClient.Response pushed = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales",
                Sales.simple(t.ids(), "2026-11-23T12:00:00Z", "2.50"), "x-idempotency-key",
                UUID.randomUUID().toString());
        assertEquals(201, pushed.status(), pushed.body());
        assertEquals(-1, t.api().get(stock).json().get("quantity").asInt());

        assertEquals(200, t.api().send("PUT", stock, "{\"quantity\":10}").status());
        assertTrue(api.get("/api/v1/meals/" + water).json().get("available").asBoolean(), "restocked");
        assertEquals(1, t.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/stock").json().get("data").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void badStockInputIsRefusedWithFieldPaths(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String base = "/backoffice/v1/orgs/" + t.ids().orgId() + "/stock/";
        String water = t.ids().menuItemIds().get(8);
        ApiClient.Response negative = t.api().send("PUT", base + water, "{\"quantity\":-1}");
        assertEquals(400, negative.status());
        assertEquals("quantity", negative.json().get("errors").get(0).get("field").asText());
        assertEquals(400, t.api().send("PUT", base + water, "{\"quantity\":\"many\"}").status());
        assertEquals(404, t.api().send("PUT", base + "no-such-meal", "{\"quantity\":1}").status());
        assertEquals(404, t.api().get(base + water).status(), "untracked");
        ApiClient.Response withKey = V1.keyClient(t).with("Authorization", "Bearer " + t.ids().apiKey())
                .send("PUT", base + water, "{\"quantity\":1}");
        assertEquals(403, withKey.status(), "back office refuses an API key");
    }
}
