package io.brigade.protocol.kitchen;

import java.util.List;

/**
 * What a store's kitchen screens show and the cursor it is consistent with: stream from {@code cursor} (as
 * {@code Last-Event-ID}) to miss nothing and see nothing twice. {@code tickets} are the open ones, oldest first;
 * {@code stations} the store's stations; {@code prepTimes} each station's prep times today.
 */
public record KitchenSnapshot(long cursor, List<KitchenTicket> tickets, KitchenStations stations,
                              KitchenPrepTimes prepTimes) {
}
