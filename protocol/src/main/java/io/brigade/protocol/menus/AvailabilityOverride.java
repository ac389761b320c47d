package io.brigade.protocol.menus;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A day-and-time rule: the item is (un)available on {@code dayOfWeek} between two local times. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AvailabilityOverride(String dayOfWeek, String startTime, String endTime, Boolean available) {
}
