package io.brigade.desktop.printing;

import io.brigade.desktop.i18n.Bundle;

/**
 * The words of what prints (receipts, chits, test pages) and of the printers' status, from {@code texts.properties}
 * beside this class (English; {@code _de}, {@code _es}): each method is a key, its arguments fill the pattern.
 * Paper speaks the store's language ({@code Texts.of(PrintTexts.class, storeLocale)}); the till's screen speaks the
 * language spoken at the time ({@code Texts.of(PrintTexts.class)}).
 */
@Bundle
public interface PrintTexts {
    String receiptOrder(String displayId);
    String dineIn();
    String dineInTable(String table);
    String takeaway();
    String collection();
    String delivery();
    String till(String device);
    String servedBy(String staff);
    String subtotal();
    String discount();
    String voucher(String code);
    String loyalty(String code);
    String serviceCharge();
    String deliveryCharge();
    String tip();
    String charge();
    String total();
    String vatIncluded();
    String vatLine(String rate, String net);
    String cash();
    String card();
    String online();
    String phonePayment();
    String otherPayment();
    String change();
    String taxNumber(String number);
    String phone(String number);
    String saleId(String id);
    String refundTitle();
    String refundOf(String displayId, String date);
    String refundReason(String reason);
    String refunded();
    String testTitle();
    String testPrinter(String name);
    String testPaper(int width, String codePage);
    String testCharacters();
    String testDrawer();
    String chitVoid();
    String chitStation(String station);
    String chitTable(String table);
    String chitRound(int round);
    String chitCourse(int course);
    String chitSeat(int seat);
    String chitGuests(int guests);
    String chitVoidLine(int quantity, String name);
    String chitReason(String reason);
    String reprint();
    String jobReceipt(String displayId);
    String reportX();
    String reportZ(long number);
    String reportTaken(String at, String by);
    String reportGross();
    String reportNet();
    String reportPayments();
    String reportShift(String device);
    String reportExpected();
    String reportCounted();
    String reportOverShort();
    String reportNoSales();
    String reportChecks();
    String reportCovers();
    String reportAverage();
    String reportUnsynced(String device, int sales);
    String jobNoSale();
}
