package io.brigade.desktop.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the desktop speaks; every bundle holds each of them completely. */
public enum Language {
    ENGLISH("en"), GERMAN("de"), SPANISH("es");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639 code, as stored on this PC and with a staff member on the store server. */
    public String code() {
        return code;
    }

    /** The language alone, for words; formats add the store's country (see {@link Texts#locale()}). */
    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language's name in itself: English, Deutsch, Español. */
    public String autonym() {
        LanguageNames names = Texts.of(LanguageNames.class);
        return switch (this) {
            case ENGLISH -> names.english();
            case GERMAN -> names.german();
            case SPANISH -> names.spanish();
        };
    }

    /** The language of this code, if the desktop speaks it. */
    public static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.code.equals(wanted)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The language of {@code locale} when the desktop speaks it, else English. */
    public static Language closestTo(Locale locale) {
        return locale == null ? ENGLISH : ofCode(locale.getLanguage()).orElse(ENGLISH);
    }
}
