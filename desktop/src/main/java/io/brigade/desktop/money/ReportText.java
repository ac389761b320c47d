package io.brigade.desktop.money;

import io.brigade.desktop.fx.Money;
import io.brigade.protocol.money.MoneyReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An X or Z report as lines: a title, figures with their label, headed sections of indented lines. The back office
 * shows them as text and the PDF export lays them out on A4 (the receipt printer renders the same record its own way).
 */
final class ReportText {
    enum Kind { TITLE, FIGURE, HEADING, ITEM }

    /** One line of the report: a figure has a label and a value; the other kinds only a text (in {@code label}). */
    record Line(Kind kind, String label, String value) {
    }

    private ReportText() {
    }

    static String of(MoneyReport r, MoneyTexts t) {
        StringBuilder s = new StringBuilder();
        for (Line l : lines(r, t)) {
            switch (l.kind()) {
                case TITLE -> s.append(l.label()).append("\n\n");
                case FIGURE -> s.append(String.format("%-24s %14s%n", l.label(), l.value()));
                case HEADING -> s.append('\n').append(l.label()).append('\n');
                case ITEM -> s.append("  ").append(l.label()).append('\n');
            }
        }
        return s.toString();
    }

    static List<Line> lines(MoneyReport r, MoneyTexts t) {
        String c = r.currency();
        List<Line> s = new ArrayList<>();
        s.add(new Line(Kind.TITLE, t.reportTitle(r.type(), r.zNumber() == null ? "" : Long.toString(r.zNumber()),
                r.propertyName(), MoneyDates.date(r.businessDate())), null));
        figure(s, t.grossSales(), m(r.grossSales(), c));
        figure(s, t.discounts(), m(r.discounts(), c));
        figure(s, t.refunds(), m(r.refunds(), c) + "  (" + r.refundCount() + ")");
        figure(s, t.netSales(), m(r.netSales(), c));
        figure(s, t.serviceCharges(), m(r.serviceCharges(), c));
        figure(s, t.tips(), m(r.tips(), c));
        figure(s, t.otherCharges(), m(r.otherCharges(), c));
        figure(s, t.vat(), m(r.vatTotal(), c));
        figure(s, t.voids(), m(r.voidAmount(), c) + "  (" + r.voidCount() + ")");
        figure(s, t.checks(), Integer.toString(r.checks()));
        figure(s, t.covers(), Integer.toString(r.covers()));
        figure(s, t.averageCheck(), m(r.averageCheck(), c));
        section(s, t.paymentMethods(), r.paymentMethods(), c, t);
        s.add(new Line(Kind.HEADING, t.vatRates(), null));
        for (MoneyReport.VatLine v : r.vatRates()) {
            s.add(new Line(Kind.ITEM, t.vatLine(v.rate().toPlainString(), m(v.net(), c), m(v.vat(), c),
                    m(v.gross(), c)), null));
        }
        section(s, t.byDiscount(), r.discountTypes(), c, t);
        section(s, t.byCategory(), r.categories(), c, t);
        section(s, t.byHour(), r.hours(), c, t);
        if (r.lineVoids() != null && !r.lineVoids().isEmpty()) {
            section(s, t.lineVoids(), r.lineVoids(), c, t);
        }
        s.add(new Line(Kind.HEADING, t.cashDrawers(), null));
        for (MoneyReport.Cash d : r.cash()) {
            String line = t.cashLine(d.deviceName(), d.drawer(), m(d.openingFloat(), c), m(d.cashSales(), c),
                    m(d.cashRefunds(), c), m(d.payIns(), c), m(d.payOuts(), c), Integer.toString(d.noSales()),
                    m(d.expected(), c), d.counted() == null ? t.notCounted() : m(d.counted(), c),
                    d.overShort() == null ? "–" : m(d.overShort(), c));
            // Two lines a drawer: what moved, then the count, so that the report reads without scrolling sideways.
            for (String part : line.split(" · ")) {
                s.add(new Line(Kind.ITEM, part, null));
            }
        }
        if (!r.unsynced().isEmpty()) {
            s.add(new Line(Kind.HEADING, "", null));
        }
        for (MoneyReport.Unsynced u : r.unsynced()) {
            s.add(new Line(Kind.ITEM, t.unsynced(u.deviceName(), Integer.toString(u.pendingSales())), null));
        }
        return s;
    }

    private static void section(List<Line> s, String title, List<MoneyReport.Line> lines, String c, MoneyTexts t) {
        s.add(new Line(Kind.HEADING, title, null));
        for (MoneyReport.Line l : lines) {
            s.add(new Line(Kind.ITEM, t.countLine(l.name(), Integer.toString(l.count()), m(l.amount(), c)), null));
        }
    }

    private static void figure(List<Line> s, String label, String value) {
        s.add(new Line(Kind.FIGURE, label, value));
    }

    static String m(BigDecimal v, String currency) {
        return v == null ? "–" : Money.format(v, currency);
    }
}
