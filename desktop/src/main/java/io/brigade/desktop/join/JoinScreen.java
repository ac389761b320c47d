package io.brigade.desktop.join;

import io.brigade.desktop.i18n.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Builds the first-start screen over its view model. */
public final class JoinScreen {
    private JoinScreen() {
    }

    /** The screen over {@code model}; {@code computerName} is offered as this PC's name in the store. */
    public static Parent load(JoinViewModel model, String computerName) {
        FXMLLoader loader = Texts.loader(JoinScreen.class, "JoinView.fxml");
        try {
            Parent view = loader.load();
            ((JoinController) loader.getController()).bind(model, computerName);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the first-start screen", e);
        }
    }
}
