package io.brigade.server.money;

import io.brigade.protocol.money.MoneyReport;
import io.brigade.server.export.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An X or Z report as CSV: one figure a row ({@code section,name,count,amount}), so a spreadsheet sums a column.
 * Names come from menus, devices and staff (people's text): {@link CsvWriter} keeps a spreadsheet from running
 * one as a formula.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static void write(MoneyReport r, OutputStream target) throws IOException {
        CsvWriter csv = CsvWriter.of(target);
        csv.row("section", "name", "count", "amount");
        csv.row("report", r.type() + (r.zNumber() == null ? "" : " " + r.zNumber()), null, null);
        csv.row("store", r.propertyName(), null, null);
        csv.row("business date", r.businessDate().toString(), null, null);
        csv.row("taken at", r.takenAt().toString(), null, null);
        if (r.takenBy() != null) {
            csv.row("taken by", r.takenBy(), null, null);
        }
        csv.row("currency", r.currency(), null, null);
        csv.row("totals", "gross sales", r.checks(), r.grossSales());
        csv.row("totals", "discounts", null, r.discounts());
        csv.row("totals", "refunds", r.refundCount(), r.refunds());
        csv.row("totals", "net sales", r.checks(), r.netSales());
        csv.row("totals", "service charges", null, r.serviceCharges());
        csv.row("totals", "tips", null, r.tips());
        csv.row("totals", "other charges", null, r.otherCharges());
        csv.row("totals", "VAT", null, r.vatTotal());
        csv.row("totals", "voids", r.voidCount(), r.voidAmount());
        csv.row("totals", "covers", r.covers(), null);
        csv.row("totals", "average check", r.checks(), r.averageCheck());
        lines(csv, "payment method", r.paymentMethods());
        for (MoneyReport.VatLine v : r.vatRates()) {
            csv.row("VAT " + v.rate().toPlainString() + "%", "net", null, v.net());
            csv.row("VAT " + v.rate().toPlainString() + "%", "VAT", null, v.vat());
            csv.row("VAT " + v.rate().toPlainString() + "%", "gross", null, v.gross());
        }
        lines(csv, "discount", r.discountTypes());
        lines(csv, "category", r.categories());
        lines(csv, "hour", r.hours());
        lines(csv, "device", r.devices());
        for (MoneyReport.Cash c : r.cash()) {
            String section = "cash " + c.deviceName() + " drawer " + c.drawer();
            csv.row(section, "float", null, c.openingFloat());
            csv.row(section, "cash sales", null, c.cashSales());
            csv.row(section, "cash refunds", null, c.cashRefunds());
            csv.row(section, "pay-ins", null, c.payIns());
            csv.row(section, "pay-outs", null, c.payOuts());
            csv.row(section, "no sale opens", c.noSales(), null);
            csv.row(section, "expected", null, c.expected());
            csv.row(section, "counted", null, c.counted());
            csv.row(section, "over/short", null, c.overShort());
        }
        if (r.lineVoids() != null) {
            lines(csv, "line void", r.lineVoids());
        }
        for (MoneyReport.Unsynced u : r.unsynced()) {
            csv.row("unsynced", u.deviceName(), u.pendingSales(), null);
        }
        csv.close();
    }

    private static void lines(CsvWriter csv, String section, java.util.List<MoneyReport.Line> lines)
            throws IOException {
        for (MoneyReport.Line l : lines) {
            csv.row(section, l.name(), l.count(), l.amount());
        }
    }
}
