package io.brigade.desktop.dashboard;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Builds the dashboard workspace and reads it afresh whenever its tab is selected. */
public final class DashboardWorkspace {
    private DashboardWorkspace() {
    }

    /** The dashboard over {@code office}; money is in {@code menuCurrency} (the cached menu's) when known. */
    public static Parent load(BackOfficeClient office, Supplier<Optional<String>> menuCurrency, Clock clock,
                              Background background, ZoneId zone) {
        DashboardViewModel model = new DashboardViewModel(new DashboardSource(office), background, clock, zone,
                menuCurrency);
        FXMLLoader loader = Texts.loader(DashboardWorkspace.class, "DashboardView.fxml");
        Parent view;
        try {
            view = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the dashboard", e);
        }
        DashboardController controller = loader.getController();
        controller.bind(model);
        whenSelected(view, controller::opened);
        return view;
    }

    /**
     * Runs {@code opened} each time the tab holding {@code view} is selected. The shell rebuilds its tabs at each
     * sign-in but keeps its tab pane, so one listener on the pane sees every opening.
     */
    private static void whenSelected(Node view, Runnable opened) {
        view.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null || view.getProperties().containsKey(DashboardWorkspace.class)) {
                return;
            }
            TabPane pane = tabPane(view);
            if (pane == null) {
                return;
            }
            view.getProperties().put(DashboardWorkspace.class, pane);
            pane.getSelectionModel().selectedItemProperty().addListener((obs, before, tab) -> {
                if (tab != null && tab.getContent() == view) {
                    opened.run();
                }
            });
            Tab selected = pane.getSelectionModel().getSelectedItem();
            if (selected != null && selected.getContent() == view) {
                opened.run();
            }
        });
    }

    private static TabPane tabPane(Node view) {
        for (Node n = view.getParent(); n != null; n = n.getParent()) {
            if (n instanceof TabPane pane) {
                return pane;
            }
        }
        return null;
    }
}
