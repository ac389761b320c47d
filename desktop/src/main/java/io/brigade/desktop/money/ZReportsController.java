package io.brigade.desktop.money;

import io.brigade.desktop.fx.Messages;
import io.brigade.desktop.fx.Money;
import io.brigade.protocol.money.ZReportSummary;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/** Binds the back office's Z reports tab to its {@link ZReportsViewModel}; asks where an export goes. */
public final class ZReportsController {
    @FXML private TextField day;
    @FXML private Button exportCsv;
    @FXML private Button exportPdf;
    @FXML private Label message;
    @FXML private TableView<ZReportSummary> list;
    @FXML private TableColumn<ZReportSummary, String> number;
    @FXML private TableColumn<ZReportSummary, String> date;
    @FXML private TableColumn<ZReportSummary, String> net;
    @FXML private TableColumn<ZReportSummary, String> checks;
    @FXML private TableColumn<ZReportSummary, String> takenAt;
    @FXML private TextArea report;
    private ZReportsViewModel model;
    private Path exportDir;

    /** {@code exportDir} is where exports go (null: the manager chooses with a file chooser). */
    public void bind(ZReportsViewModel viewModel, Path exportDir) {
        this.model = viewModel;
        this.exportDir = exportDir;
        list.setItems(model.reports());
        column(number, z -> Long.toString(z.zNumber()));
        column(date, model::businessDate);
        column(net, z -> Money.format(z.netSales(), ""));
        column(checks, z -> Integer.toString(z.checks()));
        column(takenAt, model::takenAt);
        day.textProperty().bindBidirectional(model.dayProperty());
        report.textProperty().bind(model.reportProperty());
        message.textProperty().bind(model.messageProperty());
        model.lookProperty().addListener((o, was, now) -> Messages.look(message, now));
        Messages.look(message, model.lookProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, z) -> {
            if (z != model.chosenProperty().get()) {
                model.choose(z);
            }
        });
        // An X shown in place of the chosen Z leaves no Z chosen in the list.
        model.chosenProperty().addListener((o, was, z) -> {
            if (z == null) {
                list.getSelectionModel().clearSelection();
            }
        });
    }

    private static void column(TableColumn<ZReportSummary, String> c, Function<ZReportSummary, String> text) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void onX() {
        model.x();
    }

    @FXML
    private void onPrintX() {
        model.printX();
    }

    @FXML
    private void onTakeZ() {
        model.takeZ();
    }

    @FXML
    private void onPrint() {
        model.print();
    }

    @FXML
    private void onExportCsv() {
        Path target = target(model.exportName("csv"), exportCsv);
        if (target != null) {
            model.exportCsv(target);
        }
    }

    @FXML
    private void onExportPdf() {
        Path target = target(model.exportName("pdf"), exportPdf);
        if (target != null) {
            model.exportPdf(target);
        }
    }

    /** Where an export named {@code name} goes (null: nothing chosen, or the manager cancelled). */
    private Path target(String name, Button from) {
        if (name == null) {
            return null;
        }
        if (exportDir != null) {
            return exportDir.resolve(name);
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        java.io.File file = chooser.showSaveDialog(from.getScene().getWindow());
        return file == null ? null : file.toPath();
    }
}
