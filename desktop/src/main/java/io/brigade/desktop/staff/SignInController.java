package io.brigade.desktop.staff;

import io.brigade.desktop.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Binds the PIN pad to its view model. */
public final class SignInController {
    private static final StaffTexts TEXTS = Texts.of(StaffTexts.class);
    @FXML private VBox root;
    @FXML private Label dots;
    @FXML private Label message;
    @FXML private Label hint;
    @FXML private GridPane pad;
    @FXML private Button signIn;
    @FXML private VBox padPane;
    @FXML private VBox choosePane;
    @FXML private Label chooseTitle;
    @FXML private PasswordField newPin;
    @FXML private PasswordField repeatPin;
    @FXML private Button savePin;
    private SignInViewModel model;

    public void bind(SignInViewModel model, String hintText) {
        this.model = model;
        dots.textProperty().bind(Bindings.createStringBinding(
                () -> model.pinProperty().get().isEmpty() ? TEXTS.enterPin()
                        : "\u25CF ".repeat(model.pinProperty().get().length()).strip(),
                model.pinProperty()));
        message.textProperty().bind(model.messageProperty());
        hint.setText(hintText == null ? "" : hintText);
        signIn.disableProperty().bind(model.checkingProperty());
        savePin.disableProperty().bind(model.checkingProperty());
        padPane.visibleProperty().bind(model.choosingPinProperty().not());
        padPane.managedProperty().bind(padPane.visibleProperty());
        choosePane.visibleProperty().bind(model.choosingPinProperty());
        signIn.defaultButtonProperty().bind(model.choosingPinProperty().not());
        savePin.defaultButtonProperty().bind(model.choosingPinProperty());
        choosePane.managedProperty().bind(choosePane.visibleProperty());
        chooseTitle.textProperty().bind(Bindings.createStringBinding(
                () -> TEXTS.chooseTitle(model.choosingForProperty().get()), model.choosingForProperty()));
        model.choosingPinProperty().addListener((o, was, now) -> {
            newPin.clear();
            repeatPin.clear();
            if (now) {
                newPin.requestFocus();
            } else {
                root.requestFocus();
            }
        });
        for (int d = 0; d <= 9; d++) {
            Button b = new Button(Integer.toString(d));
            b.getStyleClass().add("pin-key");
            b.setId("pin" + d);
            int digit = d;
            b.setOnAction(e -> model.digit(digit));
            b.setFocusTraversable(false);
            if (d == 0) {
                pad.add(b, 1, 3);
            } else {
                pad.add(b, (d - 1) % 3, (d - 1) / 3);
            }
        }
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private void key(KeyEvent e) {
        if (model.choosingPinProperty().get()) {
            return; // the PIN fields take the keys
        }
        if (e.getCode().isDigitKey()) {
            String t = e.getText();
            if (t != null && t.length() == 1 && Character.isDigit(t.charAt(0))) {
                model.digit(t.charAt(0) - '0');
                e.consume();
            }
        } else if (e.getCode() == KeyCode.ENTER) {
            model.signIn();
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE || e.getCode() == KeyCode.ESCAPE) {
            model.clear();
            e.consume();
        }
    }

    @FXML
    private void onSavePin() {
        model.choosePin(newPin.getText(), repeatPin.getText());
    }

    @FXML
    private void onCancelChoosing() {
        model.cancelChoosing();
    }

    @FXML
    private void onClear() {
        model.clear();
    }

    @FXML
    private void onSignIn() {
        model.signIn();
    }

    public VBox root() {
        return root;
    }
}
