package io.brigade.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.Plan;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.ClockedServer;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An API key has one quota and one plan gate, whether it calls /api/v1 or the v3 API in FD-Authorization. */
class ApiKeyEveryFaceTest {
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private static ApiClient v3(ClockedServer server, TestServer.Tenant t) {
        return new ApiClient(t.api().base()).with("FD-Authorization", t.ids().apiKey());
    }

    private static ApiClient.Response push(ApiClient v3, TestServer.Tenant t) {
        return v3.post("/salesManagement/orgs/" + t.ids().orgId() + "/sales",
                Sales.simple(t.ids(), START.toString(), "3.00"), "x-idempotency-key", UUID.randomUUID().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void salePushesOnV3SpendTheKeysOrderQuota(String db) throws Exception {
        try (ClockedServer server = new ClockedServer(db, START)) {
            TestServer.Tenant t = server.newTenant();
            ApiClient v3 = v3(server, t);
            for (int i = 0; i < RateLimitPolicy.ORDERS.quota(); i++) {
                ApiClient.Response r = push(v3, t);
                assertEquals(201, r.status(), r.body());
            }
            ApiClient.Response refused = push(v3, t);
            assertEquals(429, refused.status(), refused.body());
            assertEquals("\"orders\";q=100;w=3600", refused.header("RateLimit-Policy"));
            ApiClient.Response v1 = V1.keyClient(t).with("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/orders", V1.order(t, t.ids().menuItemIds().get(8), 1));
            assertEquals(429, v1.status(), "the same quota on /api/v1: " + v1.body());
            assertEquals(200, v3.get("/orgManagement/orgs").status(), "reads still pass");
            assertEquals(201, t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales",
                    Sales.simple(t.ids(), START.toString(), "3.00"), "x-idempotency-key",
                    UUID.randomUUID().toString()).status(), "the org's other credentials have quotas of their own");
            server.clock().advance(Duration.ofHours(1));
            assertEquals(201, push(v3, t).status(), "the quota refills with time");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void readsOnV3SpendTheKeysGeneralQuota(String db) throws Exception {
        RateLimitPolicy five = new RateLimitPolicy("general", 5, Duration.ofHours(1));
        try (ClockedServer server = new ClockedServer(db, START, five)) {
            TestServer.Tenant t = server.newTenant();
            ApiClient v1 = V1.keyClient(t);
            ApiClient v3 = v3(server, t);
            for (int i = 0; i < 3; i++) {
                assertEquals(200, v1.get("/api/v1/meals").status());
            }
            assertEquals(200, v3.get("/orgManagement/orgs").status());
            assertEquals(200, v3.get("/menuManagement/orgs/" + t.ids().orgId() + "/menus/headers").status());
            ApiClient.Response spent = v3.get("/orgManagement/orgs");
            assertEquals(429, spent.status(), spent.body());
            assertEquals("\"general\";q=5;w=3600", spent.header("RateLimit-Policy"));
            assertEquals(429, v1.get("/api/v1/meals").status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void keyOfAFreeOrgIsRefusedOnV3(String db) throws Exception {
        try (ClockedServer server = new ClockedServer(db, START)) {
            TestServer.Tenant t = server.newTenant();
            server.database().inTransaction(c -> new OrgRepository().setPlan(c, t.ids().orgId(), Plan.FREE));
            ApiClient v3 = v3(server, t);
            ApiClient.Response sale = push(v3, t);
            assertEquals(403, sale.status(), sale.body());
            assertTrue(sale.json().get("detail").asText().contains("Enterprise"), sale.body());
            ApiClient.Response hook = new ApiClient(t.api().base()).with("Authorization", t.ids().apiKey())
                    .post("/webhooks/orgs/" + t.ids().orgId() + "/subscriptions", Map.of("callbackUrl",
                            "https://hooks.example.com/x", "secret", "a-strong-random-string-0123456789",
                            "eventTypes", java.util.List.of("sales.created.v1")));
            assertEquals(403, hook.status(), hook.body());
            assertEquals(403, v3.get("/orgManagement/orgs").status());
            assertEquals(0, io.brigade.server.support.TestDatabases.queryLong(server.database(),
                    "SELECT COUNT(*) FROM sales WHERE org_id = ?", t.ids().orgId()));
        }
    }
}
