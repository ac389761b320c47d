package io.brigade.desktop.printing;

import java.lang.reflect.Proxy;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of the printers' screens (the back office's printers tab, the till's printer status), in the language of
 * this PC, from {@code texts.properties} beside this class.
 */
public interface PrinterSetupTexts {
    String noPrinters();
    String nameNeeded();
    String drawerTimesNeeded();
    String applied(String name);
    String removed(String name);
    String printersSaved();
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

    /** The words in the JVM's language. */
    static PrinterSetupTexts load() {
        ResourceBundle bundle = bundle();
        return (PrinterSetupTexts) Proxy.newProxyInstance(PrinterSetupTexts.class.getClassLoader(),
                new Class<?>[] {PrinterSetupTexts.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "printer texts" : method.getName()
                                .equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
                    }
                    return new MessageFormat(bundle.getString(method.getName()), Locale.getDefault())
                            .format(args == null ? new Object[0] : args);
                });
    }

    /** The bundle for the screens' FXML. */
    static ResourceBundle bundle() {
        return ResourceBundle.getBundle("io.brigade.desktop.printing.texts", Locale.getDefault(),
                PrinterSetupTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
