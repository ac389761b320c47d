package io.brigade.protocol.menus;

/** A day-and-time rule: the item is (un)available on {@code dayOfWeek} between two local times. */
public record AvailabilityOverride(String dayOfWeek, String startTime, String endTime, Boolean available) {
}
