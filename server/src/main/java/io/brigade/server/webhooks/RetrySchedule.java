package io.brigade.server.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again after a failed attempt: 1 minute, 10 minutes, 1 hour, then hourly (plus up to 10%
 * jitter so a recovering endpoint is not hit by every retry at once), never sooner than the endpoint's
 * {@code Retry-After}; given up 72 hours after the event.
 */
public final class RetrySchedule {
    static final Duration[] DELAYS = {Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1)};
    static final Duration KEEP_TRYING = Duration.ofHours(72);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private RetrySchedule() {
    }

    /** The delay after the {@code failedAttempts}-th failed attempt (1-based), before jitter. */
    static Duration baseDelay(int failedAttempts) {
        return DELAYS[Math.min(Math.max(failedAttempts, 1), DELAYS.length) - 1];
    }

    static Instant next(Instant now, int failedAttempts, String retryAfter) {
        Duration base = baseDelay(failedAttempts);
        long jitterMs = ThreadLocalRandom.current().nextLong(base.toMillis() / 10 + 1);
        Duration delay = base.plusMillis(jitterMs);
        Duration asked = parseRetryAfter(retryAfter, now);
        if (asked != null && asked.compareTo(delay) > 0) {
            delay = asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        return now.plus(delay);
    }

    /** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
