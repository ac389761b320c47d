package io.brigade.desktop.money;

import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Messages;
import io.brigade.protocol.money.MoneySettings;
import java.math.BigDecimal;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The manager's form of what needs a manager at the store: the discount a cashier may give alone (a percentage of
 * the items and an amount; empty: no limit of that kind) and which actions ask for a manager. A field that is not a
 * number is refused here, a value the store server refuses (a percentage above 100) with its words; either way
 * nothing is saved and the form keeps what was typed.
 */
public final class MoneySettingsViewModel {
    private final MoneyOffice office;
    private final Background background;
    private final MoneyTexts texts;
    private final StringProperty percentLimit = new SimpleStringProperty("");
    private final StringProperty amountLimit = new SimpleStringProperty("");
    private final BooleanProperty refunds = new SimpleBooleanProperty(true);
    private final BooleanProperty voids = new SimpleBooleanProperty(true);
    private final BooleanProperty noSale = new SimpleBooleanProperty(true);
    private final BooleanProperty reopen = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Messages.Look> look = new ReadOnlyObjectWrapper<>(Messages.Look.DONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public MoneySettingsViewModel(MoneyOffice office, Background background, MoneyTexts texts) {
        this.office = office;
        this.background = background;
        this.texts = texts;
    }

    /** Reads the store's rules as the store server has them (the tab was opened, or Reload). */
    public void refresh() {
        busy.set(true);
        background.run(office::settings, s -> {
            busy.set(false);
            show(s);
            say(Messages.Look.DONE, "");
        }, e -> {
            busy.set(false);
            say(Messages.Look.REFUSED, Refusals.describe(e));
        });
    }

    /** Sends the form whole; refused here when a limit is not a number. */
    public void save() {
        BigDecimal percent;
        BigDecimal amount;
        try {
            percent = number(percentLimit.get());
        } catch (NumberFormatException e) {
            say(Messages.Look.REFUSED, texts.notAPercentage(percentLimit.get()));
            return;
        }
        try {
            amount = number(amountLimit.get());
        } catch (NumberFormatException e) {
            say(Messages.Look.REFUSED, texts.notAnAmount(amountLimit.get()));
            return;
        }
        MoneySettings draft = new MoneySettings(percent, amount, refunds.get(), voids.get(), noSale.get(),
                reopen.get());
        busy.set(true);
        background.run(() -> office.saveSettings(draft), s -> {
            busy.set(false);
            show(s);
            say(Messages.Look.DONE, texts.moneySettingsSaved());
        }, e -> {
            busy.set(false);
            say(Messages.Look.REFUSED, Refusals.describe(e));
        });
    }

    /** Empty is no limit; a comma is read as the decimal point. */
    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new BigDecimal(text.strip().replace(',', '.'));
    }

    private void show(MoneySettings s) {
        percentLimit.set(s.discountPercentLimit() == null ? "" : s.discountPercentLimit().stripTrailingZeros()
                .toPlainString());
        amountLimit.set(s.discountAmountLimit() == null ? "" : s.discountAmountLimit().setScale(2,
                java.math.RoundingMode.UNNECESSARY).toPlainString());
        refunds.set(!Boolean.FALSE.equals(s.refundsNeedManager()));
        voids.set(!Boolean.FALSE.equals(s.voidsNeedManager()));
        noSale.set(!Boolean.FALSE.equals(s.noSaleNeedsManager()));
        reopen.set(!Boolean.FALSE.equals(s.reopenNeedsManager()));
    }

    private void say(Messages.Look how, String text) {
        look.set(how);
        message.set(text);
    }

    public StringProperty percentLimitProperty() {
        return percentLimit;
    }

    public StringProperty amountLimitProperty() {
        return amountLimit;
    }

    public BooleanProperty refundsNeedManagerProperty() {
        return refunds;
    }

    public BooleanProperty voidsNeedManagerProperty() {
        return voids;
    }

    public BooleanProperty noSaleNeedsManagerProperty() {
        return noSale;
    }

    public BooleanProperty reopenNeedsManagerProperty() {
        return reopen;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Messages.Look> lookProperty() {
        return look.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
