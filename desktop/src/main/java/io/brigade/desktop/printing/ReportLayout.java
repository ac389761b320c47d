package io.brigade.desktop.printing;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.store.StoreSettings;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * An X or Z report on the receipt printer, from money control's report record: the store, the report's kind, number,
 * business date and when it was taken by whom; gross, discounts, refunds, net; charges and tips; VAT by rate; the
 * payment methods; each shift's cash (expected, counted, over or short, no-sale opens); checks, covers and the
 * average check; the devices that still hold unsynced sales.
 */
public final class ReportLayout {
    private ReportLayout() {
    }

    /** The report as it prints; its time is the store's ({@code fallbackZone} when the report names none). */
    public static PrintDoc report(MoneyReport r, StoreSettings store, ZoneId fallbackZone) {
        ZoneId zone = zone(r.timeZone(), fallbackZone);
        Locale locale = ReceiptLayout.locale(store);
        PrintTexts words = Texts.of(PrintTexts.class, locale);
        ReceiptLayout.Money money = new ReceiptLayout.Money(locale, ReceiptLayout.currency(r.currency(), store));
        PrintDoc.Builder d = PrintDoc.builder();
        ReceiptLayout.head(d, store, words);
        boolean z = "Z".equalsIgnoreCase(r.type());
        d.text(z ? words.reportZ(r.zNumber() == null ? 0 : r.zNumber()) : words.reportX(), PrintDoc.Size.LARGE, true,
                PrintDoc.Align.CENTER);
        if (r.businessDate() != null) {
            d.centered(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .format(r.businessDate()));
        }
        if (r.takenAt() != null) {
            d.centered(words.reportTaken(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).format(r.takenAt().atZone(zone)), r.takenBy() == null ? "" : r.takenBy()));
        }
        d.rule();
        row(d, words.reportGross(), r.grossSales(), money);
        row(d, words.discount(), negate(r.discounts()), money);
        row(d, words.refunded(), negate(r.refunds()), money);
        if (r.netSales() != null) {
            d.row(words.reportNet(), money.of(r.netSales()), PrintDoc.Size.LARGE, true);
        }
        row(d, words.serviceCharge(), r.serviceCharges(), money);
        row(d, words.tip(), r.tips(), money);
        row(d, words.charge(), r.otherCharges(), money);
        if (r.vatRates() != null && !r.vatRates().isEmpty()) {
            d.rule();
            d.text(words.vatIncluded());
            NumberFormat percent = NumberFormat.getNumberInstance(locale);
            percent.setMaximumFractionDigits(2);
            for (MoneyReport.VatLine v : r.vatRates()) {
                d.row(words.vatLine(percent.format(v.rate()) + "%", money.of(v.net())), money.of(v.vat()));
            }
        }
        lines(d, words.reportPayments(), r.paymentMethods() == null ? null : r.paymentMethods().stream()
                .map(l -> new MoneyReport.Line(method(l.name(), words), l.count(), l.amount())).toList(), money);
        if (r.cash() != null) {
            for (MoneyReport.Cash c : r.cash()) {
                d.rule();
                d.text(words.reportShift(c.deviceName() == null ? "" : c.deviceName()), PrintDoc.Size.NORMAL, true,
                        PrintDoc.Align.LEFT);
                row(d, words.reportExpected(), c.expected(), money);
                row(d, words.reportCounted(), c.counted(), money);
                row(d, words.reportOverShort(), c.overShort(), money);
                d.row(words.reportNoSales(), Integer.toString(c.noSales()));
            }
        }
        d.rule();
        d.row(words.reportChecks(), Integer.toString(r.checks()));
        d.row(words.reportCovers(), Integer.toString(r.covers()));
        row(d, words.reportAverage(), r.averageCheck(), money);
        if (r.unsynced() != null) {
            for (MoneyReport.Unsynced u : r.unsynced()) {
                d.text(words.reportUnsynced(u.deviceName() == null ? u.deviceId() : u.deviceName(), u.pendingSales()),
                        PrintDoc.Size.NORMAL, true, PrintDoc.Align.LEFT);
            }
        }
        d.feed();
        return d.build();
    }

    private static void lines(PrintDoc.Builder d, String title, List<MoneyReport.Line> lines,
                              ReceiptLayout.Money money) {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        d.rule();
        d.text(title, PrintDoc.Size.NORMAL, true, PrintDoc.Align.LEFT);
        for (MoneyReport.Line l : lines) {
            d.row(l.count() + " x " + l.name(), money.of(l.amount()));
        }
    }

    /** A payment method in the paper's language; a name the server may add later is printed as it comes. */
    private static String method(String name, PrintTexts words) {
        for (PaymentMethod m : PaymentMethod.values()) {
            if (m.name().equals(name)) {
                return ReceiptLayout.method(m, words);
            }
        }
        return name;
    }

    private static void row(PrintDoc.Builder d, String label, BigDecimal amount, ReceiptLayout.Money money) {
        if (amount != null && amount.signum() != 0) {
            d.row(label, money.of(amount));
        }
    }

    private static BigDecimal negate(BigDecimal amount) {
        return amount == null ? null : amount.negate();
    }

    private static ZoneId zone(String id, ZoneId fallback) {
        try {
            return id == null ? fallback : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }
}
