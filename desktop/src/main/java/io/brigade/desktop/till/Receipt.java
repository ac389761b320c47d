package io.brigade.desktop.till;

import io.brigade.desktop.fx.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the customer takes away: the sale's display id, its lines, totals and payments. */
public record Receipt(String displayId, String terminal, String staffName, Instant at, String currency,
                      String dispatch, List<TicketLine> lines, BigDecimal subtotal, List<Adjustment> adjustments,
                      BigDecimal total, List<Tender> tenders) {

    /** A discount (negative) or a charge (positive) below the lines. */
    public record Adjustment(String label, BigDecimal amount) {
    }

    public BigDecimal change() {
        return tenders.stream().map(Tender::change).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A 40-column text rendering, for the screen and for printers without graphics. */
    public String render(ZoneId zone) {
        StringBuilder s = new StringBuilder();
        s.append(center("BRIGADE")).append('\n');
        s.append(center("Order " + displayId)).append('\n');
        s.append(center(DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm").format(at.atZone(zone)))).append('\n');
        s.append(center(dispatch + " - " + terminal + " - " + staffName)).append('\n');
        s.append("-".repeat(40)).append('\n');
        for (TicketLine l : lines) {
            s.append(row(l.quantity() + " x " + l.item().caption(), l.total()));
            for (TicketLine.Modifier m : l.modifiers()) {
                s.append("    + ").append(m.caption()).append('\n');
            }
            if (l.notes() != null) {
                s.append("    \"").append(l.notes()).append("\"\n");
            }
        }
        s.append("-".repeat(40)).append('\n');
        s.append(row("Subtotal", subtotal));
        adjustments.forEach(a -> s.append(row(a.label(), a.amount())));
        s.append(row("TOTAL", total));
        for (Tender t : tenders) {
            s.append(row(t.method() == io.brigade.protocol.sales.PaymentMethod.Cash ? "Cash" : "Card", t.tendered()));
        }
        if (change().signum() > 0) {
            s.append(row("Change", change()));
        }
        s.append("-".repeat(40)).append('\n');
        s.append(center("Thank you!")).append('\n');
        return s.toString();
    }

    private String row(String label, BigDecimal amount) {
        String money = Money.format(amount, currency);
        int room = 40 - money.length() - 1;
        String l = label.length() > room ? label.substring(0, room) : label;
        return l + " ".repeat(40 - l.length() - money.length()) + money + "\n";
    }

    private static String center(String text) {
        String t = text.length() > 40 ? text.substring(0, 40) : text;
        return " ".repeat((40 - t.length()) / 2) + t;
    }
}
