package io.brigade.protocol.kitchen;

import java.time.LocalDate;
import java.util.List;

/**
 * Prep times of a store's stations on {@code businessDate} (today, in the store's time zone): from a ticket's
 * {@code orderedAt} to the station's bump, over the station's bumps that day (a recalled bump counts once, when it
 * is bumped again). Seconds; null while a station has no bump yet.
 */
public record KitchenPrepTimes(String propertyId, LocalDate businessDate, List<Station> stations) {

    /** One station's figures: how many bumps, their mean and 90th percentile (nearest rank). */
    public record Station(String stationId, String name, int bumped, Long averageSeconds, Long p90Seconds) {
    }
}
