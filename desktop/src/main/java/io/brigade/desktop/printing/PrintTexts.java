package io.brigade.desktop.printing;

import java.lang.reflect.Proxy;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of what prints (receipts, chits, test pages) and of the printers' status, from {@code texts.properties}
 * beside this class (English; {@code _de}, {@code _es}): each method is a key, its arguments fill the pattern.
 * Paper speaks the store's language ({@link #in}); the till's screen speaks the PC's ({@link #load}).
 */
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
    String jobNoSale();

    /** The words in {@code locale}'s language (English where it has none). */
    static PrintTexts in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("io.brigade.desktop.printing.texts", locale,
                PrintTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return (PrintTexts) Proxy.newProxyInstance(PrintTexts.class.getClassLoader(),
                new Class<?>[] {PrintTexts.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "print texts" : method.getName()
                                .equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
                    }
                    return new MessageFormat(bundle.getString(method.getName()), locale)
                            .format(args == null ? new Object[0] : args);
                });
    }

    /** The words in the JVM's language. */
    static PrintTexts load() {
        return in(Locale.getDefault());
    }
}
