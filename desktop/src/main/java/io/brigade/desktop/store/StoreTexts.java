package io.brigade.desktop.store;

import java.lang.reflect.Proxy;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The store settings' and printers' words, from {@code texts.properties} beside them (English; {@code _de},
 * {@code _es}): each method is a key, its arguments fill the pattern's {@code {0}}, {@code {1}}… .
 */
public interface StoreTexts {
    String settingsNeverSaved();
    String settingsSaved();
    String logoTooLarge(int kib);
    String logoNotPng();
    String logoChosen();
    String logoUnreadable(String reason);
    String noLogo();
    String pngFiles();

    /** The texts in the JVM's language. */
    static StoreTexts load() {
        ResourceBundle bundle = bundle();
        return (StoreTexts) Proxy.newProxyInstance(StoreTexts.class.getClassLoader(),
                new Class<?>[] {StoreTexts.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "store texts" : method.getName()
                                .equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
                    }
                    return new MessageFormat(bundle.getString(method.getName()), Locale.getDefault())
                            .format(args == null ? new Object[0] : args);
                });
    }

    /** The bundle for the screens' FXML. */
    static ResourceBundle bundle() {
        return ResourceBundle.getBundle("io.brigade.desktop.store.texts", Locale.getDefault(),
                StoreTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
