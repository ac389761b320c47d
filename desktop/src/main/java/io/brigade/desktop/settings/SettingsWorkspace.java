package io.brigade.desktop.settings;

import io.brigade.desktop.client.TerminalSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Builds the terminal's settings form, which the back office shows as its "Terminal" tab. */
public final class SettingsWorkspace {
    private SettingsWorkspace() {
    }

    /** The form over {@code current}; {@code save} keeps what the manager saved for the next start. */
    public static Parent load(TerminalSettings current, boolean embedded, Consumer<TerminalSettings> save) {
        FXMLLoader loader = new FXMLLoader(SettingsWorkspace.class.getResource("SettingsView.fxml"));
        try {
            Parent view = loader.load();
            ((SettingsController) loader.getController()).bind(current, embedded, save);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the terminal settings", e);
        }
    }
}
