package io.brigade.server.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A quota is spent. {@code retryAfter} says when the caller may try again; {@code quota} describes the
 * quota that was hit as the IETF {@code RateLimit-Policy} / {@code RateLimit} fields (name to value).
 */
public non-sealed class TooManyRequestsException extends DomainException implements RetryLater {
    private final Duration retryAfter;
    private final Map<String, String> quota;

    public TooManyRequestsException(String detail, Duration retryAfter, Map<String, String> quota) {
        super(detail);
        this.retryAfter = retryAfter;
        this.quota = Collections.unmodifiableMap(new LinkedHashMap<>(quota));
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    public Map<String, String> quota() {
        return quota;
    }
}
