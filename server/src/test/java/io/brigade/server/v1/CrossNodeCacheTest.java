package io.brigade.server.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes on one PostgreSQL database, as a chain runs them: a write answered by node 1 is seen by the
 * very next read on node 2, although node 2 had the old answer cached.
 */
class CrossNodeCacheTest {
    private static Database database1;
    private static Database database2;
    private static BrigadeServer node1;
    private static BrigadeServer node2;
    private static TestServer.Tenant onNode1;
    private static ApiClient v1OnNode1;
    private static ApiClient v1OnNode2;

    @BeforeAll
    static void twoNodes() throws Exception {
        String url = TestDatabases.freshUrl("postgres");
        database1 = Database.open(url, "postgres", null);
        database2 = Database.open(url, "postgres", null);
        node1 = BrigadeServer.create(0, database1, Clock.systemUTC()).start();
        node2 = BrigadeServer.create(0, database2, Clock.systemUTC()).start();
        DemoBootstrap.Result org = new DemoBootstrap(database1, Clock.systemUTC()).run("Two Node Bistro");
        onNode1 = new TestServer.Tenant(org, new ApiClient(node1.uri()).withToken(org.clientId(), org.clientSecret()));
        v1OnNode1 = V1.keyClient(onNode1);
        v1OnNode2 = new ApiClient(node2.uri()).with("X-API-Key", org.apiKey());
    }

    @AfterAll
    static void stop() throws Exception {
        node1.close();
        node2.close();
        database1.close();
        database2.close();
    }

    @Test
    void anOrderCreatedOnOneNodeIsInTheNextOrderListOfTheOther() {
        int before = cachedOnNode2("/api/v1/orders").json().get("data").size();
        String water = onNode1.ids().menuItemIds().get(8);
        assertEquals(201, v1OnNode1.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(onNode1, water, 1)).status());
        assertEquals(before + 1, v1OnNode2.get("/api/v1/orders").json().get("data").size());
    }

    @Test
    void aSalePushedToOneNodeIsInTheNextOrderListOfTheOther() {
        int before = cachedOnNode2("/api/v1/orders?status=SALE_CREATED").json().get("data").size();
        String orgId = onNode1.ids().orgId();
        assertEquals(201, onNode1.api().post("/salesManagement/orgs/" + orgId + "/sales",
                Sales.simple(onNode1.ids(), "2026-11-23T12:00:00Z", "2.50"), "x-idempotency-key",
                UUID.randomUUID().toString()).status());
        ApiClient.Response after = v1OnNode2.get("/api/v1/orders?status=SALE_CREATED");
        assertEquals(before + 1, after.json().get("data").size(), after.header("Cache-Status") + " " + after.body());
    }

    @Test
    void stockSetOnOneNodeIsTheNextStockOfTheOther() {
        String water = onNode1.ids().menuItemIds().get(8);
        cachedOnNode2("/api/v1/meals/" + water);
        assertEquals(200, onNode1.api().send("PUT", "/backoffice/v1/orgs/" + onNode1.ids().orgId() + "/stock/"
                + water, "{\"quantity\":41}").status());
        assertEquals(41, v1OnNode2.get("/api/v1/meals/" + water).json().get("stock").asInt());
    }

    /** Reads {@code path} on node 2 until it is a cache hit there: node 2 holds that answer now. */
    private static ApiClient.Response cachedOnNode2(String path) {
        v1OnNode2.get(path);
        ApiClient.Response hit = v1OnNode2.get(path);
        assertEquals("brigade; hit", hit.header("Cache-Status"), path + " is cached on node 2");
        return hit;
    }
}
