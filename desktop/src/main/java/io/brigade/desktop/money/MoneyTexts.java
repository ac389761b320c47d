package io.brigade.desktop.money;

import io.brigade.desktop.i18n.Bundle;

/**
 * The words of the drawer, refund, approval and back-office money screens: keys of {@code texts.properties} in
 * this package (English, with German and Spanish beside it). A method's name is its key; its arguments fill the
 * {@code {0}}, {@code {1}}… of the text.
 */
@Bundle
public interface MoneyTexts {
    String drawerTitle();
    String noShift();
    String shiftOpen(String since, String openingFloat);
    String openShift();
    String openingFloat();
    String openShiftHint();
    String payIn();
    String payOut();
    String amount();
    String reason();
    String noSale();
    String closeShift();
    String blindCountHint();
    String countedTotal();
    String countDone();
    String closedResult(String counted, String expected);
    String over(String amount);
    String shortBy(String amount);
    String even();
    String queued();
    String opened(String openingFloat);
    String paidIn(String amount);
    String paidOut(String amount);
    String drawerOpened();
    String notAnAmount(String text);
    String notACount(String text);
    String reasonRequired();
    String managerApproval();
    String managerPin();
    String approvalNeeded(String what);
    String approve();
    String refundButton();
    String refundTitle(String sale);
    String refundHint();
    String refundMethod();
    String originalMethod();
    String cash();
    String refundQuantity(int quantity, String item, String price);
    String confirmRefund(String amount, String method, String sale);
    String refunded(String amount, String sale);
    String chooseSale();
    String chooseLines();
    String needsServer();
    String zReports();
    String takeZ();
    String businessDate();
    String zNumber();
    String netSales();
    String checks();
    String takenAt();
    String exportCsv();
    String saved(String file);
    String auditLog();
    String fromDate();
    String toDate();
    String action();
    String allActions();
    String time();
    String staff();
    String device();
    String subject();
    String approvedBy();
    String refresh();
    String notADate(String text, String example);
    String reportTitle(String a0, String a1, String a2, String a3);
    String grossSales();
    String discounts();
    String refunds();
    String serviceCharges();
    String tips();
    String otherCharges();
    String vat();
    String voids();
    String covers();
    String averageCheck();
    String paymentMethods();
    String vatRates();
    String vatLine(String a0, String a1, String a2, String a3);
    String byDiscount();
    String byCategory();
    String byHour();
    String lineVoids();
    String cashDrawers();
    String cashLine(String a0, String a1, String a2, String a3, String a4, String a5, String a6, String a7, String a8, String a9, String a10);
    String unsynced(String a0, String a1);
    String countLine(String a0, String a1, String a2);
    String notCounted();
    String voucherWorthAtMost(String code, String amount);
    String chooseZ();
    String noZReports();
    String noAuditEntries();
    String printZ();
    String zPrinted(String zNumber, String printer);
    String noReceiptPrinter();
    String exportPdf();
    String savedPdf(String file, String audit);
    String xSoFar();
    String actionDiscount();
    String actionRefund();
    String actionVoid();
    String actionVoidSale();
    String actionPayIn();
    String actionPayOut();
    String actionNoSale();
    String actionApproval();
    String actionShiftOpen();
    String actionShiftClose();
    String actionZReport();
    String actionReopenCheck();
    String reopenTitle();
    String reopenHint();
    String noClosedChecks();
    String closedCheckLine(String label, String time, String total);
    String reopenButton();
    String chooseCheck();
    String confirmReopen(String label, String amount);
    String reopened(String label);
    String tableNumber(String table);
    String askOffice();
    String waitingForOffice();
    String officeRefused(String manager, String reason);
    String officeDidNotAnswer();
    String officeApprovalsHint();
    String noRequests();
    String askedBy();
    String answerPrompt();
    String refuse();
    String chooseRequest();
    String requestApproved(String device);
    String requestRefused(String device);
    String approvalsTab();
    String actionDiscountAsk();
    String actionRefundAsk();
    String actionVoidAsk();
    String actionNoSaleAsk();
    String actionReopenAsk();
    String actionApprovalRefused();
    String refreshRequests();
    String moneySettingsHeader();
    String discountPercentLimit();
    String discountAmountLimit();
    String limitHelp();
    String needsManager();
    String refundsNeedManager();
    String voidsNeedManager();
    String noSaleNeedsManager();
    String reopenNeedsManager();
    String vouchersAlwaysChecked();
    String save();
    String reload();
    String moneySettingsSaved();
    String notAPercentage(String text);
    String moneySettingsTab();
    String vouchersTab();
    String vouchersHint();
    String noVouchers();
    String voucherCode();
    String voucherValue();
    String validity();
    String usesLeft();
    String voucherState();
    String voucherNote();
    String newVoucher();
    String createVoucher();
    String disableVoucher();
    String validFromTo(String from, String to);
    String noLimit();
    String voucherWithdrawn();
    String voucherActive();
    String voucherCreated(String code);
    String voucherDisabled(String code);
    String chooseVoucher();
    String printX();
    String xPrinted(String printer);
    String validFromLabel();
    String validToLabel();
    String maxUsesLabel();
    String datePrompt(String example);
    String noLimitPrompt();

    /** The words for an audit log action ({@code code} as the server names it; an unknown one as it is). */
    default String auditAction(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "DISCOUNT" -> actionDiscount();
            case "REFUND" -> actionRefund();
            case "VOID" -> actionVoid();
            case "VOID_SALE" -> actionVoidSale();
            case "PAY_IN" -> actionPayIn();
            case "PAY_OUT" -> actionPayOut();
            case "NO_SALE" -> actionNoSale();
            case "APPROVAL" -> actionApproval();
            case "SHIFT_OPEN" -> actionShiftOpen();
            case "SHIFT_CLOSE" -> actionShiftClose();
            case "Z_REPORT" -> actionZReport();
            case "REOPEN_CHECK" -> actionReopenCheck();
            case "APPROVAL_REFUSED" -> actionApprovalRefused();
            default -> code;
        };
    }

    /** The words for what a till asks a manager to approve ({@code code} as the server names it). */
    default String approvalAction(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "DISCOUNT" -> actionDiscountAsk();
            case "REFUND" -> actionRefundAsk();
            case "VOID" -> actionVoidAsk();
            case "NO_SALE" -> actionNoSaleAsk();
            case "REOPEN_CHECK" -> actionReopenAsk();
            default -> code;
        };
    }
}
