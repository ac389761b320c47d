package io.brigade.server.v1;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GET answers of the v1 API, kept 120 s, keyed by org + path + query. Each org has a generation
 * counter that every write of that org bumps; an answer is stored only if the generation did not
 * move while it was being loaded, so a write landing mid-load cannot leave a stale entry, and an
 * entry of an older generation is never served.
 */
public final class ResponseCache {
    /** How long an answer is served from the cache at most. */
    public static final Duration TTL = Duration.ofSeconds(120);

    private record Entry(long generation, byte[] body) {
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
    private final ConcurrentHashMap<String, AtomicLong> generations = new ConcurrentHashMap<>();

    public ResponseCache(Clock clock) {
        Ticker ticker = () -> {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.entries = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(50_000).ticker(ticker).build();
    }

    /** The cached answer for {@code orgId} and {@code pathAndQuery}, loading and storing it on a miss. */
    public Result get(String orgId, String pathAndQuery, Loader loader) throws Exception {
        String key = orgId + ' ' + pathAndQuery;
        AtomicLong generation = generation(orgId);
        long before = generation.get();
        Entry cached = entries.getIfPresent(key);
        if (cached != null && cached.generation() == before) {
            return new Result(cached.body(), true);
        }
        byte[] body = loader.load();
        // Store only if no write of this org happened since the load began. compute() keeps a
        // concurrent invalidate() (which also removes entries) from slipping between check and put.
        entries.asMap().compute(key, (k, old) -> generation.get() == before ? new Entry(before, body) : old);
        return new Result(body, false);
    }

    /**
     * Called after a change of the org's menus, stock, pricing, snoozes, plan or orders has committed: nothing
     * older is served again.
     */
    public void invalidate(String orgId) {
        generation(orgId).incrementAndGet();
    }

    /** How many answers are held (for tests and metrics). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private AtomicLong generation(String orgId) {
        return generations.computeIfAbsent(orgId, k -> new AtomicLong());
    }
}
