package io.brigade.server.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The v1 GET cache over HTTP: hits, invalidation by the org's writes, and no sharing between orgs. */
class V1CacheTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void getsAreCachedPerOrgAndDroppedWhenThatOrgsMenusStockOrOrdersChange(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant a = server.newTenant();
        TestServer.Tenant b = server.newTenant();
        ApiClient apiA = V1.keyClient(a);
        ApiClient apiB = V1.keyClient(b);

        assertEquals("brigade; fwd=miss; stored", apiA.get("/api/v1/meals").header("Cache-Status"));
        ApiClient.Response hit = apiA.get("/api/v1/meals");
        assertEquals("brigade; hit", hit.header("Cache-Status"));
        ApiClient.Response bMeals = apiB.get("/api/v1/meals");
        assertEquals("brigade; fwd=miss; stored", bMeals.header("Cache-Status"), "B never gets A's entry");
        assertFalse(bMeals.body().contains(a.ids().menuItemIds().get(0)));
        assertEquals("brigade; fwd=miss; stored", apiA.get("/api/v1/meals?categoryId=x").header("Cache-Status"),
                "the query is part of the key");

        // Stock write (back office) drops A's entries, not B's.
        String water = a.ids().menuItemIds().get(8);
        assertEquals(200, a.api().send("PUT", "/backoffice/v1/orgs/" + a.ids().orgId() + "/stock/" + water,
                "{\"quantity\":7}").status());
        ApiClient.Response afterStock = apiA.get("/api/v1/meals/" + water);
        assertEquals("brigade; fwd=miss; stored", afterStock.header("Cache-Status"));
        assertEquals(7, afterStock.json().get("stock").asInt());
        assertEquals("brigade; hit", apiB.get("/api/v1/meals").header("Cache-Status"));

        // An order through v1 and a sale through v3 both drop the order list.
        assertEquals(0, apiA.get("/api/v1/orders").json().get("data").size());
        assertEquals("brigade; hit", apiA.get("/api/v1/orders").header("Cache-Status"));
        assertEquals(201, apiA.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(a, water, 1)).status());
        ApiClient.Response afterOrder = apiA.get("/api/v1/orders");
        assertEquals(1, afterOrder.json().get("data").size());
        assertEquals(6, apiA.get("/api/v1/meals/" + water).json().get("stock").asInt());
        assertEquals(201, a.api().post("/salesManagement/orgs/" + a.ids().orgId() + "/sales",
                Sales.simple(a.ids(), "2026-11-23T12:00:00Z", "2.50"), "x-idempotency-key",
                UUID.randomUUID().toString()).status());
        ApiClient.Response afterPush = apiA.get("/api/v1/orders");
        assertEquals(2, afterPush.json().get("data").size(), afterPush.header("Cache-Status") + " " + afterPush.body());

        // A menu change (a new published revision) drops the menus.
        apiA.get("/api/v1/menus");
        assertEquals("brigade; hit", apiA.get("/api/v1/menus").header("Cache-Status"));
        String menus = "/menuManagement/orgs/" + a.ids().orgId() + "/menus";
        ApiClient.Response created = a.api().post(menus, Map.of("name", "Late", "currency", "EUR",
                "categories", java.util.List.of(Map.of("caption", "Snacks", "items", java.util.List.of(
                        Map.of("caption", "Crisps", "pricingProfiles", java.util.List.of(Map.of("priceBandId", "d",
                                "dineInPrice", 2, "takeawayPrice", 2, "collectionPrice", 2,
                                "deliveryPrice", 2))))))));
        assertEquals(201, created.status(), created.body());
        a.api().post(menus + "/" + created.json().get("menuId").asText() + "/revisions/1/publish",
                Map.of("salesChannelIds", java.util.List.of(a.ids().salesChannelId())));
        // A channel shows one menu: the new publication replaces the demo menu there.
        ApiClient.Response afterPublish = apiA.get("/api/v1/menus");
        assertEquals("brigade; fwd=miss; stored", afterPublish.header("Cache-Status"));
        assertEquals(created.json().get("menuId").asText(), afterPublish.json().get("data").get(0).get("id").asText());
    }
}
