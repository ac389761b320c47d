package io.brigade.server.sales;

import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.RetryLater;
import java.time.Duration;

/**
 * A push with this idempotency key is still being stored (typically the same push, sent again after the client
 * stopped waiting): its answer is coming, so the client retries shortly and gets it then.
 */
public final class SaleInProgressException extends ConflictException implements RetryLater {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    SaleInProgressException() {
        super("a request with this x-idempotency-key is still being processed; retry in "
                + RETRY_AFTER.toSeconds() + " s");
    }

    @Override
    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
