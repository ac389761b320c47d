package io.brigade.desktop.money;

import io.brigade.desktop.fx.Messages;
import io.brigade.desktop.client.BackOfficeException;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Formats;
import io.brigade.protocol.money.AuditEntry;
import io.brigade.protocol.money.ZReportSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The back office's money tabs: the store's Z reports (take, read, export) and its audit log. */
public final class MoneyOfficeView {
    /** The audit log's actions the back office filters by, as the server names them. */
    private static final List<String> AUDIT_ACTIONS = List.of("DISCOUNT", "REFUND", "VOID", "VOID_SALE", "PAY_IN",
            "PAY_OUT", "NO_SALE", "APPROVAL", "APPROVAL_REFUSED", "REOPEN_CHECK", "SHIFT_OPEN", "SHIFT_CLOSE", "Z_REPORT");
    private static final String ALL = "";

    private MoneyOfficeView() {
    }

    /** Prints a report on this PC's receipt printer: answers the printer's name, empty when this PC has none. */
    @FunctionalInterface
    public interface ReportPrinter {
        java.util.Optional<String> print(io.brigade.protocol.money.MoneyReport report);
    }

    /** The two tabs, over {@code office}; {@code exportDir} (null: ask with a file chooser) is where CSVs go. */
    public static List<Tab> tabs(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                                 String currency, Path exportDir) {
        return tabs(office, background, texts, zone, currency, exportDir, r -> java.util.Optional.empty());
    }

    /** As above; the Z tab's Print sends the chosen Z report to {@code printer}. */
    public static List<Tab> tabs(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                                 String currency, Path exportDir, ReportPrinter printer) {
        return List.of(zTab(office, background, texts, zone, exportDir, printer), auditTab(office, background, texts,
                zone, currency));
    }

