package io.brigade.protocol.kitchen;

import java.util.List;

/**
 * One top-level line of a ticket: {@code lineNo} counts the sale's items from 1; {@code category} is the
 * menu category's caption (the station filter: grill, bar, …) and {@code modifiers} read "2 x Bacon".
 */
public record KitchenItem(int lineNo, String name, String categoryId, String category, int quantity,
                          List<String> modifiers, String notes, boolean done) {

    public KitchenItem withDone(boolean isDone) {
        return new KitchenItem(lineNo, name, categoryId, category, quantity, modifiers, notes, isDone);
    }
}
