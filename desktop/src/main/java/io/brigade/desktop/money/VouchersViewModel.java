package io.brigade.desktop.money;

import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Messages;
import io.brigade.protocol.money.Voucher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The org's vouchers as the manager keeps them: the list (code, value, validity, uses left, withdrawn or not), a new
 * voucher's form and the withdrawal of one. Text that is not an amount, a date or a count is refused here; what the
 * store server refuses (a code taken, an end before the start) is shown in its words; nothing is created then.
 */
public final class VouchersViewModel {
    private final MoneyOffice office;
    private final Background background;
    private final MoneyTexts texts;
    private final ReadOnlyListWrapper<Voucher> vouchers = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty validFrom = new SimpleStringProperty("");
    private final StringProperty validTo = new SimpleStringProperty("");
    private final StringProperty maxUses = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Messages.Look> look = new ReadOnlyObjectWrapper<>(Messages.Look.DONE);

    /** {@code today} fills the form's dates (valid from today to the end of the year). */
    public VouchersViewModel(MoneyOffice office, Background background, MoneyTexts texts, LocalDate today) {
        this.office = office;
        this.background = background;
        this.texts = texts;
        validFrom.set(MoneyDates.date(today));
        validTo.set(MoneyDates.date(today.withDayOfYear(today.lengthOfYear())));
    }

    public void refresh() {
        background.run(office::vouchers, vouchers::setAll, e -> say(Messages.Look.REFUSED, Refusals.describe(e)));
    }

    /** Creates the voucher of the form; the form is emptied once the store server has it. */
    public void create() {
        BigDecimal value;
        LocalDate from;
        LocalDate to;
        Integer uses = null;
        try {
            value = new BigDecimal(amount.get().strip().replace(',', '.'));
        } catch (NumberFormatException | NullPointerException e) {
            say(Messages.Look.REFUSED, texts.notAnAmount(amount.get()));
            return;
        }
        try {
            from = MoneyDates.parse(validFrom.get());
            to = MoneyDates.parse(validTo.get());
        } catch (DateTimeParseException e) {
            say(Messages.Look.REFUSED, texts.notADate(validFrom.get() + " / " + validTo.get(),
                    MoneyDates.example()));
            return;
        }
        if (maxUses.get() != null && !maxUses.get().isBlank()) {
            try {
                uses = Integer.valueOf(maxUses.get().strip());
            } catch (NumberFormatException e) {
                say(Messages.Look.REFUSED, texts.notACount(maxUses.get()));
                return;
            }
        }
        Voucher draft = new Voucher(code.get().strip(), value, from, to, uses, null,
                note.get() == null || note.get().isBlank() ? null : note.get().strip(), null);
        background.run(() -> office.addVoucher(draft), made -> {
            code.set("");
            amount.set("");
            maxUses.set("");
            note.set("");
            say(Messages.Look.DONE, texts.voucherCreated(made.code()));
            refresh();
        }, e -> say(Messages.Look.REFUSED, Refusals.describe(e)));
    }

    /** Withdraws {@code voucher}: no till takes it from now on. */
    public void disable(Voucher voucher) {
        if (voucher == null) {
            say(Messages.Look.REFUSED, texts.chooseVoucher());
            return;
        }
        background.run(() -> {
            office.disableVoucher(voucher.code());
            return voucher;
        }, gone -> {
            say(Messages.Look.DONE, texts.voucherDisabled(gone.code()));
            refresh();
        }, e -> say(Messages.Look.REFUSED, Refusals.describe(e)));
    }

    /** How many more sales may take {@code v} ({@code null}: no limit). */
    public static Integer usesLeft(Voucher v) {
        return v.maxUses() == null ? null : Math.max(0, v.maxUses() - (v.uses() == null ? 0 : v.uses()));
    }

    private void say(Messages.Look how, String text) {
        look.set(how);
        message.set(text);
    }

    public ReadOnlyListProperty<Voucher> vouchersProperty() {
        return vouchers.getReadOnlyProperty();
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty validFromProperty() {
        return validFrom;
    }

    public StringProperty validToProperty() {
        return validTo;
    }

    public StringProperty maxUsesProperty() {
        return maxUses;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Messages.Look> lookProperty() {
        return look.getReadOnlyProperty();
    }

    List<Voucher> shown() {
        return List.copyOf(vouchers);
    }
}
