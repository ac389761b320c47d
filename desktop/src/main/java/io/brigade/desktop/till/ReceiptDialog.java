package io.brigade.desktop.till;

import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Texts;
import java.time.ZoneId;
import javafx.event.ActionEvent;
import javafx.print.PrinterJob;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Shows the receipt after a sale, with the change due in large type, and prints it when a printer exists. */
final class ReceiptDialog {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);

    private ReceiptDialog() {
    }

    static void show(Window owner, Receipt receipt, ZoneId zone, ReceiptOutput output) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(TEXTS.receiptTitle(receipt.displayId()));
        dialog.setHeaderText(TEXTS.receiptHeader(receipt.displayId()));
        // The store's receipt as it prints, when this PC made it; else the till's own rendering.
        String shown = output.text(receipt.displayId()).orElseGet(() -> receipt.render(zone));
        TextArea text = new TextArea(shown);
        text.setId("receiptText");
        text.setEditable(false);
        text.getStyleClass().add("receipt");
        text.setPrefColumnCount(50);
        text.setPrefRowCount(Math.min(28, shown.split("\n").length + 1));
        Label change = new Label(receipt.change().signum() > 0
                ? TEXTS.changeDue(Money.format(receipt.change(), receipt.currency())) : TEXTS.noChangeDue());
        change.setId("changeDue");
        change.getStyleClass().add("change-due");
        Label printStatus = new Label();
        printStatus.setId("printStatus");
        printStatus.setWrapText(true);
        printStatus.setMaxWidth(Double.MAX_VALUE);
        dialog.getDialogPane().setContent(new VBox(10, change, text, printStatus));
        ButtonType print = new ButtonType(TEXTS.print(), ButtonBar.ButtonData.LEFT);
        ButtonType done = new ButtonType(TEXTS.nextCustomer(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(print, done);
        dialog.getDialogPane().lookupButton(done).setId("receiptDone");
        Button printButton = (Button) dialog.getDialogPane().lookupButton(print);
        printButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            java.util.Optional<String> printer = output.reprint(receipt.displayId(), null);
            if (printer.isPresent()) {
                printStatus.setText(TEXTS.sentToPrinter(printer.get()));
                return;
            }
            PrinterJob job = PrinterJob.createPrinterJob();
            if (job == null) {
                printStatus.setText(TEXTS.noPrinter());
                return;
            }
            boolean printed = job.printPage(text);
            if (printed) {
                job.endJob();
            }
            printStatus.setText(printed ? TEXTS.sentToPrinter(job.getPrinter().getName()) : TEXTS.printingFailed());
        });
        dialog.show();
    }
}
