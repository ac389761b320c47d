package io.brigade.desktop.i18n;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import javafx.fxml.FXMLLoader;

/**
 * Every word the desktop shows comes from a resource bundle: one per feature package, {@code texts.properties}
 * (English) with {@code texts_de.properties} and {@code texts_es.properties} beside it, in UTF-8. FXML names its
 * texts {@code %key} and is loaded by {@link #loader}; code asks the {@link Bundle} interface of its package
 * ({@link #of}), whose methods are the keys.
 *
 * <p>Every text is a {@link MessageFormat} pattern, in FXML too: {@code {0}} takes an argument, an apostrophe is
 * written {@code ''} (or as the typographic ’).
 *
 * <p>The language is one for the whole app at a time ({@link #use}); it is also the JVM's default locale, so that
 * JavaFX's own words (a dialog's OK and Cancel) follow. Screens built before a change keep their words: the shell
 * builds them again.
 */
public final class Texts {
    /** The base name of each package's bundle. */
    public static final String BUNDLE = "texts";
    /** Never fall back to the JVM's default locale: a missing German text shows the English one, not another. */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** The PC's own locale, read before the app changes the default. */
    private static final Locale PC = Locale.getDefault();
    private static volatile Language language = Language.closestTo(PC);
    private static volatile StoreLocale store = StoreLocale.of(java.util.Currency.getInstance("EUR"), PC);
    private static final Map<Class<?>, Object> FOLLOWING = new ConcurrentHashMap<>();

    private Texts() {
    }

    /** The language the desktop speaks now. */
    public static Language language() {
        return language;
    }

    /** The locale this PC started with; its language is the device's until one is chosen. */
    public static Locale pcLocale() {
        return PC;
    }

    /** Speaks {@code next} from now on (screens already built keep their words until built again). */
    public static void use(Language next) {
        language = Objects.requireNonNull(next, "next == null");
        Locale.setDefault(locale());
    }

    /** Where the store is and what it takes: sets the country of {@link #locale()} and the currency of money. */
    public static void store(StoreLocale next) {
        store = Objects.requireNonNull(next, "next == null");
        Locale.setDefault(locale());
    }

    public static StoreLocale store() {
        return store;
    }

    /** The locale of numbers, dates and times: the language spoken with the store's country. */
    public static Locale locale() {
        return locale(language);
    }

    /** {@code l} with the store's country: German in an Irish store writes numbers as Germans do, in euros. */
    public static Locale locale(Language l) {
        String country = store.locale().getCountry();
        return country.isEmpty() ? l.locale() : new Locale.Builder().setLanguage(l.code()).setRegion(country).build();
    }

    /** The texts of {@code keys}'s package, always in the language spoken at the moment of each call. */
    public static <T> T of(Class<T> keys) {
        return keys.cast(FOLLOWING.computeIfAbsent(keys, k -> proxy(k, null)));
    }

    /** The texts of {@code keys}'s package in {@code locale}, whatever the screens speak (a receipt, say). */
    public static <T> T of(Class<T> keys, Locale locale) {
        return keys.cast(proxy(keys, Objects.requireNonNull(locale, "locale == null")));
    }

    /** The bundle of {@code anchor}'s package in the language spoken now, for an FXML loader. */
    public static ResourceBundle bundle(Class<?> anchor) {
        Locale formats = locale();
        return new Patterns(raw(anchor.getPackageName(), language.locale(), anchor.getClassLoader()), formats);
    }

    /** A loader for the FXML file {@code name} beside {@code anchor}, with the texts of {@code anchor}'s package. */
    public static FXMLLoader loader(Class<?> anchor, String name) {
        URL fxml = anchor.getResource(name);
        if (fxml == null) {
            throw new IllegalArgumentException("no " + name + " beside " + anchor.getName());
        }
        return new FXMLLoader(fxml, bundle(anchor));
    }

    /** The bundle of {@code packageName} as its files say, in {@code locale}'s language (tests read it). */
    public static ResourceBundle raw(String packageName, Locale locale, ClassLoader loader) {
        return ResourceBundle.getBundle(packageName + "." + BUNDLE, locale, loader, CONTROL);
    }

    /** Fills {@code pattern}'s arguments as {@code locale} writes them. */
    public static String format(String pattern, Locale locale, Object... args) {
        return new MessageFormat(pattern, locale).format(args == null ? new Object[0] : args);
    }

    private static Object proxy(Class<?> keys, Locale fixed) {
        if (!keys.isInterface() || !keys.isAnnotationPresent(Bundle.class)) {
            throw new IllegalArgumentException(keys.getName() + " is not an interface marked @Bundle");
        }
        String pkg = keys.getPackageName();
        ClassLoader loader = keys.getClassLoader();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(keys, proxy, method, args);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            Locale words = fixed != null ? fixed : language.locale();
            Locale formats = fixed != null ? fixed : locale();
            return format(raw(pkg, words, loader).getString(method.getName()), formats, args);
        };
        return Proxy.newProxyInstance(loader, new Class<?>[] {keys}, handler);
    }

    private static Object objectMethod(Class<?> keys, Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "texts of " + keys.getName();
        };
    }

    /** A bundle whose values are the patterns filled without arguments, as every text in code is. */
    private static final class Patterns extends ResourceBundle {
        private final ResourceBundle raw;
        private final Locale locale;

        Patterns(ResourceBundle raw, Locale locale) {
            this.raw = raw;
            this.locale = locale;
        }

        @Override
        protected Object handleGetObject(String key) {
            return raw.containsKey(key) ? format(raw.getString(key), locale) : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(raw.keySet());
        }

        @Override
        public Locale getLocale() {
            return raw.getLocale();
        }
    }
}
