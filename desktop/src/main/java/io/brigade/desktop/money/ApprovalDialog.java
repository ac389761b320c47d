package io.brigade.desktop.money;

import io.brigade.desktop.local.StaffMember;
import java.math.BigDecimal;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A manager approves an action on this till: their PIN and the reason (required). The store server checks the PIN;
 * the approval's id goes with the action. The PIN is never kept or shown.
 */
public final class ApprovalDialog {
    private ApprovalDialog() {
    }

    /** The approval's id, or empty when the manager did not approve (cancelled, wrong PIN, no server). */
    public static Optional<String> ask(Window owner, Drawer drawer, io.brigade.desktop.fx.Background background,
                                       MoneyTexts texts, String action, BigDecimal amount, String subject,
                                       String what, String reasonGiven, StaffMember asking) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.managerApproval());
        dialog.setHeaderText(texts.approvalNeeded(what));
        dialog.getDialogPane().setId("approvalDialog");
        dialog.getDialogPane().getStylesheets().add(ApprovalDialog.class.getResource("money.css").toExternalForm());
        PasswordField pin = new PasswordField();
        pin.setId("managerPin");
        pin.setPromptText(texts.managerPin());
        TextField reason = new TextField(reasonGiven == null ? "" : reasonGiven);
        reason.setId("approvalReason");
        reason.setPromptText(texts.reason());
        Label message = new Label();
        message.setId("approvalMessage");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, new Label(texts.managerPin()), pin, new Label(texts.reason()),
                reason, message));
        ButtonType approve = new ButtonType(texts.approve(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(approve, ButtonType.CANCEL);
        String[] approved = new String[1];
        // The dialog stays open while the store server checks the PIN, and closes once it has approved.
        javafx.scene.Node approveButton = dialog.getDialogPane().lookupButton(approve);
        approveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            if (reason.getText() == null || reason.getText().isBlank()) {
                message.setText(texts.reasonRequired());
                return;
            }
            approveButton.setDisable(true);
            String typed = pin.getText();
            String why = reason.getText().strip();
            background.run(() -> drawer.approve(action, amount, subject, why, typed, asking).approvalId(), id -> {
                approved[0] = id;
                dialog.setResult(approve);
                dialog.close();
            }, failure -> {
                approveButton.setDisable(false);
                pin.clear();
                message.setText(failure instanceof Drawer.NeedsServer ? texts.needsServer() : failure.getMessage());
            });
        });
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == approve && approved[0] != null ? Optional.of(approved[0])
                : Optional.empty();
    }
}
