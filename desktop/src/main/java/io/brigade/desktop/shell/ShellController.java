package io.brigade.desktop.shell;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Workspace;
import io.brigade.desktop.i18n.Language;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.till.CheckoutService;
import io.brigade.desktop.till.NeedsAttentionDialog;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** Binds the window frame: the workspace tabs a role may open, the signed-in name and the status bar. */
public final class ShellController {
    private static final ShellTexts TEXTS = Texts.of(ShellTexts.class);
    @FXML private BorderPane root;
    @FXML private Label terminal;
    @FXML private Label staffName;
    @FXML private TabPane workspaces;
    @FXML private Label connection;
    @FXML private Label waiting;
    @FXML private Label lastSync;
    @FXML private Button attention;
    @FXML private javafx.scene.layout.HBox moreStatus;
    @FXML private MenuButton language;
    @FXML private Label notice;
    private ShellViewModel model;
    private CheckoutService checkout;
    private Background background;
    private Runnable onSignOut;

    /**
     * {@code terminalLanguage} is this terminal's (the language menu offers it besides each language), and
     * {@code chooseOwn} receives the signed-in member's choice (null: the terminal's).
     */
    public void bind(ShellViewModel model, String terminalName, Map<Workspace, Node> screens, CheckoutService checkout,
                     Background background, Runnable onSignOut, Language terminalLanguage,
                     Consumer<Language> chooseOwn) {
        language.setText(Texts.language().autonym());
        for (Language l : Language.values()) {
            MenuItem item = new MenuItem(l.autonym());
            item.setId("language-" + l.code());
            item.setOnAction(e -> chooseOwn.accept(l));
            language.getItems().add(item);
        }
        MenuItem terminalOwn = new MenuItem(TEXTS.terminalLanguage(terminalLanguage.autonym()));
        terminalOwn.setId("language-terminal");
        terminalOwn.setOnAction(e -> chooseOwn.accept(null));
        language.getItems().addAll(new SeparatorMenuItem(), terminalOwn);
        this.model = model;
        this.checkout = checkout;
        this.background = background;
        this.onSignOut = onSignOut;
        terminal.setText(terminalName);
        staffName.textProperty().bind(Bindings.createStringBinding(() -> model.staffProperty().get() == null ? ""
                : TEXTS.staffWithRole(model.staffProperty().get().name(), TEXTS.role(model.staffProperty().get().role())),
                model.staffProperty()));
        connection.textProperty().bind(model.connectionProperty());
        model.onlineProperty().addListener((o, a, online) -> styleConnection(online));
        styleConnection(model.onlineProperty().get());
        waiting.textProperty().bind(model.waitingProperty());
        lastSync.textProperty().bind(model.lastSyncProperty());
        notice.textProperty().bind(model.noticeProperty());
        attention.textProperty().bind(Bindings.createStringBinding(
                () -> TEXTS.needsAttention(model.needsAttentionProperty().get()), model.needsAttentionProperty()));
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
            Tab tab = new Tab(TEXTS.workspace(w), screens.get(w));
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
