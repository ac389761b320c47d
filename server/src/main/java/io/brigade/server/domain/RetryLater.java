package io.brigade.server.domain;

import java.time.Duration;

/**
 * A refusal that only means "not yet": the same request, sent again after {@link #retryAfter}, may well succeed
 * (a quota that refills, a request with the same idempotency key still being processed). Clients retry it, and
 * must never treat it as a final answer.
 */
public interface RetryLater {
    Duration retryAfter();
}
