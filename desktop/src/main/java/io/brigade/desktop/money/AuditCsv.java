package io.brigade.desktop.money;

import io.brigade.protocol.CsvText;
import io.brigade.protocol.money.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A day's audit log as CSV, one action a row: {@code at} (UTC instant), {@code action} (the server's code),
 * {@code staff}, {@code device}, {@code amount} (plain decimal), {@code reason}, {@code subject},
 * {@code approvedBy}. Column names and codes stay the same in every language, so a spreadsheet or a script reads
 * any store's file; people's text (reasons, names) is kept from running as a formula.
 */
final class AuditCsv {
    static final String[] HEADER = {"at", "action", "staff", "device", "amount", "reason", "subject", "approvedBy"};

    private AuditCsv() {
    }

    static String write(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER)
                .setRecordSeparator("\n").get())) {
            for (AuditEntry e : entries) {
                csv.printRecord(CsvText.cells(e.at(), e.action(), e.staffName(), e.deviceName(), e.amount(),
                        e.reason(), e.subject(), e.approvedBy()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
