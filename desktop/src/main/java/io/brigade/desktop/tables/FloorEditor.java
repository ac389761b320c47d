package io.brigade.desktop.tables;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Builds the back office's floor editor for store {@code propertyId}: its areas and tables, saved whole. */
public final class FloorEditor {
    private FloorEditor() {
    }

    /** The editor, and what reads the store's plan fresh when its tab is opened (a draft not saved is kept). */
    public record Screen(Parent view, Runnable refresh) {
    }

    public static Screen load(BackOfficeClient office, String propertyId, Background background) {
        FXMLLoader loader = Texts.loader(FloorEditor.class, "FloorEditorView.fxml");
        Parent editor;
        try {
            editor = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the floor editor", e);
        }
        FloorEditorViewModel model = new FloorEditorViewModel(office, propertyId, background);
        ((FloorEditorController) loader.getController()).bind(model);
        // Each opening of its tab reads the plan, unless the manager has a draft not saved yet.
        return new Screen(editor, model::refreshUnlessEdited);
    }
}
