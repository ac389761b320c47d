package io.brigade.desktop.money;

import io.brigade.desktop.client.BackOfficeException;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Messages;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.protocol.money.ZReportSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The back office's Z reports: the store's Z reports listed, one read, the day's X so far, a Z taken for a typed
 * business day, a chosen Z exported (CSV, or PDF with the day's audit log beside it) or printed, the X printed. A
 * business day that is not a date is refused here; the store server's refusals are shown in its words; nothing is
 * taken or written either way.
 */
public final class ZReportsViewModel {
    private final MoneyOffice office;
    private final Background background;
    private final MoneyTexts texts;
    private final ZoneId zone;
    private final MoneyOfficeView.ReportPrinter printer;
    private final StringProperty day;
    private final ObservableList<ZReportSummary> reports = FXCollections.observableArrayList();
    private final ObservableList<ZReportSummary> reportsView = FXCollections.unmodifiableObservableList(reports);
    private final ReadOnlyObjectWrapper<ZReportSummary> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Messages.Look> look = new ReadOnlyObjectWrapper<>(Messages.Look.DONE);

    /** The business day typed starts as today in the store's {@code zone}. */
    public ZReportsViewModel(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                             MoneyOfficeView.ReportPrinter printer) {
        this.office = office;
        this.background = background;
        this.texts = texts;
        this.zone = zone;
        this.printer = printer;
        this.day = new SimpleStringProperty(MoneyDates.date(LocalDate.now(zone)));
    }

    /** Reads the store's Z reports (the tab came into view). */
    public void refresh() {
        background.run(office::zReports, reports::setAll, this::refused);
    }

    /** Shows the Z report {@code z} (null: none chosen). */
    public void choose(ZReportSummary z) {
        chosen.set(z);
        if (z != null) {
            background.run(() -> office.zReport(z.zNumber()), r -> report.set(ReportText.of(r, texts)),
                    this::refused);
        }
    }

    /** Takes the Z report of the typed business day, shows it and lists it. */
    public void takeZ() {
        LocalDate date = typedDay();
        if (date == null) {
            return;
        }
        background.run(() -> office.takeZ(date), z -> {
            report.set(ReportText.of(z, texts));
            say(Messages.Look.DONE, texts.reportTitle("Z", Long.toString(z.zNumber()), z.propertyName(),
                    MoneyDates.date(date)));
            refresh();
        }, this::refused);
    }

    /** Shows the typed day's X report so far (it changes nothing). */
    public void x() {
        LocalDate date = typedDay();
        if (date == null) {
            return;
        }
        background.run(() -> office.x(date), r -> {
            chosen.set(null);
            report.set(ReportText.of(r, texts));
            say(Messages.Look.DONE, texts.reportTitle("X", "", r.propertyName(), MoneyDates.date(date)));
        }, this::refused);
    }

    /** Prints the typed day's X so far on this PC's receipt printer, read fresh, and shows it. */
    public void printX() {
        LocalDate date = typedDay();
        if (date == null) {
            return;
        }
        background.run(() -> {
            MoneyReport r = office.x(date);
            return new Printed(r, printer.print(r));
        }, done -> {
            chosen.set(null);
            report.set(ReportText.of(done.report(), texts));
            if (done.on().isPresent()) {
                say(Messages.Look.DONE, texts.xPrinted(done.on().get()));
            } else {
                say(Messages.Look.REFUSED, texts.noReceiptPrinter());
            }
        }, this::refused);
    }

    private record Printed(MoneyReport report, Optional<String> on) {
    }

    /** Prints the chosen Z report on this PC's receipt printer. */
    public void print() {
        ZReportSummary z = chosenOrSay();
        if (z == null) {
            return;
        }
        background.run(() -> printer.print(office.zReport(z.zNumber())), on -> {
            if (on.isPresent()) {
                say(Messages.Look.DONE, texts.zPrinted(Long.toString(z.zNumber()), on.get()));
            } else {
                say(Messages.Look.REFUSED, texts.noReceiptPrinter());
            }
        }, this::refused);
    }

    /**
     * The file name an export of the chosen Z takes ({@code z-12-2026-12-07.csv}), or null after saying that none
     * is chosen.
     */
    public String exportName(String extension) {
        ZReportSummary z = chosenOrSay();
        return z == null ? null : "z-" + z.zNumber() + "-" + z.businessDate() + "." + extension;
    }

    /** Writes the chosen Z report as CSV to {@code target}. */
    public void exportCsv(Path target) {
        ZReportSummary z = chosenOrSay();
        if (z == null) {
            return;
        }
        background.run(() -> office.exportCsv(z.zNumber(), target),
                p -> say(Messages.Look.DONE, texts.saved(p.toString())), this::refused);
    }

    /** Writes the chosen Z report as PDF to {@code target}, its day's audit log as CSV beside it. */
    public void exportPdf(Path target) {
        ZReportSummary z = chosenOrSay();
        if (z == null) {
            return;
        }
        background.run(() -> office.exportPdf(z.zNumber(), target, texts), audit -> say(Messages.Look.DONE,
                texts.savedPdf(target.toString(), audit.getFileName().toString())), this::refused);
    }

    /** A Z's business day as the list shows it. */
    public String businessDate(ZReportSummary z) {
        return MoneyDates.date(z.businessDate());
    }

    /** When a Z was taken, in the store's local time. */
    public String takenAt(ZReportSummary z) {
        return MoneyDates.dateTime(z.takenAt(), zone);
    }

    private ZReportSummary chosenOrSay() {
        ZReportSummary z = chosen.get();
        if (z == null) {
            say(Messages.Look.REFUSED, texts.chooseZ());
        }
        return z;
    }

    private LocalDate typedDay() {
        try {
            return MoneyDates.parse(day.get());
        } catch (DateTimeParseException e) {
            say(Messages.Look.REFUSED, texts.notADate(day.get(), MoneyDates.example()));
            return null;
        }
    }

    private void refused(Throwable e) {
        say(Messages.Look.REFUSED, refusal(e, texts));
    }

    /** A refusal in the store server's words; no answer at all means it cannot be reached. */
    static String refusal(Throwable e, MoneyTexts texts) {
        boolean unreachable = e instanceof Drawer.NeedsServer
                || (e instanceof java.io.IOException && !(e instanceof BackOfficeException));
        return unreachable ? texts.needsServer() : e.getMessage();
    }

    private void say(Messages.Look how, String text) {
        look.set(how);
        message.set(text);
    }

    /** The business day as typed. */
    public StringProperty dayProperty() {
        return day;
    }

    public ObservableList<ZReportSummary> reports() {
        return reportsView;
    }

    /** The Z report shown (null: none, or an X). */
    public ReadOnlyObjectProperty<ZReportSummary> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The report shown, as text. */
    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Messages.Look> lookProperty() {
        return look.getReadOnlyProperty();
    }
}
