package io.brigade.desktop.shell;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Workspace;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.till.CheckoutService;
import io.brigade.desktop.till.NeedsAttentionDialog;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** Binds the window frame: the workspace tabs a role may open, the signed-in name and the status bar. */
public final class ShellController {
    @FXML private BorderPane root;
    @FXML private Label terminal;
    @FXML private Label staffName;
    @FXML private TabPane workspaces;
    @FXML private Label connection;
    @FXML private Label waiting;
    @FXML private Label lastSync;
    @FXML private Button attention;
    @FXML private javafx.scene.layout.HBox moreStatus;
    private ShellViewModel model;
    private CheckoutService checkout;
    private Background background;
    private Runnable onSignOut;

    public void bind(ShellViewModel model, String terminalName, Map<Workspace, Node> screens, CheckoutService checkout,
                     Background background, Runnable onSignOut) {
        this.model = model;
        this.checkout = checkout;
        this.background = background;
        this.onSignOut = onSignOut;
        terminal.setText(terminalName);
        staffName.textProperty().bind(Bindings.createStringBinding(() -> model.staffProperty().get() == null ? ""
                : model.staffProperty().get().name() + " (" + model.staffProperty().get().role().label() + ")",
                model.staffProperty()));
        connection.textProperty().bind(model.connectionProperty());
        model.onlineProperty().addListener((o, a, online) -> styleConnection(online));
        styleConnection(model.onlineProperty().get());
        waiting.textProperty().bind(model.waitingProperty());
        lastSync.textProperty().bind(model.lastSyncProperty());
        attention.textProperty().bind(Bindings.concat("Needs attention: ", model.needsAttentionProperty()));
        attention.visibleProperty().bind(model.needsAttentionProperty().greaterThan(0));
        model.staffProperty().addListener((o, a, staff) -> showWorkspaces(screens));
        showWorkspaces(screens);
    }

    private void styleConnection(boolean online) {
        connection.getStyleClass().removeAll("online", "offline");
        connection.getStyleClass().add(online ? "online" : "offline");
    }

    private void showWorkspaces(Map<Workspace, Node> screens) {
        workspaces.getTabs().clear();
        for (Workspace w : model.workspaces()) {
            Tab tab = new Tab(w.title(), screens.get(w));
            tab.setId("workspace-" + w.name().toLowerCase());
            workspaces.getTabs().add(tab);
        }
    }

    @FXML
    private void onSignOut() {
        onSignOut.run();
    }

    @FXML
    private void onNeedsAttention() {
        StaffMember who = model.staffProperty().get();
        NeedsAttentionDialog.show(root.getScene().getWindow(), checkout, who, background);
    }

    /** Adds a feature's own status (the printers' line) to the status bar. */
    public void addStatus(Node status) {
        moreStatus.getChildren().add(status);
    }

    public BorderPane root() {
        return root;
    }
}
