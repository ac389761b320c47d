package io.brigade.server.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** x-idempotency-key semantics: one sale per key per org, whatever the retries. */
class IdempotencyTest {
    private static final String DAY = "2026-02-03";
    private static final String TIME = DAY + "T12:00:00Z";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void replayedIdempotencyKeyReturnsOriginalSale(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> sale = Sales.simple(t.ids(), TIME, "3.00");
        ApiClient.Response first = push(t, sale, key);
        ApiClient.Response second = push(t, sale, key);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, second.status());
        assertEquals(first.body(), second.body(), "the replay answers the original body byte for byte");
        assertEquals(1, count(t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void keyReusedWithDifferentBodyIsRefused(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String key = UUID.randomUUID().toString();
        assertEquals(201, push(t, Sales.simple(t.ids(), TIME, "3.00"), key).status());
        ApiClient.Response other = push(t, Sales.simple(t.ids(), TIME, "2.50"), key);
        assertEquals(422, other.status());
        assertTrue(other.json().get("detail").asText().contains("different body"));
        assertEquals(1, count(t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void keysAreScopedPerOrg(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant a = server.newTenant();
        TestServer.Tenant b = server.newTenant();
        String key = "shared-key-" + UUID.randomUUID();
        assertEquals(201, push(a, Sales.simple(a.ids(), TIME, "3.00"), key).status());
        assertEquals(201, push(b, Sales.simple(b.ids(), TIME, "3.00"), key).status());
        assertEquals(1, count(a));
        assertEquals(1, count(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rejectedRequestDoesNotBurnTheKey(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> wrong = Sales.simple(t.ids(), TIME, "3.00");
        wrong.put("menuRevisionId", "999");
        assertEquals(422, push(t, wrong, key).status());
        assertEquals(201, push(t, Sales.simple(t.ids(), TIME, "3.00"), key).status());
        assertEquals(1, count(t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void missingKeyIsBadRequest(String key) {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        ApiClient.Response r = key.isEmpty()
                ? t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", Sales.simple(t.ids(), TIME, "3.00"))
                : push(t, Sales.simple(t.ids(), TIME, "3.00"), key);
        assertEquals(400, r.status());
        assertTrue(r.json().get("detail").asText().contains("x-idempotency-key"));
        assertEquals(0, count(t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void overlongKeyIsBadRequest(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        assertEquals(400, push(t, Sales.simple(t.ids(), TIME, "3.00"), "k".repeat(256)).status());
        assertEquals(201, push(t, Sales.simple(t.ids(), TIME, "3.00"), "k".repeat(255)).status());
        assertEquals(1, count(t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void concurrentRequestsWithOneKeyCreateOneSale(String db) throws Exception {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String key = UUID.randomUUID().toString();
        Map<String, Object> sale = Sales.simple(t.ids(), TIME, "3.00");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> push(t, sale, key));
            }
            Set<String> saleIds = new HashSet<>();
            for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
                ApiClient.Response r = f.get();
                assertTrue(r.status() == 201 || r.status() == 409, "201 or 409 while in flight, got " + r);
                if (r.status() == 201) {
                    saleIds.add(r.json().get("saleId").asText());
                }
            }
            assertEquals(1, saleIds.size(), "every 201 names the same sale");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count(t));
        assertEquals(201, push(t, sale, key).status(), "once settled, the key replays");
    }

    static ApiClient.Response push(TestServer.Tenant t, Map<String, Object> sale, String key) {
        return t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale, "x-idempotency-key", key);
    }

    static int count(TestServer.Tenant t) {
        int total = 0;
        for (int year = 2020; year <= 2030; year++) {
            ApiClient.Response r = t.api().get("/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/"
                    + t.ids().salesChannelId() + "/sales?fromDate=" + year + "-01-01&toDate=" + year + "-12-31");
            assertEquals(200, r.status(), r.body());
            total += r.json().get("data").size();
        }
        return total;
    }
}
