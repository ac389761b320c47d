package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Formats;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.devices.PairingCode;
import java.time.ZoneId;
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
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);

    private AddDeviceDialog() {
    }

    static Dialog<ButtonType> show(Window owner, DevicesViewModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(TEXTS.addDeviceTitle());
        dialog.setHeaderText(TEXTS.addDeviceHeader());
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
        name.setPromptText(TEXTS.newDeviceNamePrompt());
        Button make = new Button(TEXTS.makePairingCode());
        make.setId("makePairingCode");
        make.getStyleClass().add("accent");
        make.setOnAction(e -> model.newCode(role.getValue(), name.getText()));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(TEXTS.newDeviceRole()), role);
        form.addRow(1, new Label(TEXTS.newDeviceName()), name);

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
        Label steps = new Label(TEXTS.pairingSteps());
        steps.setWrapText(true);
        for (Label l : new Label[] {expiry, addresses, steps}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap instead of cutting the sentence
        }
        VBox shown = new VBox(8, new Label(TEXTS.pairingCode()), code, new Label(TEXTS.storeFingerprint()), fingerprint,
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
                expiry.setText(TEXTS.pairingExpiry(Formats.now().time(now.expiresAt(), ZoneId.systemDefault())));
                addresses.setText(now.addresses().isEmpty() ? "" : TEXTS.pairingAddresses(String.join(", ",
                        now.addresses().stream()
                        .map(a -> a.replaceFirst("^https://", "")).toList())));
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
