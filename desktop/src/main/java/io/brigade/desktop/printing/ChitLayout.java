package io.brigade.desktop.printing;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.store.StoreSettings;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * A kitchen chit, in large type for the far side of a pass: the station, where it goes (table or takeaway) and the
 * order's number, round, course and guests, the time it was sent; then each line with its modifiers, notes and seat.
 * A void chit names only the voided line, its quantity and the reason.
 */
public final class ChitLayout {
    private ChitLayout() {
    }

    /** The chit of {@code station}'s lines of {@code ticket}. */
    public static PrintDoc chit(KitchenTicket ticket, String stationName, List<KitchenItem> lines,
                                StoreSettings store, ZoneId zone) {
        Locale locale = ReceiptLayout.locale(store);
        PrintTexts words = Texts.of(PrintTexts.class, locale);
        PrintDoc.Builder d = PrintDoc.builder();
        header(d, ticket, stationName, words, locale, zone);
        for (KitchenItem item : lines) {
            int quantity = item.liveQuantity();
            if (quantity == 0) {
                continue;
            }
            d.text(quantity + " x " + item.name(), PrintDoc.Size.LARGE, true, PrintDoc.Align.LEFT);
            if (item.modifiers() != null) {
                item.modifiers().forEach(m -> d.text("  + " + m, PrintDoc.Size.LARGE, false, PrintDoc.Align.LEFT));
            }
            if (item.notes() != null && !item.notes().isBlank()) {
                d.text("  \"" + item.notes() + "\"", PrintDoc.Size.LARGE, false, PrintDoc.Align.LEFT);
            }
            if (item.seat() != null) {
                d.text("  " + words.chitSeat(item.seat()), PrintDoc.Size.LARGE, false, PrintDoc.Align.LEFT);
            }
        }
        d.rule();
        return d.build();
    }

    /** The chit of a line voided after it was sent: {@code quantity} of {@code item}. */
    public static PrintDoc voided(KitchenTicket ticket, String stationName, KitchenItem item, int quantity,
                                  StoreSettings store, ZoneId zone) {
        Locale locale = ReceiptLayout.locale(store);
        PrintTexts words = Texts.of(PrintTexts.class, locale);
        PrintDoc.Builder d = PrintDoc.builder();
        d.text(words.chitVoid(), PrintDoc.Size.HUGE, true, PrintDoc.Align.CENTER);
        header(d, ticket, stationName, words, locale, zone);
        d.text(words.chitVoidLine(quantity, item.name()), PrintDoc.Size.LARGE, true, PrintDoc.Align.LEFT);
        if (item.seat() != null) {
            d.text("  " + words.chitSeat(item.seat()), PrintDoc.Size.LARGE, false, PrintDoc.Align.LEFT);
        }
        if (item.voidReason() != null && !item.voidReason().isBlank()) {
            d.text(words.chitReason(item.voidReason()), PrintDoc.Size.LARGE, false, PrintDoc.Align.LEFT);
        }
        d.text(words.chitVoid(), PrintDoc.Size.HUGE, true, PrintDoc.Align.CENTER);
        d.rule();
        return d.build();
    }

    private static void header(PrintDoc.Builder d, KitchenTicket t, String stationName, PrintTexts words,
                               Locale locale, ZoneId zone) {
        d.text(words.chitStation(stationName), PrintDoc.Size.LARGE, true, PrintDoc.Align.CENTER);
        if (t.table() != null && !t.table().isBlank()) {
            d.text(words.chitTable(t.table()), PrintDoc.Size.HUGE, true, PrintDoc.Align.CENTER);
        } else {
            d.text(ReceiptLayout.where(t.dispatchType() == null ? io.brigade.protocol.sales.DispatchType.DineIn
                    : t.dispatchType(), null, words), PrintDoc.Size.LARGE, true, PrintDoc.Align.CENTER);
        }
        d.text(words.receiptOrder(t.displayId()), PrintDoc.Size.LARGE, true, PrintDoc.Align.CENTER);
        StringBuilder round = new StringBuilder();
        if (t.round() != null) {
            round.append(words.chitRound(t.round()));
        }
        if (t.course() != null) {
            round.append(round.length() > 0 ? "  " : "").append(words.chitCourse(t.course()));
        }
        if (t.guests() != null) {
            round.append(round.length() > 0 ? "  " : "").append(words.chitGuests(t.guests()));
        }
        if (round.length() > 0) {
            d.text(round.toString(), PrintDoc.Size.LARGE, false, PrintDoc.Align.CENTER);
        }
        if (t.orderedAt() != null) {
            d.centered(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)
                    .format(t.orderedAt().atZone(zone)));
        }
        d.rule();
    }
}
