package io.brigade.desktop.money;

import io.brigade.desktop.fx.Messages;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.local.StaffMember;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.RefundRequest;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Refunds lines of a sale the store server holds: how many of each line, back the way it was paid or in cash, with
 * a reason; the amount is confirmed before anything is given back, and a manager approves when the store asks.
 */
public final class RefundDialog {
    private RefundDialog() {
    }

    /** The sale as the till rang it ({@code sale}: its lines), and its id on the store server. */
    public static void show(Window owner, Drawer drawer, Background background, MoneyTexts texts, Sale sale,
                            String displayId, String serverSaleId, StaffMember staff, String currency,
                            Function<String, String> itemName) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.refundTitle(displayId));
        dialog.setHeaderText(texts.refundHint());
        dialog.getDialogPane().setId("refundDialog");
        dialog.getDialogPane().getStylesheets().add(RefundDialog.class.getResource("money.css").toExternalForm());
        List<SaleItem> items = sale.items() == null ? List.of() : sale.items();
        BigDecimal itemsTotal = BigDecimal.ZERO;
        for (SaleItem item : items) {
            itemsTotal = itemsTotal.add(lineTotal(item));
        }
        BigDecimal discounts = sale.discounts() == null ? BigDecimal.ZERO : sale.discounts().stream()
                .map(d -> d.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal keep = itemsTotal.signum() == 0 ? BigDecimal.ONE
                : BigDecimal.ONE.subtract(discounts.min(itemsTotal).divide(itemsTotal, 10, RoundingMode.HALF_UP));
        GridPane lines = new GridPane();
        lines.setHgap(10);
        lines.setVgap(6);
        List<Spinner<Integer>> quantities = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SaleItem item = items.get(i);
            Spinner<Integer> q = new Spinner<>(0, item.quantity(), 0);
            q.setId("refundQuantity-" + (i + 1));
            q.setPrefWidth(80);
            quantities.add(q);
            lines.add(new Label(texts.refundQuantity(item.quantity(), itemName.apply(item.menuItemId()),
                    Money.format(lineTotal(item), currency))), 0, i);
            lines.add(q, 1, i);
        }
        ChoiceBox<String> method = new ChoiceBox<>();
        method.setId("refundMethod");
        method.getItems().addAll(texts.originalMethod(), texts.cash());
        method.getSelectionModel().select(0);
        TextField reason = new TextField();
        reason.setId("refundReason");
        reason.setPromptText(texts.reason());
        reason.setPrefColumnCount(28);
        Label message = new Label();
        message.setId("refundMessage");
        message.setWrapText(true);
        Button refund = new Button(texts.refundButton());
        refund.setId("giveRefund");
        refund.getStyleClass().add("danger");
        BigDecimal share = keep;
        refund.setOnAction(e -> {
            List<RefundRequest.Line> chosen = new ArrayList<>();
            BigDecimal amount = BigDecimal.ZERO;
            for (int i = 0; i < quantities.size(); i++) {
                int n = quantities.get(i).getValue();
                if (n > 0) {
                    chosen.add(new RefundRequest.Line(i + 1, n));
                    SaleItem item = items.get(i);
                    amount = amount.add(lineTotal(item).divide(BigDecimal.valueOf(item.quantity()), 10,
                            RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(n)).multiply(share)
                            .setScale(2, RoundingMode.HALF_UP));
                }
            }
            if (chosen.isEmpty()) {
                Messages.refused(message, texts.chooseLines());
                return;
            }
            if (reason.getText() == null || reason.getText().isBlank()) {
                Messages.refused(message, texts.reasonRequired());
                return;
            }
            boolean cash = method.getSelectionModel().getSelectedIndex() == 1;
            String how = cash ? texts.cash() : texts.originalMethod();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, texts.confirmRefund(Money.format(amount, currency),
                    how, displayId), ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(dialog.getDialogPane().getScene().getWindow());
            confirm.getDialogPane().setId("confirmRefund");
            if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
                return;
            }
            BigDecimal total = amount;
            String why = reason.getText().strip();
            refund.setDisable(true);
            background.run(drawer::rules, rules -> {
                Optional<String> approval = Optional.of("");
                if (!Boolean.FALSE.equals(rules.refundsNeedManager())) {
                    approval = ApprovalDialog.ask(dialog.getDialogPane().getScene().getWindow(), drawer, background,
                            texts, "REFUND", total, "sale " + displayId, texts.confirmRefund(Money.format(total,
                                    currency), how, displayId), why, staff);
                }
                if (approval.isEmpty()) {
                    refund.setDisable(false);
                    return;
                }
                String approvalId = approval.get().isEmpty() ? null : approval.get();
                background.run(() -> drawer.refund(serverSaleId, chosen, cash ? PaymentMethod.Cash : null, why,
                        approvalId, staff), given -> {
                            Messages.done(message, texts.refunded(Money.format(given.amount(), currency), displayId));
                            quantities.forEach(q -> q.getValueFactory().setValue(0));
                            reason.clear();
                            refund.setDisable(false);
                        }, failure -> {
                            refund.setDisable(false);
                            Messages.refused(message, failure instanceof Drawer.NeedsServer ? texts.needsServer()
                                    : failure.getMessage());
                        });
            }, failure -> {
                refund.setDisable(false);
                Messages.refused(message, failure instanceof Drawer.NeedsServer ? texts.needsServer() : failure.getMessage());
            });
        });
        dialog.getDialogPane().setContent(new VBox(10, lines, new HBox(8, new Label(texts.refundMethod()), method),
                reason, refund, message));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }



    static BigDecimal lineTotal(SaleItem item) {
        BigDecimal unit = item.unitPrice();
        if (item.modifierItems() != null) {
            for (SaleItem m : item.modifierItems()) {
                unit = unit.add(lineTotal(m));
            }
        }
        return unit.multiply(BigDecimal.valueOf(item.quantity()));
    }
}
