package io.brigade.desktop.money;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.StaffMember;
import io.brigade.protocol.Json;
import io.brigade.protocol.money.MoneySettings;
import io.brigade.protocol.money.Voucher;
import io.brigade.protocol.sales.Sale;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * What the till asks of money control, in one place: the drawer dialog, a manager for a discount above the store's
 * limit, a voucher checked against the store's list, and a refund of lines of a recent sale. The store's rules are
 * read from the store server; until it has answered, everything that can need a manager does.
 */
public final class TillMoney {
    /** Until the store server has said: every approval required, 20 % or 10.00 off at most without one. */
    static final MoneySettings UNTIL_TOLD = new MoneySettings(new BigDecimal("20"), new BigDecimal("10.00"), true,
            true, true, true);
    private final Drawer drawer;
    private final Background background;
    private final MoneyTexts texts = Texts.of(MoneyTexts.class);
    private volatile MoneySettings rules;

    private final Consumer<StaffMember> pulse;

    /** {@code pulse} opens the cash drawer (the receipt printer's kick) for a no-sale once it is recorded. */
    public TillMoney(Drawer drawer, Background background, Consumer<StaffMember> pulse) {
        this.drawer = drawer;
        this.background = background;
        this.pulse = pulse;
    }

    /** Reads the store's rules again (in the background); the last ones known stay until the answer. */
    public void refreshRules() {
        background.run(drawer::rules, r -> rules = r, failure -> { });
    }

    MoneySettings rules() {
        MoneySettings r = rules;
        return r != null ? r : UNTIL_TOLD;
    }

    /** The drawer dialog for whoever is signed in. */
    public void openDrawer(Window owner, Supplier<StaffMember> staff, ZoneId zone, String currency) {
        refreshRules();
        DrawerModel model = new DrawerModel(drawer, background, staff, zone, currency, texts, pulse);
        DrawerDialog.show(owner, model, texts, () -> !Boolean.FALSE.equals(rules().noSaleNeedsManager()) ? ApprovalDialog.ask(owner, drawer,
                background, texts, "NO_SALE", null, null, texts.noSale(), null, staff.get()) : Optional.of(""));
    }

    /** Whether {@code off} taken off {@code items} is above what the store lets a cashier give alone. */
    public boolean discountNeedsManager(BigDecimal off, BigDecimal items) {
        return needsManager(rules(), off, items);
    }

    static boolean needsManager(MoneySettings r, BigDecimal off, BigDecimal items) {
        if (off == null || off.signum() <= 0) {
            return false;
        }
        return (r.discountAmountLimit() != null && off.compareTo(r.discountAmountLimit()) > 0)
                || (r.discountPercentLimit() != null && off.multiply(BigDecimal.valueOf(100))
                .compareTo(r.discountPercentLimit().multiply(items)) > 0);
    }

    /** Whether the store asks a manager to void a line the kitchen already has. */
    public boolean voidNeedsManager() {
        return !Boolean.FALSE.equals(rules().voidsNeedManager());
    }

    /**
     * A manager's approval of a void of a sent line taking {@code amount} off the bill ({@code shown} says which
     * line), for {@code reason}; empty when not given.
     */
    public Optional<String> approveVoid(Window owner, BigDecimal amount, String subject, String shown, String reason,
                                        StaffMember asking) {
        return ApprovalDialog.ask(owner, drawer, background, texts, "VOID", amount, subject, shown, reason, asking);
    }

    /** A manager's approval of a discount of {@code off} (shown as {@code shown}); empty when not given. */
    public Optional<String> approveDiscount(Window owner, BigDecimal off, String shown, StaffMember asking) {
        return ApprovalDialog.ask(owner, drawer, background, texts, "DISCOUNT", off, null, shown, null, asking);
    }

    /**
     * Looks {@code code} up on the store's list: {@code valid} gets the voucher this till may take today,
     * {@code refused} the words to show why not.
     */
    public void checkVoucher(String code, Consumer<Voucher> valid, Consumer<String> refused) {
        background.run(() -> drawer.voucher(code), valid, failure -> refused.accept(words(failure)));
    }

    /** The words for a voucher typed above what it is worth. */
    public String voucherWorthAtMost(Voucher voucher, String currency) {
        return texts.voucherWorthAtMost(voucher.code(), Money.format(voucher.amount(), currency));
    }

    /**
     * Refunds lines of {@code sale}, a sale rung on this till; {@code refused} gets the words when it cannot be
     * refunded from here (not yet on the store server).
     */
    public void refund(Window owner, OutboxEntry sale, StaffMember staff, String currency,
                       Function<String, String> itemName, Consumer<String> refused) {
        if (sale.serverSaleId() == null) {
            refused.accept(texts.needsServer());
            return;
        }
        Sale rung;
        try {
            rung = Json.mapper().readValue(sale.payload(), Sale.class);
        } catch (IOException e) {
            refused.accept(e.getMessage());
            return;
        }
        RefundDialog.show(owner, drawer, background, texts, rung, sale.displayId(), sale.serverSaleId(), staff,
                currency, itemName);
    }

    /** The store's checks closed today, one to reopen (with a manager's approval where the store asks). */
    public void reopenCheck(Window owner, StaffMember staff, ZoneId zone, String currency) {
        refreshRules();
        ReopenDialog.show(owner, drawer, background, texts, staff, zone, currency,
                () -> !Boolean.FALSE.equals(rules().reopenNeedsManager()));
    }

    private String words(Throwable failure) {
        return failure instanceof Drawer.NeedsServer ? texts.needsServer() : failure.getMessage();
    }
}
