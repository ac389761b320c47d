package io.brigade.desktop.till;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Formats;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.StaffMember;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A manager's list of recent sales at this till, to cancel or refund one with a reason; and a closed check to reopen. */
final class RecentSalesDialog {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);

    private RecentSalesDialog() {
    }

    static void show(Window owner, CheckoutService checkout, StaffMember manager, Background background, ZoneId zone,
                     String currency, ReceiptOutput output, Consumer<OutboxEntry> refund, Runnable reopenCheck) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(TEXTS.recentSales());
        dialog.setHeaderText(TEXTS.recentSalesHeader());
        ListView<OutboxEntry> list = new ListView<>();
        list.setId("recentSalesList");
        list.setPrefSize(560, 360);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OutboxEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : "#" + e.displayId() + "   " + Formats.now().time(e.createdAt(), zone)
                        + "   " + Money.format(e.total(), currency) + "   " + e.staffName() + "   " + state(e));
            }
        });
        TextField reason = new TextField();
        reason.setId("cancelReason");
        reason.setPromptText(TEXTS.reasonPrompt());
        Label message = new Label();
        message.setId("recentSalesMessage");
        message.getStyleClass().add("error-text");
        Button cancel = new Button(TEXTS.cancelSale());
        cancel.setId("cancelSale");
        cancel.getStyleClass().add("danger");
        Runnable reload = () -> background.run(checkout::recentSales, list.getItems()::setAll,
                e -> message.setText(e.getMessage()));
        cancel.setOnAction(e -> {
            OutboxEntry sale = list.getSelectionModel().getSelectedItem();
            if (sale == null) {
                message.setText(TEXTS.chooseSaleFirst());
                return;
            }
            String why = reason.getText();
            background.run(() -> {
                checkout.cancel(sale, why, manager);
                return List.of();
            }, ok -> {
                message.setText(TEXTS.saleCancelled(sale.displayId()));
                background.run(() -> output.refund(sale.displayId(), sale.id(), why, manager.name()), printer -> { },
                        failure -> message.setText(failure.getMessage()));
                reason.clear();
                reload.run();
            }, failure -> message.setText(failure.getMessage()));
        });
        Button reprint = new Button(TEXTS.printReceiptAgain());
        reprint.setId("reprintReceipt");
        reprint.setOnAction(e -> {
            OutboxEntry sale = list.getSelectionModel().getSelectedItem();
            if (sale == null) {
                message.setText(TEXTS.chooseSaleFirst());
                return;
            }
            background.run(() -> output.reprint(sale.displayId(), sale.id()), printer -> message.setText(
                    printer.map(TEXTS::sentToPrinter).orElse(TEXTS.noReceiptPrinter())),
                    failure -> message.setText(failure.getMessage()));
        });
        HBox actions = new HBox(8, reason, cancel, reprint);
        if (refund != null) {
            Button refundLines = new Button(TEXTS.refundLines());
            refundLines.setId("refundSale");
            refundLines.setOnAction(e -> {
                OutboxEntry sale = list.getSelectionModel().getSelectedItem();
                if (sale == null) {
                    message.setText(TEXTS.chooseSaleFirst());
                    return;
                }
                refund.accept(sale);
                reload.run();
            });
            actions.getChildren().add(refundLines);
        }
        if (reopenCheck != null) {
            // A table's check is reopened from the store's closed checks, not from this till's own sales.
            Button reopen = new Button(TEXTS.reopenCheck());
            reopen.setId("reopenChecks");
            reopen.setOnAction(e -> reopenCheck.run());
            actions.getChildren().add(reopen);
        }
        dialog.getDialogPane().setContent(new VBox(10, list, actions, message));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        reload.run();
        dialog.showAndWait();
    }

    private static String state(OutboxEntry e) {
        if (e.cancelled()) {
            return TEXTS.stateCancelled();
        }
        return switch (e.state()) {
            case PENDING -> TEXTS.statePending();
            case SENT -> TEXTS.stateSent();
            case PARKED -> TEXTS.stateParked();
            case VOIDED -> TEXTS.stateVoided();
        };
    }
}
