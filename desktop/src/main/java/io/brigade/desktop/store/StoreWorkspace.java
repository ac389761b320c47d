package io.brigade.desktop.store;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Builds the back office's store screens: the store's settings form (and its printers). */
public final class StoreWorkspace {
    /** A screen and what reads it fresh from the server (the back office calls it when its tab is opened). */
    public record Screen(Parent view, Runnable refresh) {
    }

    private StoreWorkspace() {
    }

    /**
     * The settings form of store {@code propertyId}, as the signed-in manager; {@code saved} hears of settings the
     * server accepted.
     */
    public static Screen settingsEditor(BackOfficeClient office, String propertyId, Background background,
                                        Consumer<StoreSettings> saved) {
        StoreTexts texts = Texts.of(StoreTexts.class);
        FXMLLoader loader = Texts.loader(StoreWorkspace.class, "StoreSettingsView.fxml");
        Parent editor;
        try {
            editor = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the store settings", e);
        }
        StoreSettingsViewModel model = new StoreSettingsViewModel(office, propertyId, background, texts, saved);
        ((StoreSettingsController) loader.getController()).bind(model, texts);
        return new Screen(editor, model::refresh);
    }
}
