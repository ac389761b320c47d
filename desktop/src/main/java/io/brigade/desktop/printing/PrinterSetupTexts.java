package io.brigade.desktop.printing;

import io.brigade.desktop.i18n.Bundle;

/**
 * The words of the printers' screens (the back office's printers tab, the till's printer status), in the language of
 * this PC, from {@code texts.properties} beside this class.
 */
@Bundle
public interface PrinterSetupTexts {
    String noPrinters();
    String nameNeeded();
    String drawerTimesNeeded();
    String applied(String name);
    String removed(String name);
    String printersSaved();
    String editsKept();
    String saveBeforeTest();
    String testQueued(String name);
    String receiptsOn(String name);
    String connectionNETWORK();
    String connectionDEVICE();
    String connectionQUEUE();
    String paper(int width);
    String printerRow(String name, String connection, String address);
    String noStation();
    String allPrinting();
    String troubleUNREACHABLE(String printer);
    String troubleNO_PAPER(String printer);
    String troublePARTLY_SENT(String printer);
    String troubleNOT_SET_UP(String printer);
    String waitingJobs(String trouble, int count);
    String waitingChits(String trouble, int count);
    String waitingReceipts(String trouble, int count);
    String unsureJobs(String printer, int count);
    String redirected(int count, String printer);
    String reprinted(String title);
    String jobRow(String title, String state, String printer);
    String stateWAITING();
    String stateSENDING();
    String statePRINTED();
    String stateUNSURE();
    String stateCANCELLED();
    String noReceiptPrinter();
}
