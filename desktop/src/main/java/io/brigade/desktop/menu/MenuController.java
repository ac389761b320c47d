package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.MenuSummary;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * The menu workspace's frame: the menu picker, save and reload, and the message line; each tab is a pane of its
 * own (items, modifier groups, publish, snoozes) with its own controller, bound here.
 */
public final class MenuController {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

    @FXML private BorderPane root;
    @FXML private ComboBox<MenuSummary> menuPicker;
    @FXML private Label revisionInfo;
    @FXML private Button saveRevision;
    @FXML private Label message;
    @FXML private MenuItemsController itemsPaneController;
    @FXML private MenuGroupsController groupsPaneController;
    @FXML private MenuPublishController publishPaneController;
    @FXML private MenuSnoozesController snoozesPaneController;
    private MenuEditorViewModel model;
    private SnoozePanelModel snoozes;
    private boolean picking;

    public void bind(MenuEditorViewModel model, SnoozePanelModel snoozes) {
        this.model = model;
        this.snoozes = snoozes;
        bindMenuPicker();
        itemsPaneController.bind(model);
        groupsPaneController.bind(model);
        publishPaneController.bind(model);
        snoozesPaneController.bind(snoozes);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((o, a, failed) -> MenuCells.style(message, "failed", failed));
        saveRevision.disableProperty().bind(model.busyProperty().or(model.baseProperty().isNull()));
        model.overviewProperty().addListener((o, a, overview) -> {
            if (overview != null) {
                snoozes.overviewArrived(overview);
            }
        });
        // Load whenever the workspace is shown (the manager's session opens on first use, and another manager
        // may have changed the menu since), but never throw away unsaved edits: a glance at the till keeps them.
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && (model.baseProperty().get() == null || !model.isChanged())) {
                onReload();
            }
        });
    }

    private void bindMenuPicker() {
        menuPicker.setItems(model.menus());
        menuPicker.setConverter(MenuCells.converter(m -> TEXTS.menuWithCurrency(m.name(), m.currency())));
        menuPicker.valueProperty().addListener((o, a, m) -> {
            if (m != null && !picking && (model.menuProperty().get() == null
                    || !model.menuProperty().get().menuId().equals(m.menuId()))) {
                model.open(m);
            }
        });
        model.menuProperty().addListener((o, a, m) -> {
            picking = true;
            menuPicker.setValue(m);
            picking = false;
        });
        model.menus().addListener((ListChangeListener<MenuSummary>) c -> javafx.application.Platform.runLater(() -> {
            picking = true;
            menuPicker.setValue(model.menuProperty().get());
            picking = false;
        }));
        revisionInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            MenuRevision base = model.baseProperty().get();
            MenuSummary m = model.menuProperty().get();
            if (base == null || m == null) {
                return "";
            }
            return TEXTS.draftInfo(base.revisionId(), m.revisions() == null ? 0 : m.revisions().size(),
                    m.publications() == null ? 0 : m.publications().size());
        }, model.baseProperty(), model.menuProperty()));
    }

    @FXML
    private void onReload() {
        MenuSummary current = model.menuProperty().get();
        model.load(current == null ? null : current.menuId());
    }

    @FXML
    private void onSave() {
        model.save();
    }

}
