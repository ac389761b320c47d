package io.brigade.desktop.till;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ticket on its own, without JavaFX: what it adds up to and what it refuses. */
class TicketTest {
    private final Ticket ticket = new Ticket();

    private static PricedItem item(String caption, String price) {
        MenuItem item = new MenuItem(caption, caption, null, caption, null, List.of(), false, List.of(), List.of(),
                List.of(), null);
        return new PricedItem(item, new BigDecimal(price), true, List.of());
    }

    @Test
    void serviceChargeIsTenPercentOfTheDiscountedSubtotal() {
        ticket.add(item("Pizza", "20.00"), List.of(), 1);
        ticket.discount(DiscountType.Spot, new BigDecimal("4.00"), null);
        ticket.serviceCharge(true);
        assertEquals(new BigDecimal("17.60"), ticket.total());
    }

    @Test
    void linesCannotChangeOnceAPaymentIsTaken() {
        TicketLine line = ticket.add(item("Soup", "6.00"), List.of(), 2);
        ticket.dispatch(DispatchType.TakeAway, null);
        ticket.payCard(new BigDecimal("5.00"));
        assertEquals(Optional.of("Payments were taken: clear them before changing the ticket"),
                ticket.changeQuantity(line.lineId(), 1));
        assertEquals(2, ticket.lines().get(0).quantity());
    }

    @Test
    void aCardIsNeverChargedMoreThanTheBalance() {
        ticket.add(item("Soup", "6.00"), List.of(), 1);
        ticket.dispatch(DispatchType.TakeAway, null);
        assertEquals(Optional.of("A card cannot be charged more than the balance (€6.00)"),
                ticket.payCard(new BigDecimal("6.01")));
        assertTrue(ticket.tenders().isEmpty());
    }

    @Test
    void cashOverTheBalanceGivesChange() {
        ticket.add(item("Soup", "6.00"), List.of(), 1);
        ticket.table("4");
        ticket.payCash(new BigDecimal("10.00"));
        assertTrue(ticket.isPaid());
        assertEquals(new BigDecimal("4.00"), ticket.changeDue());
    }

    @Test
    void dineInNeedsATableBeforePayment() {
        ticket.add(item("Soup", "6.00"), List.of(), 1);
        assertEquals(Optional.of("Which table? Enter a table number for dine-in"), ticket.payCash(null));
    }
}
