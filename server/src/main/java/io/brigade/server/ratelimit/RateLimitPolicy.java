package io.brigade.server.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** A named quota ({@code quota} requests per {@code window}), as the IETF RateLimit-Policy header names it. */
public record RateLimitPolicy(String name, long quota, Duration window) {

    /** Every /api/v1 request of a key. */
    public static final RateLimitPolicy GENERAL = new RateLimitPolicy("general", 1_000, Duration.ofHours(1));
    /** POST /api/v1/orders of a key, counted on top of {@link #GENERAL}. */
    public static final RateLimitPolicy ORDERS = new RateLimitPolicy("orders", 100, Duration.ofHours(1));
    /** Failed API key authentications of one client address: stricter, so keys cannot be guessed. */
    public static final RateLimitPolicy AUTH_FAILURES = new RateLimitPolicy("auth-failures", 20, Duration.ofMinutes(10));

    BucketConfiguration configuration() {
        // Greedy refill: tokens come back smoothly over the window, not all at once at its end.
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(quota).refillGreedy(quota, window).id(name))
                .build();
    }

    /** The {@code RateLimit-Policy} item of this policy, e.g. {@code "general";q=1000;w=3600}. */
    public String header() {
        return '"' + name + "\";q=" + quota + ";w=" + window.toSeconds();
    }
}
