package io.brigade.desktop.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles hold what the screens ask for: every {@code %key} of an FXML file and every method of a
 * {@link Bundle} interface is a key of its package's bundle in every language, with as many arguments as the method
 * takes; every language has the same keys as English and no empty text.
 */
class BundlesTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");

    /** Each package's bundle files by language code ("" for English, the base). */
    private static Map<Path, Map<String, Properties>> bundles() throws IOException {
        Map<Path, Map<String, Properties>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("texts(_[a-z]{2})?\\.properties"))
                    .sorted().toList()) {
                String name = f.getFileName().toString();
                String language = name.equals("texts.properties") ? "" : name.substring(6, 8);
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                found.computeIfAbsent(f.getParent(), k -> new TreeMap<>()).put(language, p);
            }
        }
        return found;
    }

    @Test
    void everyLanguageHasTheKeysOfEnglish() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (var e : bundles().entrySet()) {
            Set<String> english = e.getValue().get("").stringPropertyNames();
            for (Language l : Language.values()) {
                if (l == Language.ENGLISH) {
                    continue;
                }
                Properties other = e.getValue().get(l.code());
                if (other == null) {
                    wrong.add(e.getKey() + ": no texts_" + l.code() + ".properties");
                    continue;
                }
                Set<String> missing = new TreeSet<>(english);
                missing.removeAll(other.stringPropertyNames());
                Set<String> extra = new TreeSet<>(other.stringPropertyNames());
                extra.removeAll(english);
                if (!missing.isEmpty() || !extra.isEmpty()) {
                    wrong.add(e.getKey() + " " + l.code() + ": missing " + missing + ", not in English " + extra);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noTextIsEmptyOrABrokenPattern() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (var e : bundles().entrySet()) {
            for (var language : e.getValue().entrySet()) {
                for (String key : language.getValue().stringPropertyNames()) {
                    String value = language.getValue().getProperty(key);
                    if (value.isBlank()) {
                        wrong.add(e.getKey() + " " + language.getKey() + " " + key + " is empty");
                        continue;
                    }
                    try {
                        new MessageFormat(value);
                    } catch (IllegalArgumentException ex) {
                        wrong.add(e.getKey() + " " + language.getKey() + " " + key + ": " + ex.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyFxmlKeyIsInItsPackagesBundle() throws IOException {
        Map<Path, Map<String, Properties>> bundles = bundles();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).sorted().toList()) {
                Map<String, Properties> bundle = bundles.get(f.getParent());
                Matcher m = FXML_KEY.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1);
                    if (bundle == null) {
                        missing.add(f.getFileName() + " %" + key + ": no bundle beside it");
                        continue;
                    }
                    for (var language : bundle.entrySet()) {
                        if (!language.getValue().containsKey(key)) {
                            missing.add(f.getFileName() + " %" + key + " [" + language.getKey() + "]");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyBundleMethodIsAKeyWithItsArguments() throws IOException {
        Map<Path, Map<String, Properties>> bundles = bundles();
        List<JavaClass> keyed = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.brigade.desktop").stream()
                .filter(c -> c.isInterface() && c.isAnnotatedWith(Bundle.class)).toList();
        assertFalse(keyed.isEmpty(), "no @Bundle interfaces found");
        List<String> wrong = new ArrayList<>();
        for (JavaClass c : keyed) {
            Path dir = RESOURCES.resolve(c.getPackageName().replace('.', '/'));
            Map<String, Properties> bundle = bundles.get(dir);
            if (bundle == null) {
                wrong.add(c.getSimpleName() + ": no texts.properties in " + dir);
                continue;
            }
            for (Method m : c.reflect().getDeclaredMethods()) {
                if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                for (var language : bundle.entrySet()) {
                    String pattern = language.getValue().getProperty(m.getName());
                    if (pattern == null) {
                        wrong.add(c.getSimpleName() + "." + m.getName() + " [" + language.getKey() + "] missing");
                    } else if (arguments(pattern) > m.getParameterCount()) {
                        wrong.add(c.getSimpleName() + "." + m.getName() + " [" + language.getKey() + "] uses "
                                + arguments(pattern) + " arguments, the method gives " + m.getParameterCount());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static int arguments(String pattern) {
        try {
            return new MessageFormat(pattern).getFormatsByArgumentIndex().length;
        } catch (IllegalArgumentException e) {
            return 0; // reported by noTextIsEmptyOrABrokenPattern
        }
    }
}
