package io.brigade.desktop.till;

import io.brigade.desktop.i18n.Formats;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.sales.ChargeType;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * What the customer takes away: the sale's display id, its lines, totals and payments. It holds no words of its
 * own, so it renders in whichever language is asked for (the store's, for printing).
 */
public record Receipt(String displayId, String terminal, String staffName, Instant at, String currency,
                      DispatchType dispatch, String table, List<TicketLine> lines, BigDecimal subtotal,
                      List<Adjustment> adjustments, BigDecimal total, List<Tender> tenders) {

    /** A discount (negative, {@code discount} set) or a charge (positive, {@code charge} set) below the lines. */
    public record Adjustment(DiscountType discount, String code, ChargeType charge, BigDecimal amount) {
        public static Adjustment discount(DiscountType type, String code, BigDecimal amount) {
            return new Adjustment(type, code, null, amount);
        }

        public static Adjustment charge(ChargeType type, BigDecimal amount) {
            return new Adjustment(null, null, type, amount);
        }

        public String label(ReceiptTexts words) {
            return discount != null ? words.discount(discount, code) : words.charge(charge);
        }
    }

    public BigDecimal change() {
        return tenders.stream().map(Tender::change).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The receipt in the store's language, as it prints. */
    public String render(ZoneId zone) {
        return render(zone, Texts.store().locale());
    }

    /** A 40-column text rendering in {@code locale}'s words and formats, for the screen and for plain printers. */
    public String render(ZoneId zone, Locale locale) {
        ReceiptTexts words = Texts.of(ReceiptTexts.class, locale);
        Formats formats = Formats.of(locale, currency(currency));
        StringBuilder s = new StringBuilder();
        s.append(center(words.receiptBrand())).append('\n');
        s.append(center(words.receiptOrder(displayId))).append('\n');
        s.append(center(formats.mediumDate(at.atZone(zone).toLocalDate()) + " " + formats.time(at, zone)))
                .append('\n');
        s.append(center(words.dispatch(dispatch, table) + " - " + terminal + " - " + staffName)).append('\n');
        s.append("-".repeat(40)).append('\n');
        for (TicketLine l : lines) {
            s.append(row(formats, l.quantity() + " x " + l.item().caption(), l.total()));
            for (TicketLine.Modifier m : l.modifiers()) {
                s.append("    + ").append(m.caption()).append('\n');
            }
            if (l.notes() != null) {
                s.append("    \"").append(l.notes()).append("\"\n");
            }
        }
        s.append("-".repeat(40)).append('\n');
        s.append(row(formats, words.receiptSubtotal(), subtotal));
        adjustments.forEach(a -> s.append(row(formats, a.label(words), a.amount())));
        s.append(row(formats, words.receiptTotal(), total));
        for (Tender t : tenders) {
            s.append(row(formats, t.method() == PaymentMethod.Cash ? words.receiptCash() : words.receiptCard(),
                    t.tendered()));
        }
        if (change().signum() > 0) {
            s.append(row(formats, words.receiptChange(), change()));
        }
        s.append("-".repeat(40)).append('\n');
        s.append(center(words.receiptThanks())).append('\n');
        return s.toString();
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (RuntimeException e) {
            return Texts.store().currency();
        }
    }

    private static String row(Formats formats, String label, BigDecimal amount) {
        String money = formats.money(amount);
        int room = 40 - money.length() - 1;
        String l = label.length() > room ? label.substring(0, room) : label;
        return l + " ".repeat(40 - l.length() - money.length()) + money + "\n";
    }

    private static String center(String text) {
        String t = text.length() > 40 ? text.substring(0, 40) : text;
        return " ".repeat((40 - t.length()) / 2) + t;
    }
}
