package io.brigade.protocol.money;

import java.time.Instant;

/**
 * A device tells the store server how many sales it holds that the server has not stored yet, and since when the
 * oldest waits; a Z report names the devices that still hold some.
 */
public record OutboxReport(String terminal, Integer pendingSales, Instant oldestAt) {
}