    /**
     * The tills' requests for a manager, answered by the signed-in manager: read when the tab is chosen and every two
     * seconds while it is on screen (a till is waiting).
     */
    public static Tab approvalsTab(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                                   String currency) {
        javafx.fxml.FXMLLoader loader = io.brigade.desktop.i18n.Texts.loader(MoneyOfficeView.class,
                "OfficeApprovalsView.fxml");
        javafx.scene.Parent view;
        try {
            view = loader.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot load the approvals tab", e);
        }
        OfficeApprovalsController controller = loader.getController();
        controller.bind(new OfficeApprovalsViewModel(office, background, texts), texts, zone, currency);
        Tab tab = readWhenChosen(new Tab(texts.approvalsTab(), view), "tab-approvals", controller::refresh);
        javafx.animation.Timeline poll = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(2), e -> {
                    if (tab.isSelected() && view.getScene() != null && view.getScene().getWindow() != null
                            && view.getScene().getWindow().isShowing() && view.isVisible()
                            && onScreen(view)) {
                        controller.refresh();
                    }
                }));
        poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
        view.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        return tab;
    }

    /** What needs a manager at the store, read when the tab is chosen. */
    public static Tab moneySettingsTab(MoneyOffice office, Background background, MoneyTexts texts) {
        javafx.fxml.FXMLLoader loader = load("MoneySettingsView.fxml");
        MoneySettingsController controller = loader.getController();
        controller.bind(new MoneySettingsViewModel(office, background, texts));
        return readWhenChosen(new Tab(texts.moneySettingsTab(), loader.getRoot()), "tab-money-settings",
                controller::refresh);
    }

    /** The org's vouchers, read when the tab is chosen. */
    public static Tab vouchersTab(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                                  String currency) {
        javafx.fxml.FXMLLoader loader = load("VouchersView.fxml");
        VouchersController controller = loader.getController();
        controller.bind(new VouchersViewModel(office, background, texts, LocalDate.now(zone)), texts, currency);
        return readWhenChosen(new Tab(texts.vouchersTab(), loader.getRoot()), "tab-vouchers", controller::refresh);
    }

    private static javafx.fxml.FXMLLoader load(String fxml) {
        javafx.fxml.FXMLLoader loader = io.brigade.desktop.i18n.Texts.loader(MoneyOfficeView.class, fxml);
        try {
            loader.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot load " + fxml, e);
        }
        return loader;
    }

    /** A tab the back office reads (its user data) each time it comes into view. */
    private static Tab readWhenChosen(Tab tab, String id, Runnable read) {
        tab.setId(id);
        tab.setUserData(read);
        return tab;
    }

    /** The node and every parent visible (the back office's workspace on screen, its group chosen). */
    private static boolean onScreen(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Tab zTab(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone, Path exportDir,
                            ReportPrinter printer) {
        TextField day = new TextField(LocalDate.now(zone).toString());
        day.setId("zDay");
        day.setPrefColumnCount(10);
        Button take = new Button(texts.takeZ());
        take.setId("takeZ");
        take.getStyleClass().add("accent");
        Button x = new Button(texts.xSoFar());
        x.setId("xReport");
        Button export = new Button(texts.exportCsv());
        export.setId("exportZ");
        Button exportPdf = new Button(texts.exportPdf());
        exportPdf.setId("exportZPdf");
        Button print = new Button(texts.printZ());
        print.setId("printZ");
        Label message = new Label();
        message.setId("zMessage");
        message.setWrapText(true);
        TableView<ZReportSummary> list = new TableView<>();
        list.setId("zList");
        list.getColumns().add(column(texts.zNumber(), z -> Long.toString(z.zNumber()), 60));
        list.getColumns().add(column(texts.businessDate(), z -> z.businessDate().toString(), 130));
        list.getColumns().add(column(texts.netSales(), z -> Money.format(z.netSales(), ""), 120));
        list.getColumns().add(column(texts.checks(), z -> Integer.toString(z.checks()), 80));
        list.getColumns().add(column(texts.takenAt(), z -> Formats.now().dateTime(z.takenAt(), zone), 160));
        list.setPrefHeight(150);
        TextArea report = new TextArea();
        report.setId("zReport");
        report.setEditable(false);
        report.getStyleClass().add("report");
        VBox.setVgrow(report, Priority.ALWAYS);
        Runnable reload = () -> background.run(office::zReports, list.getItems()::setAll,
                e -> error(message, e, texts));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, z) -> {
            if (z != null) {
                background.run(() -> office.zReport(z.zNumber()), r -> report.setText(ReportText.of(r, texts)),
                        e -> error(message, e, texts));
            }
        });
        take.setOnAction(e -> {
            LocalDate date = businessDate(day, message, texts);
            if (date == null) {
                return;
            }
            background.run(() -> office.takeZ(date), z -> {
                report.setText(ReportText.of(z, texts));
                Messages.done(message, texts.reportTitle("Z", Long.toString(z.zNumber()), z.propertyName(), date.toString()));
                reload.run();
            }, ex -> error(message, ex, texts));
        });
        export.setOnAction(e -> {
            ZReportSummary z = list.getSelectionModel().getSelectedItem();
            if (z == null) {
                Messages.refused(message, texts.chooseZ());
                return;
            }
            Path target = target(exportDir, "z-" + z.zNumber() + "-" + z.businessDate() + ".csv", export);
            if (target == null) {
                return;
            }
            background.run(() -> office.exportCsv(z.zNumber(), target), p -> Messages.done(message, texts.saved(p.toString())),
                    ex -> error(message, ex, texts));
        });
        x.setOnAction(e -> {
            LocalDate date = businessDate(day, message, texts);
            if (date == null) {
                return;
            }
            background.run(() -> office.x(date), r -> {
                list.getSelectionModel().clearSelection();
                report.setText(ReportText.of(r, texts));
                Messages.done(message, texts.reportTitle("X", "", r.propertyName(), date.toString()));
            }, ex -> error(message, ex, texts));
        });
        exportPdf.setOnAction(e -> {
            ZReportSummary z = list.getSelectionModel().getSelectedItem();
            if (z == null) {
                Messages.refused(message, texts.chooseZ());
                return;
            }
            Path target = target(exportDir, "z-" + z.zNumber() + "-" + z.businessDate() + ".pdf", exportPdf);
            if (target == null) {
                return;
            }
            background.run(() -> office.exportPdf(z.zNumber(), target, texts),
                    audit -> Messages.done(message, texts.savedPdf(target.toString(), audit.getFileName().toString())),
                    ex -> error(message, ex, texts));
        });
        print.setOnAction(e -> {
            ZReportSummary z = list.getSelectionModel().getSelectedItem();
            if (z == null) {
                Messages.refused(message, texts.chooseZ());
                return;
            }
            background.run(() -> printer.print(office.zReport(z.zNumber())), on -> {
                if (on.isPresent()) {
                    Messages.done(message, texts.zPrinted(Long.toString(z.zNumber()), on.get()));
                } else {
                    Messages.refused(message, texts.noReceiptPrinter());
                }
            }, ex -> error(message, ex, texts));
        });
        // The day's X report so far on this PC's receipt printer, read fresh (it changes nothing).
        Button printX = new Button(texts.printX());
        printX.setId("printX");
        printX.setOnAction(e -> {
            LocalDate date = businessDate(day, message, texts);
            if (date == null) {
                return;
            }
            background.run(() -> {
                io.brigade.protocol.money.MoneyReport r = office.x(date);
                return new Object[] {r, printer.print(r)};
            }, done -> {
                io.brigade.protocol.money.MoneyReport r = (io.brigade.protocol.money.MoneyReport) done[0];
                @SuppressWarnings("unchecked")
                java.util.Optional<String> on = (java.util.Optional<String>) done[1];
                list.getSelectionModel().clearSelection();
                report.setText(ReportText.of(r, texts));
                if (on.isPresent()) {
                    Messages.done(message, texts.xPrinted(on.get()));
                } else {
                    Messages.refused(message, texts.noReceiptPrinter());
                }
            }, ex -> error(message, ex, texts));
        });
        // Wrapped, so every button stays on screen at 1024 px.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 8, new Label(texts.businessDate()), day,
                x, printX, take, export, exportPdf, print);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, bar, message, list, report);
        box.setPadding(new Insets(12));
        box.getStylesheets().add(MoneyOfficeView.class.getResource("money.css").toExternalForm());
        Tab tab = new Tab(texts.zReports(), box);
        tab.setId("tab-z-reports");
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                reload.run();
            }
        });
        return tab;
    }

    private static Tab auditTab(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                                String currency) {
        TextField from = new TextField(LocalDate.now(zone).toString());
        from.setId("auditFrom");
        from.setPrefColumnCount(10);
        TextField to = new TextField(LocalDate.now(zone).toString());
        to.setId("auditTo");
        to.setPrefColumnCount(10);
        // The server's codes, shown in the words of the bundle; the first (none) is every action.
        ChoiceBox<String> action = new ChoiceBox<>();
        action.setId("auditAction");
        action.getItems().add(ALL);
        action.getItems().addAll(AUDIT_ACTIONS);
        action.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return ALL.equals(code) ? texts.allActions() : texts.auditAction(code);
            }

            @Override
            public String fromString(String words) {
                return null;
            }
        });
        action.getSelectionModel().select(0);
        Button show = new Button(texts.refresh());
        show.setId("showAudit");
        Label message = new Label();
        message.setId("auditMessage");
        TableView<AuditEntry> table = new TableView<>();
        table.setId("auditTable");
        // Every column in view at 1024 pixels: the table shares its width out, and long texts show in a tooltip.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<AuditEntry, String> time = column(texts.time(), a -> Formats.now().dateTime(a.at(), zone), 175);
        time.setMinWidth(175);
        table.getColumns().add(time);
        table.getColumns().add(column(texts.action(), a -> texts.auditAction(a.action()), 125));
        table.getColumns().add(column(texts.staff(), AuditEntry::staffName, 80));
        table.getColumns().add(column(texts.device(), AuditEntry::deviceName, 70));
        table.getColumns().add(column(texts.amount(), a -> a.amount() == null ? "" : Money.format(a.amount(), currency),
                80));
        table.getColumns().add(column(texts.reason(), AuditEntry::reason, 185));
        table.getColumns().add(column(texts.subject(), a -> a.subject() == null ? null
                : a.subject().replaceAll("([0-9a-f]{8})-[0-9a-f-]{27}", "$1…"), 130));
        TableColumn<AuditEntry, String> approved = column(texts.approvedBy(), AuditEntry::approvedBy, 118);
        approved.setMinWidth(118);
        table.getColumns().add(approved);
        table.setRowFactory(v -> {
            javafx.scene.control.TableRow<AuditEntry> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((o, was, a) -> row.setTooltip(a == null || a.reason() == null ? null
                    : new javafx.scene.control.Tooltip(a.reason())));
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        show.setOnAction(e -> {
            LocalDate f;
            LocalDate t;
            try {
                f = LocalDate.parse(from.getText().strip());
                t = LocalDate.parse(to.getText().strip());
            } catch (DateTimeParseException ex) {
                Messages.refused(message, texts.notADate(from.getText() + " / " + to.getText()));
                return;
            }
            String chosen = action.getSelectionModel().getSelectedIndex() <= 0 ? null : action.getValue();
            background.run(() -> office.audit(f, t, chosen), rows -> {
                table.getItems().setAll(rows);
                message.setText("");
            }, ex -> error(message, ex, texts));
        });
        HBox bar = new HBox(8, new Label(texts.fromDate()), from, new Label(texts.toDate()), to,
                new Label(texts.action()), action, show);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, bar, message, table);
        box.setPadding(new Insets(12));
        box.getStylesheets().add(MoneyOfficeView.class.getResource("money.css").toExternalForm());
        Tab tab = new Tab(texts.auditLog(), box);
        tab.setId("tab-audit");
        return tab;
    }

    /** Where an export goes: {@code name} in {@code exportDir}, else where the manager chooses (null: cancelled). */
    private static Path target(Path exportDir, String name, Button from) {
        if (exportDir != null) {
            return exportDir.resolve(name);
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        java.io.File file = chooser.showSaveDialog(from.getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 110));
        return c;
    }



    /** A refusal shows the server's reason; no answer at all means the store server cannot be reached. */
    /** The business date typed in {@code day}, or null after saying on {@code message} that it is not one. */
    private static LocalDate businessDate(TextField day, Label message, MoneyTexts texts) {
        try {
            return LocalDate.parse(day.getText().strip());
        } catch (DateTimeParseException ex) {
            Messages.refused(message, texts.notADate(day.getText()));
            return null;
        }
    }

    private static void error(Label message, Throwable e, MoneyTexts texts) {
        boolean unreachable = e instanceof Drawer.NeedsServer
                || (e instanceof java.io.IOException && !(e instanceof BackOfficeException));
        Messages.refused(message, unreachable ? texts.needsServer() : e.getMessage());
    }
}
