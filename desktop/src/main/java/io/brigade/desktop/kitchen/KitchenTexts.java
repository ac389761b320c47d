package io.brigade.desktop.kitchen;

import java.lang.reflect.Proxy;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The kitchen screen's words, from {@code texts.properties} beside it (English; {@code _de}, {@code _es}): each
 * method is a key, its arguments fill the pattern's {@code {0}}, {@code {1}}… .
 */
public interface KitchenTexts {
    String viewLabel();
    String expo();
    String live();
    String offline();
    String never();
    String notLive(String lastUpdate);
    String notLiveBecause(String lastUpdate, String reason);
    String soundOn();
    String muted();
    String bump();
    String serve();
    String columnNew();
    String columnPreparing();
    String columnBumped();
    String columnInProgress();
    String columnReady();
    String columnHeader(String title, int count);
    String prepTimesHeader();
    String prepTime(String station, String average, String p90, int bumped);
    String noPrepTime(String station);
    String dineIn();
    String takeaway();
    String collection();
    String delivery();
    String table(String table);
    String guests(int guests);
    String round(int round);
    String course(int course);
    String seat(int seat);
    String line(int quantity, String name);
    String lineDoneMark(String line);
    String voidedLine(int quantity, String reason);
    String voidTicketAtStation();
    String voidTicketAtExpo();
    String stationBumped(String station, String time);
    String stationCooking(String station);
    String stationWaiting(String station);
    String stationVoid(String station);
    String bumped(String ticket, String station);
    String started(String ticket);
    String recalled(String ticket);
    String served(String ticket);
    String cleared(String ticket);
    String noTicket(int key);
    String nothingSelected();
    String startNeedsNew();
    String notReady(String ticket, String stations);
    String lineDone(String name);
    String lineNotDone(String name);
    String catchAllName(String station);
    String toCatchAll(String station);
    String stationNameNeeded();
    String stationAdded(String station);
    String stationRemoved(String station);
    String stationsSaved();
    String stationsTab();

    /** The texts in the JVM's language. */
    static KitchenTexts load() {
        ResourceBundle bundle = ResourceBundle.getBundle("io.brigade.desktop.kitchen.texts", Locale.getDefault(),
                KitchenTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return (KitchenTexts) Proxy.newProxyInstance(KitchenTexts.class.getClassLoader(),
                new Class<?>[] {KitchenTexts.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "kitchen texts" : method.getName()
                                .equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
                    }
                    return new MessageFormat(bundle.getString(method.getName()), Locale.getDefault())
                            .format(args == null ? new Object[0] : args);
                });
    }

    /** The bundle for the screen's FXML. */
    static ResourceBundle bundle() {
        return ResourceBundle.getBundle("io.brigade.desktop.kitchen.texts", Locale.getDefault(),
                KitchenTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
