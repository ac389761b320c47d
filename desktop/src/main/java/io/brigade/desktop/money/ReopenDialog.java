package io.brigade.desktop.money;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Messages;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Formats;
import io.brigade.desktop.local.StaffMember;
import io.brigade.protocol.checks.Check;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Reopens a check the store closed today: the check chosen from the list, a reason, a confirmation naming the
 * table and its amount, a manager's approval where the store asks. The store server cancels its sale and the check
 * comes back open on every till's floor.
 */
final class ReopenDialog {
    private ReopenDialog() {
    }

    static void show(Window owner, Drawer drawer, Background background, MoneyTexts texts, StaffMember staff,
                     ZoneId zone, String currency, Supplier<Boolean> needsManager) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.reopenTitle());
        dialog.setHeaderText(texts.reopenHint());
        dialog.getDialogPane().setId("reopenDialog");
        dialog.getDialogPane().getStylesheets().add(ReopenDialog.class.getResource("money.css").toExternalForm());
        ListView<Check> list = new ListView<>();
        list.setId("closedChecks");
        list.setPrefSize(520, 300);
        list.setPlaceholder(new Label(texts.noClosedChecks()));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Check c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : texts.closedCheckLine(label(c, texts),
                        c.closedAt() == null ? "" : Formats.now().time(c.closedAt(), zone),
                        Money.format(c.total(), currency)));
            }
        });
        TextField reason = new TextField();
        reason.setId("reopenReason");
        reason.setPromptText(texts.reason());
        Label message = new Label();
        message.setId("reopenMessage");
        message.setWrapText(true);
        Button reopen = new Button(texts.reopenButton());
        reopen.setId("reopenCheck");
        reopen.getStyleClass().add("danger");
        Runnable reload = () -> background.run(drawer::closedChecks, list.getItems()::setAll,
                failure -> Messages.refused(message, words(failure, texts)));
        reopen.setOnAction(e -> {
            Check chosen = list.getSelectionModel().getSelectedItem();
            if (chosen == null) {
                Messages.refused(message, texts.chooseCheck());
                return;
            }
            if (reason.getText() == null || reason.getText().isBlank()) {
                Messages.refused(message, texts.reasonRequired());
                return;
            }
            String what = texts.confirmReopen(label(chosen, texts), Money.format(chosen.total(), currency));
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, what, ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(dialog.getDialogPane().getScene().getWindow());
            confirm.getDialogPane().setId("confirmReopen");
            if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
                return;
            }
            String why = reason.getText().strip();
            Optional<String> approval = Optional.of("");
            if (needsManager.get()) {
                approval = ApprovalDialog.ask(dialog.getDialogPane().getScene().getWindow(), drawer, background,
                        texts, "REOPEN_CHECK", chosen.total(), "check " + label(chosen, texts), what, why, staff);
            }
            if (approval.isEmpty()) {
                return;
            }
            String approvalId = approval.get().isEmpty() ? null : approval.get();
            reopen.setDisable(true);
            background.run(() -> drawer.reopen(chosen.checkId(), why, approvalId), check -> {
                reopen.setDisable(false);
                reason.clear();
                Messages.done(message, texts.reopened(label(check, texts)));
                reload.run();
            }, failure -> {
                reopen.setDisable(false);
                Messages.refused(message, words(failure, texts));
            });
        });
        dialog.getDialogPane().setContent(new VBox(10, list, new Label(texts.reason()), reason, reopen, message));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        reload.run();
        dialog.showAndWait();
    }

    /** "Table 4", or the tab's name. */
    static String label(Check c, MoneyTexts texts) {
        return c.table() != null ? texts.tableNumber(c.table()) : c.name() != null ? c.name()
                : c.checkId().substring(0, Math.min(8, c.checkId().length()));
    }

    private static String words(Throwable failure, MoneyTexts texts) {
        return failure instanceof Drawer.NeedsServer ? texts.needsServer() : failure.getMessage();
    }
}
