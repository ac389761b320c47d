package io.brigade.desktop.settings;

import io.brigade.desktop.client.TerminalSettings;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** The terminal's connection settings form in the back office. */
public final class SettingsController {
    @FXML private TextField serverUrl;
    @FXML private TextField clientId;
    @FXML private PasswordField clientSecret;
    @FXML private TextField orgId;
    @FXML private TextField propertyId;
    @FXML private TextField salesChannelId;
    @FXML private TextField terminalName;
    @FXML private Label message;
    @FXML private javafx.scene.control.Button saveButton;
    private Consumer<TerminalSettings> onSave;
    private TerminalSettings current;

    public void bind(TerminalSettings current, boolean embedded, Consumer<TerminalSettings> onSave) {
        this.current = current;
        this.onSave = onSave;
        serverUrl.setText(embedded ? "" : current.serverUrl());
        serverUrl.setPromptText(embedded ? "Built-in server (" + current.serverUrl() + ")" : "https://…");
        clientId.setText(current.clientId());
        clientSecret.setPromptText("unchanged");
        orgId.setText(current.orgId());
        propertyId.setText(current.propertyId());
        salesChannelId.setText(current.salesChannelId());
        terminalName.setText(current.terminalName());
        if (current.joined()) {
            // Pairing set this PC's connection; the form would only lose its device credential.
            for (TextField f : new TextField[] {serverUrl, clientId, clientSecret, orgId, propertyId, salesChannelId,
                terminalName}) {
                f.setDisable(true);
            }
            saveButton.setDisable(true);
            message.setText("This PC joined " + current.link().storeName() + " with a pairing code; its connection "
                    + "comes from there. A manager renames or removes it under Devices.");
        }
    }

    @FXML
    private void onSave() {
        String url = serverUrl.getText().strip();
        if (!url.isEmpty() && !url.matches("https?://.+")) {
            message.setText("The server URL starts with http:// or https://");
            return;
        }
        String secret = clientSecret.getText().isEmpty() ? current.clientSecret() : clientSecret.getText();
        for (TextField f : new TextField[] {clientId, orgId, propertyId, salesChannelId}) {
            if (f.getText().isBlank()) {
                message.setText("Every field except the secret is required");
                return;
            }
        }
        boolean embedded = url.isEmpty();
        onSave.accept(new TerminalSettings(embedded ? current.serverUrl() : url, clientId.getText().strip(), secret,
                orgId.getText().strip(), propertyId.getText().strip(), salesChannelId.getText().strip(),
                terminalName.getText().strip(), embedded));
        message.setText("Saved. Restart Brigade on this PC to connect with these settings.");
    }
}
