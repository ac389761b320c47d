package io.brigade.desktop.till;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A line of the ticket: an item, its chosen modifiers, a quantity and the cashier's note. */
public record TicketLine(UUID lineId, PricedItem item, int quantity, List<Modifier> modifiers, String notes) {

    /** A chosen modifier option with its price for this sale. */
    public record Modifier(String menuItemId, String caption, BigDecimal price, boolean addOn) {
    }

    public TicketLine withQuantity(int q) {
        return new TicketLine(lineId, item, q, modifiers, notes);
    }

    public TicketLine withNotes(String n) {
        return new TicketLine(lineId, item, quantity, modifiers, n == null || n.isBlank() ? null : n.strip());
    }

    /** Price of one unit with its modifiers. */
    public BigDecimal unitTotal() {
        return modifiers.stream().map(Modifier::price).reduce(item.price(), BigDecimal::add);
    }

    public BigDecimal total() {
        return unitTotal().multiply(BigDecimal.valueOf(quantity));
    }
}
