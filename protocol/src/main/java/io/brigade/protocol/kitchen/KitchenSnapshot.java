package io.brigade.protocol.kitchen;

import java.util.List;

/**
 * The tickets on a property's display and the cursor they are consistent with: stream from
 * {@code cursor} (as {@code Last-Event-ID}) to miss nothing and see nothing twice. {@code today} is the
 * day's bumped-ticket count and average ticket time (creation to bump) in the property's time zone.
 */
public record KitchenSnapshot(long cursor, List<KitchenTicket> tickets, Today today) {

    /** Tickets bumped today and their average time from creation to bump, in whole seconds (null if none). */
    public record Today(int bumped, Long averageSeconds) {
    }
}
