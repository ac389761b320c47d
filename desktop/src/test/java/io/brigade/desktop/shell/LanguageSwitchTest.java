package io.brigade.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.desktop.i18n.Language;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LanguageSwitchTest {
    private final List<Language> saved = new ArrayList<>();
    private final List<Language> rebuilt = new ArrayList<>();
    private final StaffMember ana = new StaffMember("s1", "Ana", Role.CASHIER);

    @AfterEach
    void speakEnglishAgain() {
        Texts.use(Language.ENGLISH);
    }

    private LanguageSwitch terminalSpeaking(String code) {
        LanguageSwitch s = new LanguageSwitch(code, saved::add, rebuilt::add);
        s.start();
        return s;
    }

    @Test
    void aTerminalWithoutAChosenLanguageSpeaksThePcs() {
        assertEquals(Language.ENGLISH, terminalSpeaking(null).terminal()); // tests run with en_IE
    }

    @Test
    void aMemberWithALanguageOfTheirOwnHearsIt() {
        LanguageSwitch s = terminalSpeaking("de");

        s.signedIn(ana.withLanguage("es"));

        assertEquals(Language.SPANISH, Texts.language());
    }

    @Test
    void aMemberWithoutOneHearsTheTerminals() {
        LanguageSwitch s = terminalSpeaking("de");

        s.signedIn(ana);

        assertEquals(List.of(), rebuilt, "already German: nothing is built again");
    }

    @Test
    void signingOutGoesBackToTheTerminalsLanguage() {
        LanguageSwitch s = terminalSpeaking("de");
        s.signedIn(ana.withLanguage("es"));

        s.signedOut();

        assertEquals(List.of(Language.SPANISH, Language.GERMAN), rebuilt);
    }

    @Test
    void aNewTerminalLanguageLeavesAMembersOwnAlone() {
        LanguageSwitch s = terminalSpeaking("en");
        s.signedIn(ana.withLanguage("es"));

        s.chooseTerminal(Language.GERMAN);

        assertEquals(List.of(Language.GERMAN), saved);
        assertEquals(Language.SPANISH, Texts.language());
    }

    @Test
    void aCodeTheDesktopDoesNotSpeakFallsBackToTheTerminals() {
        LanguageSwitch s = terminalSpeaking("de");

        assertEquals(Language.GERMAN, s.of(ana.withLanguage("fr")));
    }
}
