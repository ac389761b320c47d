package io.brigade.desktop.money;

import io.brigade.desktop.fx.Messages;
import io.brigade.desktop.local.StaffMember;
import io.brigade.protocol.money.ApprovalPending;
import java.math.BigDecimal;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * A manager approves an action on this till: their PIN and the reason (required). The store server checks the PIN;
 * the approval's id goes with the action. The PIN is never kept or shown. Without a manager at the till, the cashier
 * asks the office: the dialog waits for a manager there to approve (it closes and the action goes on) or to refuse
 * (it says who refused and why); closing the dialog withdraws the request.
 */
public final class ApprovalDialog {
    /** How often the till asks the store server whether the office has answered. */
    private static final Duration FOLLOW = Duration.seconds(1);

    private ApprovalDialog() {
    }

    /** The approval's id, or empty when the manager did not approve (cancelled, wrong PIN, refused, no server). */
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
        message.setMaxWidth(460);
        Button askOffice = new Button(texts.askOffice());
        askOffice.setId("askOffice");
        dialog.getDialogPane().setContent(new VBox(8, new Label(texts.managerPin()), pin, new Label(texts.reason()),
                reason, askOffice, message));
        ButtonType approve = new ButtonType(texts.approve(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(approve, ButtonType.CANCEL);
        String[] approved = new String[1];
        String[] waitingFor = new String[1];
        // The dialog stays open while the store server checks the PIN, and closes once it has approved.
        javafx.scene.Node approveButton = dialog.getDialogPane().lookupButton(approve);
        approveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            if (reason.getText() == null || reason.getText().isBlank()) {
                Messages.refused(message, texts.reasonRequired());
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
                Messages.refused(message, failure instanceof Drawer.NeedsServer ? texts.needsServer()
                        : failure.getMessage());
            });
        });
        Timeline follow = new Timeline();
        follow.setCycleCount(Timeline.INDEFINITE);
        boolean[] inFlight = new boolean[1];
        follow.getKeyFrames().add(new KeyFrame(FOLLOW, tick -> {
            String id = waitingFor[0];
            if (id == null || inFlight[0]) {
                return;
            }
            inFlight[0] = true;
            background.run(() -> drawer.officeAnswer(id), answer -> {
                inFlight[0] = false;
                if (!id.equals(waitingFor[0])) {
                    return;
                }
                switch (answer.status()) {
                    case ApprovalPending.APPROVED -> {
                        waitingFor[0] = null;
                        follow.stop();
                        approved[0] = answer.approvalId();
                        dialog.setResult(approve);
                        dialog.close();
                    }
                    case ApprovalPending.REFUSED -> {
                        waitingFor[0] = null;
                        follow.stop();
                        askOffice.setDisable(false);
                        Messages.refused(message, texts.officeRefused(answer.managerName(), answer.answer()));
                    }
                    case ApprovalPending.PENDING -> { }
                    default -> {
                        waitingFor[0] = null;
                        follow.stop();
                        askOffice.setDisable(false);
                        Messages.refused(message, texts.officeDidNotAnswer());
                    }
                }
            }, failure -> inFlight[0] = false); // the network: ask again at the next tick
        }));
        askOffice.setOnAction(e -> {
            if (reason.getText() == null || reason.getText().isBlank()) {
                Messages.refused(message, texts.reasonRequired());
                return;
            }
            askOffice.setDisable(true);
            String why = reason.getText().strip();
            background.run(() -> drawer.askOffice(action, amount, subject, why, asking), id -> {
                waitingFor[0] = id;
                Messages.warning(message, texts.waitingForOffice());
                follow.play();
            }, failure -> {
                askOffice.setDisable(false);
                Messages.refused(message, failure instanceof Drawer.NeedsServer ? texts.needsServer()
                        : failure.getMessage());
            });
        });
        Optional<ButtonType> answer = dialog.showAndWait();
        follow.stop();
        if (waitingFor[0] != null) {
            // Nobody at the till waits any more: the office no longer lists the request.
            String id = waitingFor[0];
            background.run(() -> {
                drawer.withdraw(id);
                return id;
            }, ok -> { }, failure -> { });
        }
        return answer.isPresent() && answer.get() == approve && approved[0] != null ? Optional.of(approved[0])
                : Optional.empty();
    }
}
