package io.brigade.desktop.shell;

import io.brigade.desktop.i18n.Language;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.StaffMember;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Which language the desktop speaks: the signed-in member's own if they chose one, else this terminal's (chosen in
 * its settings, else the PC's). A change rebuilds the screens ({@code respeak}), since FXML takes its words when it
 * is loaded; the till's ticket lives in its view model and survives.
 */
final class LanguageSwitch {
    private final Consumer<Language> saveTerminal;
    private final Consumer<Language> respeak;
    private Language terminal;
    private StaffMember signedIn;

    /**
     * {@code terminalCode} is the language stored on this PC (null when none was chosen); {@code saveTerminal}
     * stores a new one; {@code respeak} rebuilds the screens in the language given.
     */
    LanguageSwitch(String terminalCode, Consumer<Language> saveTerminal, Consumer<Language> respeak) {
        this.terminal = Language.ofCode(terminalCode).orElse(Language.closestTo(Texts.pcLocale()));
        this.saveTerminal = Objects.requireNonNull(saveTerminal, "saveTerminal == null");
        this.respeak = Objects.requireNonNull(respeak, "respeak == null");
    }

    /** This terminal's language: the one chosen for it, else the PC's when the desktop speaks it, else English. */
    Language terminal() {
        return terminal;
    }

    /** The language {@code who} hears: their own, else the terminal's. */
    Language of(StaffMember who) {
        return who == null ? terminal() : Language.ofCode(who.language()).orElse(terminal());
    }

    /** Speaks the terminal's language from the start, before any screen is built. */
    void start() {
        Texts.use(terminal());
    }

    void signedIn(StaffMember who) {
        signedIn = who;
        speak(of(who));
    }

    void signedOut() {
        signedIn = null;
        speak(terminal());
    }

    /** The signed-in member chose {@code own} (null: the terminal's); the caller keeps it with them. */
    StaffMember chooseOwn(Language own) {
        signedIn = signedIn.withLanguage(own == null ? null : own.code());
        speak(of(signedIn));
        return signedIn;
    }

    /** A manager chose the terminal's language; whoever has no language of their own hears it at once. */
    void chooseTerminal(Language next) {
        terminal = Objects.requireNonNull(next, "next == null");
        saveTerminal.accept(next);
        speak(of(signedIn));
    }

    private void speak(Language next) {
        if (next != Texts.language()) {
            Texts.use(next);
            respeak.accept(next);
        }
    }
}
