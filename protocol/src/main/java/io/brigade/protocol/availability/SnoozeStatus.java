package io.brigade.protocol.availability;

import java.time.Instant;

/**
 * Body of the operations updates {@code item-snooze-status} and {@code store-snooze-status}: a marketplace
 * reports that it applied ({@code success}) a {@code requestedStatus} of Snooze or UnSnooze.
 */
public record SnoozeStatus(String menuId, String menuRevisionId, String menuItemId, String requestedStatus,
                           Boolean success, Instant expiry) {
}
