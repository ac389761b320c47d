package io.brigade.server.v1;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.brigade.server.cache.CacheVersions;
import java.time.Clock;
import java.time.Duration;

/**
 * GET answers of the v1 API, kept 120 s, keyed by org + path + query. Each answer is tagged with the org's cache
 * version ({@link CacheVersions}, in the database) read before it was loaded, and served again only while the
 * org's version is still that one. Every node reads the version on each cached GET, so a write on any node,
 * which moves the version on before its writer is answered, makes every node load afresh: read-your-write holds
 * across nodes. The version read is one primary-key look-up; the answer it saves is a query over menus or sales.
 */
public final class ResponseCache {
    /** How long an answer is served from the cache at most. */
    public static final Duration TTL = Duration.ofSeconds(120);

    private record Entry(long version, byte[] body) {
    }

    /** What {@link #get} answers: the body and whether it came from the cache. */
    public record Result(byte[] body, boolean hit) {
    }

    /** Loads an answer from the database. */
    @FunctionalInterface
    public interface Loader {
        byte[] load() throws Exception;
    }

    private final Cache<String, Entry> entries;
    private final CacheVersions versions;

    public ResponseCache(Clock clock, CacheVersions versions) {
        Ticker ticker = () -> {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.entries = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(50_000).ticker(ticker).build();
        this.versions = versions;
    }

    /** The cached answer for {@code orgId} and {@code pathAndQuery}, loading and storing it on a miss. */
    public Result get(String orgId, String pathAndQuery, Loader loader) throws Exception {
        String key = orgId + ' ' + pathAndQuery;
        // Read before the load: the loaded answer holds at least every change up to this version. A change that
        // commits during the load leaves an answer newer than its tag, which only costs a load more.
        long version = versions.current(orgId);
        Entry cached = entries.getIfPresent(key);
        if (cached != null && cached.version() == version) {
            return new Result(cached.body(), true);
        }
        byte[] body = loader.load();
        entries.asMap().merge(key, new Entry(version, body), (old, fresh) -> old.version() > fresh.version() ? old : fresh);
        return new Result(body, false);
    }

    /**
     * Called after a change of the org's menus, stock, pricing, snoozes or plan has committed, before its writer
     * is answered: no node serves an older answer again. (Sales move the version in their own transaction.)
     */
    public void invalidate(String orgId) {
        versions.bump(orgId);
    }

    /** How many answers are held (for tests and metrics). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
