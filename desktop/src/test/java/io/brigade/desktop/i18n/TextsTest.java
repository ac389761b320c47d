package io.brigade.desktop.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brigade.desktop.i18n.sample.SampleTexts;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextsTest {
    private final SampleTexts texts = Texts.of(SampleTexts.class);

    @AfterEach
    void speakEnglishAgain() {
        Texts.use(Language.ENGLISH);
    }

    @Test
    void aMethodsNameIsItsKey() {
        assertEquals("Hello", texts.greeting());
    }

    @Test
    void argumentsFillThePattern() {
        assertEquals("'Cola' is not available", texts.notAvailable("Cola"));
    }

    @Test
    void countsChooseTheirPluralForm() {
        assertEquals("No sales waiting", texts.itemsWaiting(0));
        assertEquals("1 sale waiting", texts.itemsWaiting(1));
        assertEquals("1,234 sales waiting", texts.itemsWaiting(1234));
    }

    @Test
    void eachCallSpeaksTheLanguageChosenAtThatMoment() {
        Texts.use(Language.GERMAN);
        assertEquals("Hallo", texts.greeting());
        assertEquals("1.234 Verkäufe warten", texts.itemsWaiting(1234));
    }

    @Test
    void textsForAFixedLocaleIgnoreTheLanguageSpoken() {
        Texts.use(Language.SPANISH);
        assertEquals("„Cola“ ist nicht verfügbar", Texts.of(SampleTexts.class, Locale.GERMAN).notAvailable("Cola"));
    }

    @Test
    void defaultMethodsBuildOnKeys() {
        assertEquals("'COLA' IS NOT AVAILABLE", texts.shout("Cola"));
    }

    @Test
    void theFxmlBundleGivesPatternsFilledWithoutArguments() {
        assertEquals("Hello", Texts.bundle(SampleTexts.class).getString("greeting"));
        assertEquals("'{0}' is not available", Texts.bundle(SampleTexts.class).getString("notAvailable"));
    }

    @Test
    void anInterfaceWithoutTheMarkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Texts.of(Runnable.class));
    }

    @Test
    void theJvmDefaultLocaleFollowsTheLanguage() {
        Texts.use(Language.SPANISH);
        assertEquals("es", Locale.getDefault().getLanguage());
    }
}
