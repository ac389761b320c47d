package io.brigade.protocol.kitchen;

import java.util.List;

/**
 * One line of a ticket, made at one station. {@code lineId} is the line's own id (a check's line id, or the
 * sale's line number from 1); {@code stationId} is where it was routed when the ticket was made (by its menu
 * category); {@code modifiers} read "2 x Bacon". {@code voidedQuantity} of {@code quantity} were voided after
 * sending ({@code voidReason} says why); the whole line is void when they are equal. {@code seat} is the guest's
 * seat at the table, or null.
 */
public record KitchenItem(String lineId, String name, String categoryId, String category, String stationId,
                          int quantity, int voidedQuantity, List<String> modifiers, String notes, Integer seat,
                          boolean done, String voidReason) {

    /** Every unit of the line was voided. */
    public boolean fullyVoided() {
        return voidedQuantity >= quantity;
    }

    /** How many are still to make. */
    public int liveQuantity() {
        return Math.max(0, quantity - voidedQuantity);
    }

    public KitchenItem withDone(boolean isDone) {
        return new KitchenItem(lineId, name, categoryId, category, stationId, quantity, voidedQuantity, modifiers,
                notes, seat, isDone, voidReason);
    }

    public KitchenItem withVoided(int voided, String reason) {
        return new KitchenItem(lineId, name, categoryId, category, stationId, quantity, voided, modifiers, notes, seat,
                done, reason);
    }

    public KitchenItem withStation(String station) {
        return new KitchenItem(lineId, name, categoryId, category, station, quantity, voidedQuantity, modifiers, notes,
                seat, done, voidReason);
    }
}
