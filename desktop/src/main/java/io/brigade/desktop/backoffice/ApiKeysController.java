package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.apikeys.ApiKey;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The API keys tab: binds the table and form to {@link ApiKeysViewModel}. */
public final class ApiKeysController {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    @FXML private Label tierGate;
    @FXML private TextField name;
    @FXML private Button create;
    @FXML private TableView<ApiKey> table;
    @FXML private TableColumn<ApiKey, String> nameColumn;
    @FXML private TableColumn<ApiKey, String> keyColumn;
    @FXML private TableColumn<ApiKey, String> createdColumn;
    @FXML private TableColumn<ApiKey, String> lastUsedColumn;
    @FXML private TableColumn<ApiKey, String> statusColumn;
    @FXML private Button revoke;
    @FXML private Label message;
    private ApiKeysViewModel model;

    public void bind(ApiKeysViewModel model) {
        this.model = model;
        table.setItems(model.keys());
        Cells.text(nameColumn, ApiKey::name);
        Cells.text(keyColumn, ApiKeysViewModel::masked);
        Cells.text(createdColumn, k -> Cells.time(k.createdAt()));
        Cells.text(lastUsedColumn, k -> k.lastUsedAt() == null ? TEXTS.never() : Cells.time(k.lastUsedAt()));
        Cells.text(statusColumn, k -> k.revokedAt() == null ? TEXTS.active() : TEXTS.revokedAt(Cells.time(k.revokedAt())));
        tierGate.textProperty().bind(model.tierGateProperty());
        tierGate.visibleProperty().bind(model.tierGateProperty().isNotEmpty());
        tierGate.managedProperty().bind(tierGate.visibleProperty());
        create.disableProperty().bind(name.textProperty().isEmpty());
        revoke.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ApiKey k = table.getSelectionModel().getSelectedItem();
            return k == null || k.revokedAt() != null;
        }, table.getSelectionModel().selectedItemProperty()));
        message.textProperty().bind(model.messageProperty());
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void onCreate() {
        model.create(name.getText(), key -> {
            name.clear();
            ShowOnceDialog.show(table.getScene().getWindow(), TEXTS.apiKeyTitle(key.name()), TEXTS.apiKeyWhat(),
                    key.key());
        });
    }

    @FXML
    private void onRevoke() {
        ApiKey key = table.getSelectionModel().getSelectedItem();
        if (key != null && Confirm.ask(table.getScene().getWindow(), TEXTS.revokeQuestion(key.name()),
                TEXTS.revokeDetail(ApiKeysViewModel.masked(key)), TEXTS.revokeAction())) {
            model.revoke(key);
        }
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }
}
