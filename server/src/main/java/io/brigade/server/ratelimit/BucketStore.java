package io.brigade.server.ratelimit;

import io.github.bucket4j.Bucket;

/** Where token buckets live: in this JVM (one node) or in the database (shared by every node). */
public interface BucketStore {

    /** The bucket of {@code policy} for {@code subject} (an API key id or a client address). */
    Bucket bucket(RateLimitPolicy policy, String subject);
}
