package io.brigade.desktop.backoffice;

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
        Cells.text(lastContactColumn, d -> d.lastSeenAt() == null ? "Not yet" : Cells.time(d.lastSeenAt()));
        Cells.text(stateColumn, d -> d.revokedAt() == null ? "Active" : "Revoked " + Cells.time(d.revokedAt()));
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
            case TILL -> "Till";
            case KITCHEN_SCREEN -> "Kitchen screen";
            case OFFICE -> "Office";
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
        ask.setTitle("Rename a device");
        ask.setHeaderText("A new name for " + d.name());
        ask.getEditor().setId("deviceNewName");
        Optional<String> name = ask.showAndWait();
        name.ifPresent(n -> model.rename(d, n));
    }

    @FXML
    private void onRevoke() {
        Device d = table.getSelectionModel().getSelectedItem();
        if (d != null && Confirm.ask(table.getScene().getWindow(), "Remove " + d.name() + " from the store?",
                d.name() + " is refused by the store at once: it can no longer sell, show tickets or sign anyone in. "
                        + "Sales it rang before are still accepted. To use it again, add it with a new code.",
                "Remove")) {
            model.revoke(d);
        }
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }
}
