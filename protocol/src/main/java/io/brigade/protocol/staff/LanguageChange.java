package io.brigade.protocol.staff;

import java.util.List;

/**
 * {@code PUT /backoffice/v1/sessions/current/language}: the signed-in member chooses the language the desktop speaks
 * to them on every device of the store, one of {@link #SPOKEN}; null goes back to each device's own language.
 */
public record LanguageChange(String language) {
    /** The ISO 639 codes of the languages the desktop speaks. */
    public static final List<String> SPOKEN = List.of("en", "de", "es");
}
