package io.brigade.desktop.menu;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Builds the MENU workspace (menu editor and snoozes) for the app shell. */
public final class MenuWorkspace {
    private MenuWorkspace() {
    }

    /** The menu editor and snoozes over {@code backOffice}, as whoever is signed in. */
    public static Parent load(BackOfficeClient backOffice, Clock clock, Background background, ZoneId zone) {
        MenuOffice office = new MenuOffice(backOffice);
        MenuEditorViewModel editor = new MenuEditorViewModel(office, background);
        SnoozePanelModel snoozes = new SnoozePanelModel(office, background, clock, zone);
        FXMLLoader loader = Texts.loader(MenuWorkspace.class, "MenuView.fxml");
        try {
            Parent view = loader.load();
            ((MenuController) loader.getController()).bind(editor, snoozes);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the menu workspace", e);
        }
    }
}
