package io.brigade.desktop.printing;

import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.PrintQueue;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The till's printer line in the status bar: quiet while every printer prints, red at once when one is offline or
 * out of paper ("Grill printer offline: 2 chits waiting"). Pressing it opens the printers: each with its state, the
 * choice to send a printer's waiting jobs to another printer, and the recent jobs to print again or let go.
 */
public final class PrinterStatusBar {
    private PrinterStatusBar() {
    }

    /** The status bar's node over {@code printing}; its words are this PC's language. */
    public static Node create(Printing printing, io.brigade.desktop.fx.Background background) {
        PrinterSetupTexts texts = Texts.of(PrinterSetupTexts.class);
        PrinterStatusModel model = new PrinterStatusModel(printing, background, texts);
        Button line = new Button();
        line.setId("printerStatus");
        line.setFocusTraversable(false);
        line.getStyleClass().add("printer-status");
        line.getStylesheets().add(PrinterStatusBar.class.getResource("printing.css").toExternalForm());
        line.textProperty().bind(model.lineProperty());
        line.visibleProperty().bind(model.lineProperty().isNotEmpty());
        model.troubleProperty().addListener((o, a, on) -> {
            line.getStyleClass().remove("trouble");
            if (on) {
                line.getStyleClass().add("trouble");
            }
        });
        // The line listens while it is on screen: screens built again (another language) leave the old one behind.
        java.util.function.Consumer<java.util.List<Printing.PrinterState>> listener =
                states -> Platform.runLater(() -> model.show(states));
        line.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                printing.stopStatus(listener);
            } else if (was == null) {
                printing.onStatus(listener);
            }
        });
        line.setOnAction(e -> show(line, model, texts));
        return line;
    }

    private static void show(Node owner, PrinterStatusModel model, PrinterSetupTexts texts) {
        java.util.ResourceBundle words = Texts.bundle(PrinterSetupTexts.class);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(words.getString("printersTitle"));
        dialog.setResizable(true);
        ListView<Printing.PrinterState> printers = new ListView<>(model.printers());
        printers.setId("printerStates");
        printers.setPrefHeight(140);
        printers.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Printing.PrinterState s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : model.stateLine(s));
                setWrapText(true);
            }
        });
        ComboBox<String> target = new ComboBox<>();
        target.setId("redirectTarget");
        StringConverter<String> names = new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : model.printerName(id);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException("choices only");
            }
        };
        target.setConverter(names);
        Runnable targets = () -> target.getItems().setAll(model.printers().stream()
                .map(Printing.PrinterState::printerId).toList());
        targets.run();
        model.printers().addListener((javafx.collections.ListChangeListener<Printing.PrinterState>) c -> targets.run());
        Button redirect = new Button(words.getString("redirect"));
        redirect.setId("redirect");
        redirect.setOnAction(e -> {
            Printing.PrinterState from = printers.getSelectionModel().getSelectedItem();
            if (from != null) {
                model.redirect(from.printerId(), target.getValue());
            }
        });
        HBox redirectRow = new HBox(8, new Label(words.getString("redirectTo")), target, redirect);
        redirectRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ListView<PrintQueue.Job> jobs = new ListView<>(model.jobs());
        jobs.setId("printJobs");
        jobs.setPrefHeight(260);
        jobs.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PrintQueue.Job j, boolean empty) {
                super.updateItem(j, empty);
                setText(empty || j == null ? null : texts.jobRow(j.title(), model.stateText(j.state()),
                        model.printerName(j.printerId())));
            }
        });
        Button reprint = new Button(words.getString("reprintJob"));
        reprint.setId("reprintJob");
        reprint.setOnAction(e -> {
            PrintQueue.Job j = jobs.getSelectionModel().getSelectedItem();
            if (j != null) {
                model.reprint(j, Texts.of(PrintTexts.class).reprint());
            }
        });
        Button letGo = new Button(words.getString("letGo"));
        letGo.setId("letGoJob");
        letGo.setOnAction(e -> {
            PrintQueue.Job j = jobs.getSelectionModel().getSelectedItem();
            if (j != null && j.state() == PrintQueue.State.UNSURE) {
                model.letGo(j.id());
            }
        });
        Label message = new Label();
        message.setId("printerMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox content = new VBox(10, printers, redirectRow, jobs, new HBox(8, reprint, letGo), message);
        VBox.setVgrow(jobs, Priority.ALWAYS);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(words.getString("close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        model.printers().stream().filter(s -> s.trouble() != null).findFirst().ifPresent(troubled -> {
            printers.getSelectionModel().select(troubled);
            model.printers().stream().filter(s -> s.trouble() == null).findFirst()
                    .ifPresent(ok -> target.setValue(ok.printerId()));
        });
        model.refreshJobs();
        dialog.show();
    }
}
