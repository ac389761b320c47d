package io.brigade.protocol.availability;

import java.time.Instant;

/** Body of a back-office snooze change: no {@code menuItemId} means the whole channel. */
public record SnoozeChange(String menuItemId, Boolean snoozed, Instant expiry) {
}
