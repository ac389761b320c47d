package io.brigade.desktop.money;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.protocol.Data;
import io.brigade.protocol.money.ApprovalAnswer;
import io.brigade.protocol.money.ApprovalPending;
import io.brigade.protocol.money.AuditEntry;
import io.brigade.protocol.money.MoneySettings;
import io.brigade.protocol.money.Voucher;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.protocol.money.ZReportSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The store's Z reports and audit log, as the back office reads them from the store server (never on FX). Calls go
 * with the signed-in member's session, so a Z report and the audit log name the manager who took it.
 */
public final class MoneyOffice {
    private final BackOfficeClient office;
    private final String store;

    public MoneyOffice(BackOfficeClient office, String propertyId) {
        this.office = office;
        this.store = "properties/" + propertyId + "/";
    }

    public List<ZReportSummary> zReports() throws IOException {
        return office.get(store + "z-reports", new TypeReference<Data<List<ZReportSummary>>>() { }).data();
    }

    /** Takes the Z report of {@code day}: the day is closed on the server. */
    public MoneyReport takeZ(LocalDate day) throws IOException {
        return office.post(store + "z-reports", Map.of("businessDate", day.toString()), MoneyReport.class);
    }

    public MoneyReport zReport(long number) throws IOException {
        return office.get(store + "z-reports/" + number, MoneyReport.class);
    }

    /** Writes the Z report as CSV, as the server writes it (formula text neutralised), to {@code target}. */
    public Path exportCsv(long number, Path target) throws IOException {
        office.downloadTo(store + "z-reports/" + number + "/csv", target);
        return target;
    }

    /** The X report of {@code day} so far (the store's; it changes nothing). */
    public MoneyReport x(LocalDate day) throws IOException {
        return office.get(store + "x-report?businessDate=" + day, MoneyReport.class);
    }

    /**
     * Writes Z report {@code number} as a PDF to {@code pdf} in the words of {@code texts}, and the audit log of its
     * business day as CSV beside it ({@code <name>-audit.csv}); answers where the audit log went.
     */
    public Path exportPdf(long number, Path pdf, MoneyTexts texts) throws IOException {
        MoneyReport z = zReport(number);
        byte[] document = ZReportPdf.render(z, texts);
        String audit = AuditCsv.write(audit(z.businessDate(), z.businessDate(), null));
        String name = pdf.getFileName().toString();
        Path beside = pdf.resolveSibling((name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
                ? name.substring(0, name.length() - 4) : name) + "-audit.csv");
        Files.write(pdf, document);
        Files.writeString(beside, audit, StandardCharsets.UTF_8);
        return beside;
    }

    /** What needs a manager at the store. */
    public MoneySettings settings() throws IOException {
        return office.get(store + "money-settings", MoneySettings.class);
    }

    /** Replaces what needs a manager at the store; the store server's answer (refused with why on bad input). */
    public MoneySettings saveSettings(MoneySettings settings) throws IOException {
        return office.put(store + "money-settings", settings, MoneySettings.class);
    }

    /** The org's vouchers, newest first (withdrawn ones too). */
    public List<Voucher> vouchers() throws IOException {
        return office.get("vouchers", new TypeReference<Data<List<Voucher>>>() { }).data();
    }

    public Voucher addVoucher(Voucher voucher) throws IOException {
        return office.post("vouchers", voucher, Voucher.class);
    }

    /** Withdraws voucher {@code code}: no till takes it any more. */
    public void disableVoucher(String code) throws IOException {
        office.delete("vouchers/" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    /** The tills' requests for a manager waiting at the office, oldest first. */
    public List<ApprovalPending> pendingApprovals() throws IOException {
        return office.get(store + "approval-requests", new TypeReference<Data<List<ApprovalPending>>>() { }).data();
    }

    /** The signed-in manager approves a till's request, for {@code reason}. */
    public ApprovalPending approveRequest(String requestId, String reason) throws IOException {
        return office.post(store + "approval-requests/" + requestId + "/approve", new ApprovalAnswer(reason),
                ApprovalPending.class);
    }

    /** The signed-in manager refuses a till's request, for {@code reason}. */
    public ApprovalPending refuseRequest(String requestId, String reason) throws IOException {
        return office.post(store + "approval-requests/" + requestId + "/refuse", new ApprovalAnswer(reason),
                ApprovalPending.class);
    }

    public List<AuditEntry> audit(LocalDate from, LocalDate to, String action) throws IOException {
        return office.get(store + "audit?fromDate=" + from + "&toDate=" + to + (action == null ? "" : "&action="
                + action), new TypeReference<Data<List<AuditEntry>>>() { }).data();
    }
}
