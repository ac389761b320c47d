package io.brigade.desktop.till;

import io.brigade.desktop.i18n.Bundle;

/** The till's words on screen: keys of {@code texts.properties} in this package. */
@Bundle
public interface TillTexts {
    String appName();

    // the ticket's refusals
    String paidAlready();

    String discountOverTotal(String total);

    String ticketEmpty();

    String whichTable();

    String cardOverBalance(String balance);

    // modifiers
    String atMostChoices(String group, int max);

    String chooseExactly(int count, String group);

    String chooseAtLeast(int count, String group);

    String ruleExactly(int count);

    String ruleUpTo(int max);

    String ruleBetween(int min, int max);

    String addToTicket();

    // items and the menu
    String snoozed();

    String unavailable();

    String waitingForMenu();

    String menuRevision(long revision);

    String search();

    String snoozeModeHint();

    String askManagerToSnooze(String item);

    String snoozedUntilClosing(String item);

    String onSaleAgain(String item);

    String couldNotSnooze(String item, String why);

    String couldNotUnsnooze(String item, String why);

    String snoozingUnavailable();

    String channelSnoozedBanner();

    String channelSnoozedBannerUntil(String time);

    String channelSnoozedItem(String item);

    String channelSnoozedItemUntil(String item, String time);

    String itemSnoozed(String item);

    String itemSnoozedUntil(String item, String time);

    String notAvailableNow(String item);

    // questions
    String noteFor(String item);

    String discountAmount();

    String voucherCode();

    String voucherValue();

    String tipAmount();

    // payment
    String voucherNeedsCode();

    String notAnAmount(String typed);

    String saleNotSaved(String why);

    String tenderCash(String tendered);

    String tenderCashWithChange(String tendered, String change);

    String tenderCard(String amount);

    // the receipt dialog
    String receiptTitle(String displayId);

    String receiptHeader(String displayId);

    String changeDue(String amount);

    String noChangeDue();

    String print();

    String nextCustomer();

    String noPrinter();

    String sentToPrinter(String printer);

    String printingFailed();

    // recent sales and what needs attention
    String recentSales();

    String recentSalesHeader();

    String reasonPrompt();

    String cancelSale();

    String chooseSaleFirst();

    String refundLines();

    String saleCancelled(String displayId);

    String printReceiptAgain();

    String noReceiptPrinter();

    String reasonRequired();

    String alreadyCancelled(String displayId);

    String managersOnly();

    String stateCancelled();

    String statePending();

    String stateSent();

    String stateParked();

    String stateVoided();

    String needsAttentionTitle();

    String needsAttentionHeader();

    String askManagerToRetry();

    String chooseOneFirst();

    String sendAgain();

    String queuedAgain();

    String voidEntry();

    String voided();

    String kindSale();

    String kindCancel();

    String kindEvent();

    String kindCheck();

    String kindMoney();

    // table service
    String tables();

    String send();

    String hold();

    String fireNext();

    String split();

    String splitBySeat();

    String splitEvenly();

    String splitTitle();

    /** The split dialog's header: the table and its total. */
    String splitHeader(String table, String total);

    String splitByItem();

    String splitParts();

    String splitOk();

    String previewPart(String part, String amount);

    String previewSeat(String seat, String amount);

    String previewNoSeat(String amount);

    String nothingToSplit();

    String partHasNoLine(int part);

    String paidAlreadyNoSplit();

    String newLinesPlaceholder();

    String sendTip();

    String tableTip();

    String voidLine();

    String voidReasonFor(String line);

    String chooseLineToVoid();

    String voidedAlready(String line);

    String paidNoVoid(String line);

    String voidNeedsReason();

    String lineVoidedNow(String line);

    String voidNotApproved();

    /** What a manager approves: a void of a line of a table. */
    String voidSubject(String table, String line);

    String seat();

    String noSeat();

    String leaveTable();

    /** Leaving a takeaway sent before it was paid. */
    String leaveOrder();

    /** Leaving a tab (a check with a name and no table). */
    String leaveTab();

    String orderedSoFar();

    String checkGuestsOpen(int guests, long minutes);

    String checkOpen(long minutes);

    String partToPay(String label, String amount);

    String balanceStillDue(String amount);

    String tableClosing();

    String tableOpened(String table);

    String tablePaid(String table);

    String openTableFirst();

    String nothingNewToSend();

    String nothingHeld();

    String sendNewLinesFirst();

    String heldForLater(int lines);

    String sentToKitchen(int lines);

    String courseFired(int course);

    String billSplit();

    String notSaved(String why);

    String lineSent();

    String lineHeld(int course);

    String lineNew();

    String lineVoided(String reason);

    String seatOf(int seat);

    // checks moved, merged, transferred; tabs
    String tabOpened(String name);

    String tabNameNeeded();

    String tableNamed(String table);

    String tabNamed(String name);

    String takeawayNamed(String name);

    String takeawaySent(int lines, String name);

    String takeawayPaidAtOnce();

    String checkPaid(String check);

    String mergeWhat(String from, String into);

    String transferWhat(int lines, String from, String to);

    String storeRefused(String what, String reason);

    String storeRefusedChange(String reason);

    String atTableAlready(String table);

    String tableTaken(String table);

    String movedTo(String check, String table);

    String chooseCheckToMerge();

    String splitPaidNoMerge();

    String mergedInto(String other, String check);

    String chooseLinesToTransfer();

    String chooseTransferTarget();

    String transferToItself();

    String linesTransferred(int lines, String to);

    String noOtherChecks();

    String moveTitle();

    String moveHeader(String check);

    String mergeTitle();

    String mergeHeader(String check);

    String transferTitle();

    String transferHeader(String check);

    String transferToLabel();

    String transferTablePrompt();

    String newTabTitle();

    String newTabHeader();

    String moveOk();

    String mergeOk();

    String transferOk();

    String checkChoice(String check, String total, long minutes);
    String reopenCheck();
}
