package io.brigade.desktop.backoffice;

import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.devices.PairingCode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * "Add a device": the manager picks what the new PC will be, gets a one-time pairing code (large, to read out or type
 * on the new PC) with the store server's fingerprint to compare there, and when the code expires.
 */
final class AddDeviceDialog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private AddDeviceDialog() {
    }

    static Dialog<ButtonType> show(Window owner, DevicesViewModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add a device");
        dialog.setHeaderText("Add a device to the store");
        ComboBox<DeviceRole> role = new ComboBox<>();
        role.setId("newDeviceRole");
        role.getItems().setAll(DeviceRole.values());
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeviceRole r) {
                return r == null ? "" : DevicesController.label(r);
            }

            @Override
            public DeviceRole fromString(String s) {
                return DeviceRole.parse(s).orElse(null);
            }
        });
        role.getSelectionModel().select(DeviceRole.TILL);
        TextField name = new TextField();
        name.setId("newDeviceName");
        name.setPromptText("Optional, e.g. Bar till");
        Button make = new Button("Make a pairing code");
        make.setId("makePairingCode");
        make.getStyleClass().add("accent");
        make.setOnAction(e -> model.newCode(role.getValue(), name.getText()));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("The new PC is"), role);
        form.addRow(1, new Label("Its name"), name);

        Label code = new Label();
        code.setId("pairingCode");
        code.getStyleClass().add("pairing-code");
        Label fingerprint = new Label();
        fingerprint.setId("pairingFingerprint");
        fingerprint.getStyleClass().add("pairing-fingerprint");
        Label expiry = new Label();
        expiry.setId("pairingExpiry");
        expiry.setWrapText(true);
        Label addresses = new Label();
        addresses.setId("pairingAddresses");
        addresses.setWrapText(true);
        Label steps = new Label("On the new PC, start Brigade, choose \u201CJoin a store\u201D, pick this store or type "
                + "its address, check that it shows the same fingerprint, then type the code.");
        steps.setWrapText(true);
        for (Label l : new Label[] {expiry, addresses, steps}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap instead of cutting the sentence
        }
        VBox shown = new VBox(8, new Label("Pairing code"), code, new Label("Fingerprint of this store"), fingerprint,
                addresses, expiry, steps);
        shown.setId("pairingShown");
        shown.getStyleClass().add("pairing-shown");
        shown.setVisible(false);
        shown.managedProperty().bind(shown.visibleProperty());
        Label problem = new Label();
        problem.setId("pairingMessage");
        problem.setWrapText(true);
        problem.getStyleClass().add("error-text");
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.textProperty().bind(model.codeMessageProperty());

        ChangeListener<PairingCode> onCode = (o, was, now) -> {
            shown.setVisible(now != null);
            if (now != null) {
                code.setText(now.code());
                fingerprint.setText(now.fingerprintShort());
                expiry.setText("Works once, until " + TIME.format(now.expiresAt().atZone(ZoneId.systemDefault()))
                        + " (10 minutes). Make a new one if it expires.");
                addresses.setText(now.addresses().isEmpty() ? "" : "Address to type on the new PC if it does not "
                        + "find the store: " + String.join(" or ", now.addresses().stream()
                        .map(a -> a.replaceFirst("^https://", "")).toList()));
                // The dialog was sized without the code: let it grow so that nothing is cut.
                javafx.application.Platform.runLater(() -> dialog.getDialogPane().getScene().getWindow().sizeToScene());
            }
        };
        model.codeProperty().addListener(onCode);
        VBox box = new VBox(12, form, make, problem, shown);
        box.setPadding(new Insets(12, 16, 4, 16));
        box.setPrefWidth(600);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getStylesheets().add(AddDeviceDialog.class.getResource("backoffice.css")
                .toExternalForm());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setId("closeAddDevice");
        dialog.setOnHidden(e -> model.codeProperty().removeListener(onCode));
        dialog.show();
        return dialog;
    }
}
