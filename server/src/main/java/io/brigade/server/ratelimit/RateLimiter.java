package io.brigade.server.ratelimit;

import io.brigade.server.domain.TooManyRequestsException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The /api/v1 quotas per API key (general and order creation) and the stricter quota on failed
 * authentications per client address. Over a quota: 429 with {@code Retry-After} and the IETF
 * {@code RateLimit-Policy} / {@code RateLimit} headers naming the policy that was hit.
 */
public final class RateLimiter {
    private final BucketStore store;
    private final RateLimitPolicy general;

    public RateLimiter(BucketStore store) {
        this(store, RateLimitPolicy.GENERAL);
    }

    /** With another general quota than the spec's 1,000 per hour (benchmarks raise it). */
    public RateLimiter(BucketStore store, RateLimitPolicy general) {
        this.store = store;
        this.general = general;
    }

    /**
     * Takes one request from the key's general quota and, for an order creation, one from its order
     * quota. Returns the headers to send with the answer; throws 429 when a quota is spent. A GET
     * never touches the order quota, so it still passes when only that one is spent.
     */
    public Map<String, String> acquire(String keyId, boolean orderCreation) {
        Bucket orders = null;
        ConsumptionProbe orderProbe = null;
        if (orderCreation) {
            orders = store.bucket(RateLimitPolicy.ORDERS, keyId);
            orderProbe = orders.tryConsumeAndReturnRemaining(1);
            if (!orderProbe.isConsumed()) {
                throw tooMany(RateLimitPolicy.ORDERS, orderProbe.getNanosToWaitForRefill());
            }
        }
        ConsumptionProbe generalProbe = store.bucket(general, keyId).tryConsumeAndReturnRemaining(1);
        if (!generalProbe.isConsumed()) {
            if (orders != null) {
                orders.addTokens(1); // the order was not accepted: give its token back
            }
            throw tooMany(general, generalProbe.getNanosToWaitForRefill());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (orderProbe != null) {
            headers.put("RateLimit-Policy", general.header() + ", " + RateLimitPolicy.ORDERS.header());
            headers.put("RateLimit", item(general, generalProbe) + ", "
                    + item(RateLimitPolicy.ORDERS, orderProbe));
        } else {
            headers.put("RateLimit-Policy", general.header());
            headers.put("RateLimit", item(general, generalProbe));
        }
        return headers;
    }

    /** Refuses with 429 while {@code address} has spent its failed-authentication quota. */
    public void checkAuthAllowed(String address) {
        EstimationProbe estimate = store.bucket(RateLimitPolicy.AUTH_FAILURES, address).estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            throw tooMany(RateLimitPolicy.AUTH_FAILURES, estimate.getNanosToWaitForRefill());
        }
    }

    /** Counts one failed authentication against {@code address}. */
    public void authFailed(String address) {
        store.bucket(RateLimitPolicy.AUTH_FAILURES, address).tryConsume(1);
    }

    private static TooManyRequestsException tooMany(RateLimitPolicy policy, long nanosToWait) {
        long retryAfter = seconds(nanosToWait);
        Map<String, String> quota = new LinkedHashMap<>();
        quota.put("RateLimit-Policy", policy.header());
        quota.put("RateLimit", '"' + policy.name() + "\";r=0;t=" + retryAfter);
        return new TooManyRequestsException("the '" + policy.name() + "' rate limit of " + policy.quota() + " per "
                + policy.window().toMinutes() + " minutes is spent; retry in " + retryAfter + " s",
                Duration.ofSeconds(retryAfter), quota);
    }

    private static String item(RateLimitPolicy policy, ConsumptionProbe probe) {
        return '"' + policy.name() + "\";r=" + probe.getRemainingTokens() + ";t="
                + seconds(probe.getNanosToWaitForReset());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
