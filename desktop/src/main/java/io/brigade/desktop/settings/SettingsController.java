package io.brigade.desktop.settings;

import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.i18n.Language;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** The terminal's connection settings form in the back office. */
public final class SettingsController {
    private static final SettingsTexts TEXTS = Texts.of(SettingsTexts.class);
    @FXML private TextField serverUrl;
    @FXML private TextField clientId;
    @FXML private PasswordField clientSecret;
    @FXML private TextField orgId;
    @FXML private TextField propertyId;
    @FXML private TextField salesChannelId;
    @FXML private TextField terminalName;
    @FXML private Label message;
    @FXML private javafx.scene.control.Button saveButton;
    @FXML private ComboBox<Language> terminalLanguage;
    private Consumer<TerminalSettings> onSave;
    private TerminalSettings current;

    public void bind(TerminalSettings current, boolean embedded, Consumer<TerminalSettings> onSave) {
        this.current = current;
        this.onSave = onSave;
        serverUrl.setText(embedded ? "" : current.serverUrl());
        serverUrl.setPromptText(embedded ? TEXTS.builtInServerPrompt(current.serverUrl()) : "https://…");
        clientId.setText(current.clientId());
        clientSecret.setPromptText(TEXTS.unchanged());
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
            message.setText(TEXTS.joinedByCode(current.link().storeName()));
        }
    }

    /** Shows this terminal's language; {@code choose} receives the one a manager picks. */
    public void bindLanguage(Language current, Consumer<Language> choose) {
        terminalLanguage.getItems().setAll(Language.values());
        terminalLanguage.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language l) {
                return l == null ? "" : l.autonym();
            }

            @Override
            public Language fromString(String s) {
                return null;
            }
        });
        terminalLanguage.setValue(current);
        terminalLanguage.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != was) {
                choose.accept(now);
            }
        });
    }

    @FXML
    private void onSave() {
        String url = serverUrl.getText().strip();
        if (!url.isEmpty() && !url.matches("https?://.+")) {
            message.setText(TEXTS.urlScheme());
            return;
        }
        String secret = clientSecret.getText().isEmpty() ? current.clientSecret() : clientSecret.getText();
        for (TextField f : new TextField[] {clientId, orgId, propertyId, salesChannelId}) {
            if (f.getText().isBlank()) {
                message.setText(TEXTS.fieldsRequired());
                return;
            }
        }
        boolean embedded = url.isEmpty();
        onSave.accept(new TerminalSettings(embedded ? current.serverUrl() : url, clientId.getText().strip(), secret,
                orgId.getText().strip(), propertyId.getText().strip(), salesChannelId.getText().strip(),
                terminalName.getText().strip(), embedded));
        message.setText(TEXTS.savedRestart());
    }
}
