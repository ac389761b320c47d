package io.brigade.desktop.backoffice;

import java.time.Instant;

/** One attempt to deliver an event to a subscription: its HTTP status (null when none came back) and latency. */
public record DeliveryAttempt(long attemptId, String eventId, String eventType, Instant attemptedAt,
                              Integer statusCode, int latencyMs, String error, String responseBody) {

    /** The status code, or the error when the endpoint never answered. */
    public String outcome() {
        return statusCode != null ? String.valueOf(statusCode) : error == null ? "no answer" : error;
    }
}
