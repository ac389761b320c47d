package io.brigade.desktop.settings;

import io.brigade.desktop.i18n.Bundle;

/** The terminal settings form's words: keys of {@code texts.properties} in this package. */
@Bundle
public interface SettingsTexts {
    String builtInServerPrompt(String url);

    String unchanged();

    String urlScheme();

    String fieldsRequired();

    String savedRestart();

    String joinedByCode(String store);
}
