package io.brigade.server.v1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.cache.CacheVersionRepository;
import io.brigade.server.cache.CacheVersions;
import io.brigade.server.db.Database;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
    private static final Database DATABASE = Database.open(TestDatabases.freshUrl("h2"), null, null);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final CacheVersions versions = new CacheVersions(DATABASE, new CacheVersionRepository());
    private final ResponseCache cache = new ResponseCache(clock, versions);
    private final AtomicInteger loads = new AtomicInteger();
    private final String orgA = "orgA-" + System.nanoTime();
    private final String orgB = "orgB-" + System.nanoTime();

    @AfterAll
    static void close() {
        DATABASE.close();
    }

    private ResponseCache.Loader body(String text) {
        return () -> {
            loads.incrementAndGet();
            return text.getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void secondReadIsServedFromTheCacheUntilTheTtlEnds() throws Exception {
        assertFalse(cache.get(orgA, "/api/v1/meals", body("v1")).hit());
        ResponseCache.Result second = cache.get(orgA, "/api/v1/meals", body("v2"));
        assertTrue(second.hit());
        assertArrayEquals("v1".getBytes(StandardCharsets.UTF_8), second.body());
        assertEquals(1, loads.get());
        clock.advance(ResponseCache.TTL.plus(Duration.ofSeconds(1)));
        ResponseCache.Result expired = cache.get(orgA, "/api/v1/meals", body("v3"));
        assertFalse(expired.hit());
        assertEquals("v3", new String(expired.body(), StandardCharsets.UTF_8));
    }

    @Test
    void invalidationOfAnOrgMakesItsNextReadLoadAgain() throws Exception {
        cache.get(orgA, "/api/v1/meals", body("old"));
        cache.get(orgB, "/api/v1/meals", body("b"));
        cache.invalidate(orgA);
        ResponseCache.Result a = cache.get(orgA, "/api/v1/meals", body("new"));
        assertFalse(a.hit());
        assertEquals("new", new String(a.body(), StandardCharsets.UTF_8));
        assertTrue(cache.get(orgB, "/api/v1/meals", body("other")).hit(), "org B is not touched by A's write");
    }

    @Test
    void aVersionMovedByAnotherCacheOnTheSameDatabaseMakesTheNextReadLoadAgain() throws Exception {
        ResponseCache otherNode = new ResponseCache(clock, new CacheVersions(DATABASE, new CacheVersionRepository()));
        cache.get(orgA, "/api/v1/orders", body("no orders"));
        otherNode.invalidate(orgA);
        ResponseCache.Result next = cache.get(orgA, "/api/v1/orders", body("one order"));
        assertFalse(next.hit());
        assertEquals("one order", new String(next.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aWriteLandingWhileAReadIsLoadingLeavesNoStaleEntry() throws Exception {
        // The loader read the old state; the write commits and moves the version before the loader returns.
        ResponseCache.Result racing = cache.get(orgA, "/api/v1/meals", () -> {
            byte[] stale = "before-write".getBytes(StandardCharsets.UTF_8);
            cache.invalidate(orgA);
            return stale;
        });
        assertFalse(racing.hit());
        ResponseCache.Result next = cache.get(orgA, "/api/v1/meals", body("after-write"));
        assertFalse(next.hit(), "the stale answer must not be served");
        assertEquals("after-write", new String(next.body(), StandardCharsets.UTF_8));
        assertTrue(cache.get(orgA, "/api/v1/meals", body("x")).hit());
    }

    @Test
    void orgsNeverShareAnEntryForTheSamePath() throws Exception {
        cache.get(orgA, "/api/v1/meals?categoryId=1", body("A's meals"));
        ResponseCache.Result b = cache.get(orgB, "/api/v1/meals?categoryId=1", body("B's meals"));
        assertFalse(b.hit());
        assertEquals("B's meals", new String(b.body(), StandardCharsets.UTF_8));
        assertFalse(cache.get(orgA, "/api/v1/meals?categoryId=2", body("A2")).hit(), "the query is in the key");
    }
}
