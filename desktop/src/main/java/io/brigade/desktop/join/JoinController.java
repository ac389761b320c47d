package io.brigade.desktop.join;

import io.brigade.desktop.client.StoreJoin;
import io.brigade.desktop.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the first-start screen ("This PC is the store" or "Join a store") to its {@link JoinViewModel}. */
public final class JoinController {
    private static final JoinTexts TEXTS = Texts.of(JoinTexts.class);
    @FXML private ListView<StoreJoin.Store> stores;
    @FXML private TextField address;
    @FXML private Button connect;
    @FXML private VBox compare;
    @FXML private Label storeName;
    @FXML private Label fingerprint;
    @FXML private TextField code;
    @FXML private TextField deviceName;
    @FXML private Button join;
    @FXML private Label message;
    @FXML private Label joined;
    private JoinViewModel model;

    public void bind(JoinViewModel model, String computerName) {
        this.model = model;
        stores.setItems(model.found());
        stores.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(StoreJoin.Store s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name() + "  \u00B7  " + s.url());
            }
        });
        stores.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                address.setText(now.url());
                model.connect(now.url());
            }
        });
        deviceName.setText(computerName);
        compare.visibleProperty().bind(model.storeProperty().isNotNull());
        compare.managedProperty().bind(compare.visibleProperty());
        storeName.textProperty().bind(Bindings.createStringBinding(() -> model.storeProperty().get() == null ? ""
                : TEXTS.storeServerAt(model.storeProperty().get().name(), model.storeProperty().get().url()), model.storeProperty()));
        fingerprint.textProperty().bind(Bindings.createStringBinding(() -> model.storeProperty().get() == null ? ""
                : model.storeProperty().get().fingerprintShort(), model.storeProperty()));
        model.storeProperty().addListener((o, was, now) -> {
            if (now != null) {
                code.requestFocus();
            }
        });
        connect.disableProperty().bind(model.busyProperty());
        join.disableProperty().bind(model.busyProperty());
        message.textProperty().bind(model.messageProperty());
        joined.textProperty().bind(model.joinedProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        joined.managedProperty().bind(joined.textProperty().isNotEmpty());
    }

    @FXML
    private void onStoreHere() {
        model.storeHere();
    }

    @FXML
    private void onConnect() {
        model.connect(address.getText());
    }

    @FXML
    private void onJoin() {
        model.join(code.getText(), deviceName.getText());
    }
}
