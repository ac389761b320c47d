package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.devices.Device;
import io.brigade.protocol.devices.DeviceRole;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;

/** The devices tab: binds the switch, the list and its actions to {@link DevicesViewModel}. */
public final class DevicesController {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    @FXML private CheckBox serveStore;
    @FXML private Label servingStatus;
    @FXML private TableView<Device> table;
    @FXML private TableColumn<Device, String> nameColumn;
    @FXML private TableColumn<Device, String> roleColumn;
    @FXML private TableColumn<Device, String> prefixColumn;
    @FXML private TableColumn<Device, String> lastContactColumn;
    @FXML private TableColumn<Device, String> stateColumn;
    @FXML private Button rename;
    @FXML private Button revoke;
    @FXML private Label message;
    private DevicesViewModel model;

    public void bind(DevicesViewModel model) {
        this.model = model;
        table.setItems(model.devices());
        Cells.text(nameColumn, Device::name);
        Cells.text(roleColumn, d -> label(d.role()));
        Cells.text(prefixColumn, d -> d.displayPrefix() == null ? "" : d.displayPrefix());
        Cells.text(lastContactColumn, d -> d.lastSeenAt() == null ? TEXTS.notYet() : Cells.time(d.lastSeenAt()));
        Cells.text(stateColumn, d -> d.revokedAt() == null ? TEXTS.deviceActive() : TEXTS.deviceRevokedAt(Cells.time(d.revokedAt())));
        serveStore.setVisible(model.canServe());
        serveStore.setManaged(model.canServe());
        serveStore.setSelected(model.servesProperty().get());
        model.servesProperty().addListener((o, was, now) -> serveStore.setSelected(now));
        servingStatus.textProperty().bind(model.servingStatusProperty());
        rename.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        message.textProperty().bind(model.messageProperty());
    }

    static String label(DeviceRole role) {
        return switch (role) {
            case TILL -> TEXTS.deviceTill();
            case KITCHEN_SCREEN -> TEXTS.deviceKitchenScreen();
            case OFFICE -> TEXTS.deviceOffice();
        };
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void onServeStore() {
        if (serveStore.isSelected()) {
            model.serveStore();
        } else {
            model.stopServing();
        }
    }

    @FXML
    private void onAdd() {
        AddDeviceDialog.show(table.getScene().getWindow(), model);
    }

    @FXML
    private void onRename() {
        Device d = table.getSelectionModel().getSelectedItem();
        if (d == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(d.name());
        ask.initOwner(table.getScene().getWindow());
        ask.setTitle(TEXTS.renameDeviceTitle());
        ask.setHeaderText(TEXTS.renameDeviceHeader(d.name()));
        ask.getEditor().setId("deviceNewName");
        Optional<String> name = ask.showAndWait();
        name.ifPresent(n -> model.rename(d, n));
    }

    @FXML
    private void onRevoke() {
        Device d = table.getSelectionModel().getSelectedItem();
        if (d != null && Confirm.ask(table.getScene().getWindow(), TEXTS.removeDeviceTitle(d.name()),
                TEXTS.removeDeviceText(d.name()), TEXTS.removeDevice())) {
            model.revoke(d);
        }
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }
}
