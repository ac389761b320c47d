package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Shows a secret (an API key, a webhook signing secret) the one time it exists outside the server. */
final class ShowOnceDialog {
    private ShowOnceDialog() {
    }

    /** Opens without blocking; {@code what} names the secret ("API key"), {@code value} is it. */
    static Dialog<ButtonType> show(Window owner, String title, String what, String value) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        TextField field = new TextField(value);
        field.setId("shownOnceValue");
        field.setEditable(false);
        field.getStyleClass().add("show-once-value");
        field.setPrefColumnCount(Math.max(32, value.length()));
        HBox.setHgrow(field, Priority.ALWAYS);
        Label copied = new Label();
        copied.setId("shownOnceCopied");
        BackOfficeTexts texts = Texts.of(BackOfficeTexts.class);
        Button copy = new Button(texts.copy());
        copy.setId("copyShownOnce");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(texts.copied());
        });
        Label warning = new Label(texts.showOnceWarning(what));
        warning.setId("shownOnceWarning");
        warning.setWrapText(true);
        warning.getStyleClass().add("show-once-warning");
        VBox box = new VBox(10, warning, new HBox(8, field, copy), copied);
        box.setPadding(new Insets(10, 0, 0, 0));
        box.setPrefWidth(640);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getStylesheets().add(ShowOnceDialog.class.getResource("backoffice.css")
                .toExternalForm());
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(texts.copiedIt(), ButtonType.OK.getButtonData()));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setId("closeShownOnce");
        dialog.show();
        return dialog;
    }
}
