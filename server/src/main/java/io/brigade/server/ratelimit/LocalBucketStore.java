package io.brigade.server.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * Buckets in this JVM, for a single node (and H2, which is single-node anyway). An idle bucket is
 * dropped after two hours: by then it would have refilled completely, so forgetting it is exact.
 */
public final class LocalBucketStore implements BucketStore {
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2)).maximumSize(1_000_000).build();

    public LocalBucketStore(TimeMeter time) {
        this.time = time;
    }

    @Override
    public Bucket bucket(RateLimitPolicy policy, String subject) {
        return buckets.get(policy.name() + ':' + subject, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(policy.quota()).refillGreedy(policy.quota(), policy.window())
                        .id(policy.name()))
                .withCustomTimePrecision(time)
                .build());
    }
}
