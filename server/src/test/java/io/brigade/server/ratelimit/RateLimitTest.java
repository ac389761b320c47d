package io.brigade.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.auth.ApiKeyFormat;
import io.brigade.server.domain.TooManyRequestsException;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.ClockedServer;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-key quotas and the failed-authentication quota, with a clock the test moves instead of sleeping. */
class RateLimitTest {
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void orderQuotaRunsOutFirstAndGetsStillPassThenTheGeneralQuotaAndTimeRefills() throws Exception {
        try (ClockedServer server = new ClockedServer("h2", START)) {
            TestServer.Tenant t = server.newTenant();
            ApiClient api = V1.keyClient(t);
            String drink = t.ids().menuItemIds().get(8);
            for (int i = 0; i < 100; i++) {
                ApiClient.Response r = api.with("Idempotency-Key", UUID.randomUUID().toString())
                        .post("/api/v1/orders", V1.order(t, drink, 1));
                assertEquals(201, r.status(), r.body());
            }
            ApiClient.Response refused = api.with("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/orders", V1.order(t, drink, 1));
            assertEquals(429, refused.status());
            assertEquals("application/problem+json", refused.header("Content-Type"));
            assertEquals("\"orders\";q=100;w=3600", refused.header("RateLimit-Policy"));
            assertTrue(refused.header("RateLimit").startsWith("\"orders\";r=0;t="), refused.header("RateLimit"));
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 36, "one token back after 36 s: " + retryAfter);

            ApiClient.Response get = api.get("/api/v1/meals");
            assertEquals(200, get.status(), "a GET still passes when only the order quota is spent");
            // 100 orders + 1 GET spent 101 of the general quota (the refused order gave its token back).
            assertTrue(get.header("RateLimit").startsWith("\"general\";r=899;"), get.header("RateLimit"));
            for (int i = 0; i < 899; i++) {
                assertEquals(200, api.get("/api/v1/categories").status());
            }
            ApiClient.Response spent = api.get("/api/v1/meals");
            assertEquals(429, spent.status());
            assertEquals("\"general\";q=1000;w=3600", spent.header("RateLimit-Policy"));
            assertTrue(spent.header("RateLimit").startsWith("\"general\";r=0;"));

            server.clock().advance(Duration.ofSeconds(Long.parseLong(spent.header("Retry-After"))));
            assertEquals(200, api.get("/api/v1/meals").status(), "a token came back with time");
            server.clock().advance(Duration.ofHours(1));
            ApiClient.Response refilled = api.with("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/orders", V1.order(t, drink, 1));
            assertEquals(201, refilled.status());
        }
    }

    @Test
    void failedAuthenticationsFromOneAddressAreLimitedMoreStrictly() throws Exception {
        try (ClockedServer server = new ClockedServer("h2", START)) {
            TestServer.Tenant t = server.newTenant();
            ApiClient guesser = new ApiClient(t.api().base());
            for (int i = 0; i < RateLimitPolicy.AUTH_FAILURES.quota(); i++) {
                assertEquals(401, guesser.with("X-API-Key", ApiKeyFormat.generate()).get("/api/v1/meals").status());
            }
            ApiClient.Response blocked = V1.keyClient(t).get("/api/v1/meals");
            assertEquals(429, blocked.status(), "even a good key waits once the address spent its failures");
            assertEquals("\"auth-failures\";q=20;w=600", blocked.header("RateLimit-Policy"));
            server.clock().advance(Duration.ofSeconds(Long.parseLong(blocked.header("Retry-After"))));
            assertEquals(200, V1.keyClient(t).get("/api/v1/meals").status());
        }
    }

    @Test
    void databaseBucketsOnPostgresqlAreSharedByEveryLimiterOverTheSameTable() {
        MutableClock clock = new MutableClock(START);
        TestServer pg = TestServer.of("postgres");
        ClockTimeMeter time = new ClockTimeMeter(clock);
        // Two limiters over the same table stand for two server nodes.
        RateLimiter nodeA = new RateLimiter(new DatabaseBucketStore(pg.database().dataSource(), time));
        RateLimiter nodeB = new RateLimiter(new DatabaseBucketStore(pg.database().dataSource(), time));
        String key = "key" + UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            (i % 2 == 0 ? nodeA : nodeB).acquire(key, true);
        }
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, () -> nodeA.acquire(key, true));
        assertEquals("\"orders\";q=100;w=3600", refused.quota().get("RateLimit-Policy"));
        assertTrue(nodeB.acquire(key, false).get("RateLimit").startsWith("\"general\";r=899;"));
        clock.advance(Duration.ofMinutes(1));
        nodeB.acquire(key, true);
    }
}
