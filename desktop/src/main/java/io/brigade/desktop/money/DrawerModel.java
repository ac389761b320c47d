package io.brigade.desktop.money;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Formats;
import io.brigade.desktop.local.StaffMember;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The drawer screen's state and commands: the shift of this till, opening it with a float, pay-ins and pay-outs with
 * a reason, a no-sale open, and the blind count that closes it (by note and coin, or a total). Messages say what
 * happened ({@link #toneProperty()}: done, worth a look, or refused).
 */
public final class DrawerModel {
    /** The notes and coins of the euro, largest first: the rows of the blind count. */
    public static final List<String> FACES = List.of("500", "200", "100", "50", "20", "10", "5", "2", "1", "0.50",
            "0.20", "0.10", "0.05", "0.02", "0.01");

    private final Drawer drawer;
    private final Background background;
    private final Supplier<StaffMember> staff;
    private final ZoneId zone;
    private final String currency;
    private final MoneyTexts texts;
    private final Consumer<StaffMember> pulse;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.OK);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");

    public DrawerModel(Drawer drawer, Background background, Supplier<StaffMember> staff, ZoneId zone, String currency,
                       MoneyTexts texts) {
        this(drawer, background, staff, zone, currency, texts, who -> { });
    }

    /** As above; {@code pulse} opens the cash drawer for a no-sale once it is recorded (on the worker thread). */
    public DrawerModel(Drawer drawer, Background background, Supplier<StaffMember> staff, ZoneId zone, String currency,
                       MoneyTexts texts, Consumer<StaffMember> pulse) {
        this.pulse = pulse;
        this.drawer = drawer;
        this.background = background;
        this.staff = staff;
        this.zone = zone;
        this.currency = currency;
        this.texts = texts;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** How a message reads: done, done but worth a look (a drawer over or short), or refused. */
    public enum Tone { OK, WARNING, ERROR }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** After a close: what was counted, what the drawer should have held and the difference. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public void refresh() {
        background.run(drawer::current, this::show, this::failed);
    }

    private void show(Optional<Drawer.Current> shift) {
        open.set(shift.isPresent());
        status.set(shift.map(s -> texts.shiftOpen(Formats.now().time(s.openedAt(), zone),
                Money.format(s.openingFloat(), currency))).orElse(texts.noShift()));
    }

    public void openShift(String floatText) {
        Optional<BigDecimal> amount = amount(floatText, true);
        if (amount.isEmpty()) {
            return;
        }
        run(() -> drawer.open(amount.get(), staff.get()), texts.opened(Money.format(amount.get(), currency)));
    }

    public void payIn(String amountText, String reason) {
        move(amountText, reason, true);
    }

    public void payOut(String amountText, String reason) {
        move(amountText, reason, false);
    }

    private void move(String amountText, String reason, boolean in) {
        Optional<BigDecimal> amount = amount(amountText, false);
        if (amount.isEmpty()) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            error(texts.reasonRequired());
            return;
        }
        String done = in ? texts.paidIn(Money.format(amount.get(), currency))
                : texts.paidOut(Money.format(amount.get(), currency));
        run(() -> {
            if (in) {
                drawer.payIn(amount.get(), reason, staff.get());
            } else {
                drawer.payOut(amount.get(), reason, staff.get());
            }
            return null;
        }, done);
    }

    /** A no-sale open; {@code approvalId} when the store asks for a manager (null otherwise). */
    public void noSale(String reason, String approvalId) {
        StaffMember who = staff.get();
        run(() -> {
            drawer.noSale(reason, approvalId, who);
            pulse.accept(who);
            return null;
        }, texts.drawerOpened());
    }

    /**
     * Closes the shift with the blind count: {@code counts} by face value (blank: none), or {@code totalText} when
     * no note or coin was counted one by one. Only then does it show what the drawer should have held.
     */
    public void close(Map<String, String> counts, String totalText) {
        Map<String, Integer> denominations = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, String> c : counts.entrySet()) {
            String text = c.getValue() == null ? "" : c.getValue().strip();
            if (text.isEmpty()) {
                continue;
            }
            int n;
            try {
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                error(texts.notACount(text));
                return;
            }
            if (n < 0) {
                error(texts.notACount(text));
                return;
            }
            denominations.put(c.getKey(), n);
            total = total.add(new BigDecimal(c.getKey()).multiply(BigDecimal.valueOf(n)));
        }
        BigDecimal counted;
        if (denominations.isEmpty()) {
            Optional<BigDecimal> typed = amount(totalText, true);
            if (typed.isEmpty()) {
                return;
            }
            counted = typed.get();
        } else {
            counted = total;
        }
        background.run(() -> drawer.close(counted, denominations, staff.get()), closed -> {
            refresh();
            if (closed.queued()) {
                result.set(texts.closedResult(Money.format(closed.counted(), currency), "…"));
                ok(texts.queued());
                return;
            }
            result.set(texts.closedResult(Money.format(closed.counted(), currency),
                    Money.format(closed.expected(), currency)));
            int sign = closed.overShort().signum();
            String difference = Money.format(closed.overShort().abs(), currency);
            if (sign == 0) {
                ok(texts.even());
            } else if (sign > 0) {
                warn(texts.over(difference));
            } else {
                warn(texts.shortBy(difference));
            }
        }, this::failed);
    }

    private <T> void run(java.util.concurrent.Callable<T> work, String done) {
        background.run(work, r -> {
            refresh();
            ok(done);
        }, this::failed);
    }

    private Optional<BigDecimal> amount(String text, boolean zeroAllowed) {
        Optional<BigDecimal> amount = Money.parse(text);
        if (amount.isEmpty() || amount.get().signum() < 0 || (!zeroAllowed && amount.get().signum() == 0)) {
            error(texts.notAnAmount(text == null ? "" : text));
            return Optional.empty();
        }
        return amount;
    }

    private void failed(Throwable t) {
        error(t instanceof Drawer.NeedsServer ? texts.needsServer() : t.getMessage());
    }

    private void ok(String text) {
        say(Tone.OK, text);
    }

    private void warn(String text) {
        say(Tone.WARNING, text);
    }

    private void error(String text) {
        say(Tone.ERROR, text);
    }

    private void say(Tone how, String text) {
        tone.set(how);
        messageIsError.set(how == Tone.ERROR);
        message.set(text);
    }
}
