package io.brigade.desktop.money;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Messages;
import io.brigade.protocol.money.AuditEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The store's audit log in the back office, read-only: the money-affecting actions of the business days from and
 * to (typed), of one action or all. Days that are not dates are refused here and nothing is read.
 */
public final class AuditViewModel {
    /** The audit log's actions the back office filters by, as the server names them. */
    public static final List<String> ACTIONS = List.of("DISCOUNT", "REFUND", "VOID", "VOID_SALE", "PAY_IN",
            "PAY_OUT", "NO_SALE", "APPROVAL", "APPROVAL_REFUSED", "REOPEN_CHECK", "SHIFT_OPEN", "SHIFT_CLOSE",
            "Z_REPORT");
    /** The filter's choice of every action. */
    public static final String ALL = "";

    private final MoneyOffice office;
    private final Background background;
    private final MoneyTexts texts;
    private final ZoneId zone;
    private final StringProperty from;
    private final StringProperty to;
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(ALL);
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Messages.Look> look = new ReadOnlyObjectWrapper<>(Messages.Look.DONE);

    /** Both days start as today in the store's {@code zone}. */
    public AuditViewModel(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone) {
        this.office = office;
        this.background = background;
        this.texts = texts;
        this.zone = zone;
        String today = MoneyDates.date(LocalDate.now(zone));
        this.from = new SimpleStringProperty(today);
        this.to = new SimpleStringProperty(today);
    }

    /** Reads the log of the typed days and the chosen action. */
    public void show() {
        LocalDate f;
        LocalDate t;
        try {
            f = MoneyDates.parse(from.get());
            t = MoneyDates.parse(to.get());
        } catch (DateTimeParseException e) {
            say(Messages.Look.REFUSED, texts.notADate(from.get() + " / " + to.get(), MoneyDates.example()));
            return;
        }
        String chosen = action.get() == null || ALL.equals(action.get()) ? null : action.get();
        background.run(() -> office.audit(f, t, chosen), rows -> {
            entries.setAll(rows);
            say(Messages.Look.DONE, "");
        }, e -> say(Messages.Look.REFUSED, ZReportsViewModel.refusal(e, texts)));
    }

    /** An action's code in the words of the language spoken (every action for {@link #ALL}). */
    public String actionName(String code) {
        return code == null || ALL.equals(code) ? texts.allActions() : texts.auditAction(code);
    }

    /** When an entry was made: the date and the store's local time. */
    public String time(AuditEntry a) {
        return MoneyDates.dateTime(a.at(), zone);
    }

    /** The widest date and time the Time column may show: a two-digit day of September at 12:59 (p.m.). */
    public String longestTime() {
        return MoneyDates.dateTime(java.time.LocalDateTime.of(2026, 9, 30, 12, 59).atZone(zone).toInstant(), zone);
    }

    private void say(Messages.Look how, String text) {
        look.set(how);
        message.set(text);
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    /** The action shown ({@link #ALL}: every one). */
    public ObjectProperty<String> actionProperty() {
        return action;
    }

    public ObservableList<AuditEntry> entries() {
        return entriesView;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Messages.Look> lookProperty() {
        return look.getReadOnlyProperty();
    }
}
