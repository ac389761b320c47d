package io.brigade.protocol.sales;

import java.time.Instant;

/**
 * Body of the delivery-status and POS-status updates: a status and the times some statuses carry.
 */
public record StatusUpdate(String status, Instant dispatchTime, Instant deliveryTime, Instant pickupTime,
                           String cancellationReason) {
}
