package io.brigade.desktop.settings;

import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.i18n.Language;
import io.brigade.desktop.i18n.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Builds the terminal's settings form, which the back office shows as its "Terminal" tab. */
public final class SettingsWorkspace {
    private SettingsWorkspace() {
    }

    /**
     * The form over {@code current} and this terminal's {@code language}; {@code save} keeps what the manager saved
     * for the next start, {@code chooseLanguage} receives a language they pick (it applies at once).
     */
    public static Parent load(TerminalSettings current, boolean embedded, Consumer<TerminalSettings> save,
                              Language language, Consumer<Language> chooseLanguage) {
        FXMLLoader loader = Texts.loader(SettingsWorkspace.class, "SettingsView.fxml");
        try {
            Parent view = loader.load();
            SettingsController controller = loader.getController();
            controller.bind(current, embedded, save);
            controller.bindLanguage(language, chooseLanguage);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the terminal settings", e);
        }
    }
}
