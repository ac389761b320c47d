package io.brigade.protocol.webhooks;

import java.time.Instant;

/**
 * One attempt to deliver an event to a subscription, as the delivery log lists it: {@code statusCode} is null
 * when the endpoint never answered, and {@code error} then says why.
 */
public record DeliveryAttempt(long attemptId, String eventId, String eventType, Instant attemptedAt,
                              Integer statusCode, int latencyMs, String error, String responseBody) {
}
