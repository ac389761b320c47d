package io.brigade.desktop.till;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.local.EventRecorder;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import io.brigade.protocol.analytics.AnalyticsEventType;
import io.brigade.protocol.availability.ChannelSnoozes;
import io.brigade.protocol.availability.Snooze;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.ChargeType;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The till's logic, without a screen: the priced menu, the ticket, discounts, charges and payments, and
 * completing the sale into the outbox. The controller only binds to it and forwards taps.
 */
public final class TillViewModel {
    private static final BigDecimal SERVICE_RATE = new BigDecimal("0.10");
    private final CheckoutService checkout;
    private final EventRecorder events;
    private final Background background;
    private final Clock clock;
    private final ZoneId zone;

    private final ObjectProperty<TillMenu> menu = new SimpleObjectProperty<>();
    private final ObjectProperty<DispatchType> dispatch = new SimpleObjectProperty<>(DispatchType.DineIn);
    private final StringProperty table = new SimpleStringProperty("");
    private final IntegerProperty guests = new SimpleIntegerProperty(2);
    private final ObservableList<TicketLine> lines = FXCollections.observableArrayList();
    private final ObservableList<SaleDiscount> discounts = FXCollections.observableArrayList();
    private final BooleanProperty serviceCharge = new SimpleBooleanProperty(false);
    private final ObjectProperty<BigDecimal> tip = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObservableList<Tender> tenders = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty pendingQuantity = new SimpleIntegerProperty(0);
    private final ObjectProperty<Receipt> lastReceipt = new SimpleObjectProperty<>();
    private final ObjectProperty<StaffMember> staff = new SimpleObjectProperty<>();
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final ObjectBinding<BigDecimal> subtotal;
    private final ObjectBinding<BigDecimal> total;
    private final ObjectBinding<BigDecimal> balance;
    private MenuRevision revision;
    private MenuRevision waitingRevision;
    // Issue 4: what is snoozed on this channel, as last read from the server; expiries run on the till's clock.
    private ChannelSnoozes snoozes = ChannelSnoozes.NONE;
    private final ObjectProperty<Set<String>> snoozedItems = new SimpleObjectProperty<>(Set.of());
    private final StringProperty channelBanner = new SimpleStringProperty("");
    private Snoozer snoozer = (id, snooze, until) -> {
        throw new java.io.IOException("snoozing is not available on this till");
    };

    /** How the till snoozes an item on its channel: through the back office, as the signed-in manager. */
    @FunctionalInterface
    public interface Snoozer {
        /** Snoozes ({@code snooze} true, until {@code until}) or lifts a snooze; answers the channel's snoozes. */
        ChannelSnoozes snooze(String menuItemId, boolean snooze, java.time.Instant until) throws Exception;
    }

    public TillViewModel(CheckoutService checkout, EventRecorder events, Background background, Clock clock,
                         ZoneId zone) {
        this.checkout = checkout;
        this.events = events;
        this.background = background;
        this.clock = clock;
        this.zone = zone;
        subtotal = Bindings.createObjectBinding(() -> lines.stream().map(TicketLine::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add), lines);
        total = Bindings.createObjectBinding(() -> order().total(), lines, discounts, serviceCharge, tip);
        balance = Bindings.createObjectBinding(() -> total.get().subtract(paid()), total, tenders);
    }

    // ---- menu ----

    /** A new revision from the cache; it applies at once if the ticket is empty, else after this sale. */
    public void menuArrived(MenuRevision newRevision) {
        if (revision == null || lines.isEmpty()) {
            apply(newRevision);
        } else {
            waitingRevision = newRevision;
        }
    }

    private void apply(MenuRevision r) {
        revision = r;
        waitingRevision = null;
        events.menu(r.menuId(), r.revisionId());
        menu.set(TillMenu.of(r, dispatch.get(), clock.instant().atZone(zone)));
    }

    // ---- snoozes (issue 4) ----

    /** The channel's snoozes as the sync worker last read them; the buttons grey out at once. */
    public void snoozesArrived(ChannelSnoozes state) {
        snoozes = state == null ? ChannelSnoozes.NONE : state;
        tick();
    }

    /** Re-checks the snoozes against the clock, so a timed snooze ends on time even offline. */
    public void tick() {
        java.time.Instant now = clock.instant();
        Set<String> items = Set.copyOf(snoozes.itemsAt(now));
        if (!items.equals(snoozedItems.get())) {
            snoozedItems.set(items);
        }
        String banner = snoozes.channel(now).map(s -> "This sales channel is snoozed" + until(s.expiry())
                + ": new sales are paused.").orElse("");
        if (!banner.equals(channelBanner.get())) {
            channelBanner.set(banner);
        }
    }

    private final BooleanProperty snoozeMode = new SimpleBooleanProperty(false);

    /** True while a manager's next item tap snoozes that item instead of selling it. */
    public BooleanProperty snoozeModeProperty() {
        return snoozeMode;
    }

    public void snoozer(Snoozer s) {
        this.snoozer = s;
    }

    /**
     * A manager at the till takes an item off sale until the end of today's business day (the kitchen ran
     * out), or puts a snoozed item back on sale. Cashiers are told to ask a manager.
     */
    public void toggleSnooze(PricedItem item) {
        snoozeMode.set(false);
        StaffMember who = staff.get();
        if (who == null || who.role() != Role.MANAGER) {
            message.set("Ask a manager to snooze " + item.caption());
            return;
        }
        boolean snooze = !isSnoozed(item.id());
        java.time.Instant until = snooze
                ? clock.instant().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant() : null;
        background.run(() -> snoozer.snooze(item.id(), snooze, until), state -> {
            snoozesArrived(state);
            message.set(snooze ? item.caption() + " is snoozed until closing" : item.caption() + " is on sale again");
        }, failure -> message.set("Could not " + (snooze ? "snooze " : "unsnooze ") + item.caption() + ": "
                + failure.getMessage()));
    }

    public boolean isSnoozed(String menuItemId) {
        return snoozedItems.get().contains(menuItemId);
    }

    /** Why an item cannot be sold now because of a snooze, if it cannot. */
    private Optional<String> snoozeRefusal(String menuItemId, String caption) {
        java.time.Instant now = clock.instant();
        Optional<Snooze> channel = snoozes.channel(now);
        if (channel.isPresent()) {
            return Optional.of("The channel is snoozed" + untilTime(channel.get().expiry()) + ": " + caption
                    + " cannot be sold");
        }
        return snoozes.item(menuItemId, now).map(s -> caption + " is snoozed" + untilTime(s.expiry())
                + " and cannot be sold");
    }

    /** Short enough for the till's message line: " until 17:30", or nothing for an open-ended snooze. */
    private String untilTime(java.time.Instant expiry) {
        return expiry == null ? "" : " until " + java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(expiry.atZone(zone));
    }

    private String until(java.time.Instant expiry) {
        return expiry == null ? " until it is unsnoozed" : " until " + java.time.format.DateTimeFormatter
                .ofPattern("HH:mm").format(expiry.atZone(zone));
    }

    /** Dine-in or takeaway; prices follow the dispatch type's pricing, so the ticket is repriced. */
    public void setDispatch(DispatchType type) {
        dispatch.set(type);
        if (revision == null) {
            return;
        }
        TillMenu priced = TillMenu.of(revision, type, clock.instant().atZone(zone));
        menu.set(priced);
        lines.replaceAll(l -> priced.item(l.item().id())
                .map(p -> new TicketLine(l.lineId(), p, l.quantity(), l.modifiers().stream()
                        .map(m -> new TicketLine.Modifier(m.menuItemId(), m.caption(),
                                modifierPrice(p, m.menuItemId(), type).orElse(m.price()), m.addOn())).toList(),
                        l.notes()))
                .orElse(l));
    }

    private static Optional<BigDecimal> modifierPrice(PricedItem item, String optionId, DispatchType type) {
        return item.groups().stream().flatMap(g -> g.items().stream()).filter(o -> o.id().equals(optionId))
                .findFirst().map(o -> TillMenu.price(o, type));
    }

    // ---- ticket ----

    /** A digit typed before tapping an item sets that item's quantity ("3", then Cola: three colas). */
    public void typeDigit(int digit) {
        int q = pendingQuantity.get() * 10 + digit;
        pendingQuantity.set(q > 99 ? digit : q);
    }

    /**
     * The cashier tapped an item. Items without modifiers go straight onto the ticket; for the others the
     * returned choice is what the modifier dialog edits.
     */
    public Optional<ModifierChoice> open(PricedItem item) {
        if (!item.available()) {
            message.set(item.caption() + " is not available right now");
            return Optional.empty();
        }
        Optional<String> snoozed = snoozeRefusal(item.id(), item.caption());
        if (snoozed.isPresent()) {
            message.set(snoozed.get());
            return Optional.empty();
        }
        events.record(AnalyticsEventType.MEAL_VIEWED, item.id(), null, null, null, staffId());
        if (item.hasModifiers()) {
            return Optional.of(new ModifierChoice(item));
        }
        addLine(item, List.of());
        return Optional.empty();
    }

    /** Adds the dialog's choice to the ticket, unless a group is outside its min/max: then says why. */
    public boolean add(ModifierChoice choice) {
        Optional<String> problem = choice.problem();
        if (problem.isPresent()) {
            message.set(problem.get());
            return false;
        }
        PricedItem item = choice.item();
        for (ModifierChoice.Chosen c : choice.chosen()) {
            Optional<String> snoozed = snoozeRefusal(c.option().id(), c.option().caption());
            if (snoozed.isPresent()) {
                message.set(snoozed.get());
                return false;
            }
        }
        List<TicketLine.Modifier> mods = new ArrayList<>();
        for (ModifierChoice.Chosen c : choice.chosen()) {
            BigDecimal price = TillMenu.price(c.option(), dispatch.get());
            mods.add(new TicketLine.Modifier(c.option().id(), c.option().caption(), price, c.isAddOn()));
            events.record(c.isAddOn() ? AnalyticsEventType.ADDON_SELECTED : AnalyticsEventType.OPTION_SELECTED,
                    item.id(), c.option().id(), 1, price, staffId());
        }
        if (!mods.isEmpty()) {
            events.record(AnalyticsEventType.MEAL_CUSTOMIZED, item.id(), null, null, null, staffId());
        }
        addLine(item, mods);
        return true;
    }

    private void addLine(PricedItem item, List<TicketLine.Modifier> mods) {
        int q = Math.max(1, pendingQuantity.get());
        pendingQuantity.set(0);
        TicketLine line = new TicketLine(UUID.randomUUID(), item, q, List.copyOf(mods), null);
        lines.add(line);
        message.set("");
        events.record(AnalyticsEventType.MEAL_ADDED_TO_CART, item.id(), null, q, line.total(), staffId());
    }

    public void changeQuantity(TicketLine line, int delta) {
        int q = line.quantity() + delta;
        if (q <= 0) {
            remove(line);
        } else {
            replace(line, line.withQuantity(Math.min(q, 999)));
        }
    }

    public void setNotes(TicketLine line, String notes) {
        replace(line, line.withNotes(notes));
    }

    public void remove(TicketLine line) {
        if (!tenders.isEmpty()) {
            message.set("Payments were taken: clear them before changing the ticket");
            return;
        }
        lines.removeIf(l -> l.lineId().equals(line.lineId()));
    }

    private void replace(TicketLine old, TicketLine updated) {
        if (!tenders.isEmpty()) {
            message.set("Payments were taken: clear them before changing the ticket");
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineId().equals(old.lineId())) {
                lines.set(i, updated);
                return;
            }
        }
    }

    // ---- discounts and charges ----

    /** A discount the cashier gives on the spot, for an amount. */
    public boolean spotDiscount(String amountText) {
        return discount(DiscountType.Spot, amountText, null);
    }

    public boolean voucher(String code, String amountText) {
        if (code == null || code.isBlank()) {
            message.set("A voucher needs its code");
            return false;
        }
        return discount(DiscountType.Voucher, amountText, code.strip());
    }

    private boolean discount(DiscountType type, String amountText, String code) {
        Optional<BigDecimal> amount = Money.parse(amountText);
        if (amount.isEmpty() || amount.get().signum() == 0) {
            message.set("Not an amount: '" + amountText + "'");
            return false;
        }
        BigDecimal before = total.get();
        if (amount.get().compareTo(before) > 0) {
            message.set("The discount is more than the total (" + Money.format(before, currency()) + ")");
            return false;
        }
        discounts.add(new SaleDiscount(type, amount.get(), code));
        message.set("");
        return true;
    }

    public void clearDiscounts() {
        discounts.clear();
    }

    public BooleanProperty serviceChargeProperty() {
        return serviceCharge;
    }

    public boolean setTip(String amountText) {
        if (amountText == null || amountText.isBlank()) {
            tip.set(BigDecimal.ZERO);
            return true;
        }
        Optional<BigDecimal> amount = Money.parse(amountText);
        if (amount.isEmpty()) {
            message.set("Not an amount: '" + amountText + "'");
            return false;
        }
        tip.set(amount.get());
        return true;
    }

    // ---- payment ----

    /**
     * Takes cash. Empty text means the exact balance; more than the balance gives change. When the balance
     * reaches zero the sale is completed.
     */
    public boolean payCash(String tenderedText) {
        if (!canPay()) {
            return false;
        }
        BigDecimal due = balance.get();
        Optional<BigDecimal> tendered = tenderedText == null || tenderedText.isBlank() ? Optional.of(due)
                : Money.parse(tenderedText);
        if (tendered.isEmpty() || tendered.get().signum() == 0) {
            message.set("Not an amount: '" + tenderedText + "'");
            return false;
        }
        BigDecimal applied = tendered.get().min(due);
        tenders.add(new Tender(PaymentMethod.Cash, applied, tendered.get()));
        afterPayment();
        return true;
    }

    /** Charges a card, for the balance or for part of it when splitting. */
    public boolean payCard(String amountText) {
        if (!canPay()) {
            return false;
        }
        BigDecimal due = balance.get();
        Optional<BigDecimal> amount = amountText == null || amountText.isBlank() ? Optional.of(due)
                : Money.parse(amountText);
        if (amount.isEmpty() || amount.get().signum() == 0) {
            message.set("Not an amount: '" + amountText + "'");
            return false;
        }
        if (amount.get().compareTo(due) > 0) {
            message.set("A card cannot be charged more than the balance (" + Money.format(due, currency()) + ")");
            return false;
        }
        tenders.add(new Tender(PaymentMethod.Credit, amount.get(), amount.get()));
        afterPayment();
        return true;
    }

    public void clearPayments() {
        tenders.clear();
    }

    private boolean canPay() {
        if (lines.isEmpty()) {
            message.set("The ticket is empty");
            return false;
        }
        if (saving.get()) {
            return false;
        }
        if (dispatch.get() == DispatchType.DineIn && table.get().isBlank()) {
            message.set("Which table? Enter a table number for dine-in");
            return false;
        }
        return true;
    }

    private void afterPayment() {
        message.set("");
        if (balance.get().signum() == 0) {
            complete();
        }
    }

    /** Saves the paid sale to the outbox (off the FX thread); on failure the ticket stays for another try. */
    public void complete() {
        if (balance.get().signum() != 0 || lines.isEmpty() || saving.get()) {
            return;
        }
        Order order = order();
        StaffMember who = staff.get();
        saving.set(true);
        background.run(() -> checkout.complete(order, who), receipt -> {
            saving.set(false);
            lastReceipt.set(receipt);
            clearTicket();
        }, failure -> {
            saving.set(false);
            message.set("The sale was NOT saved: " + failure.getMessage() + ". Press Complete to try again.");
        });
    }

    /** Starts a fresh ticket and applies a menu revision that arrived meanwhile. */
    public void clearTicket() {
        lines.clear();
        discounts.clear();
        tenders.clear();
        serviceCharge.set(false);
        tip.set(BigDecimal.ZERO);
        table.set("");
        pendingQuantity.set(0);
        if (waitingRevision != null) {
            apply(waitingRevision);
        }
    }

    /** The ticket as it would be sold now. */
    public Order order() {
        BigDecimal sub = lines.stream().map(TicketLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discounted = discounts.stream().map(SaleDiscount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<SaleCharge> charges = new ArrayList<>();
        if (serviceCharge.get()) {
            charges.add(new SaleCharge(ChargeType.Service, Money.cents(sub.subtract(discounted).max(BigDecimal.ZERO)
                    .multiply(SERVICE_RATE)), null));
        }
        if (tip.get().signum() > 0) {
            charges.add(new SaleCharge(ChargeType.Tip, tip.get(), null));
        }
        TillMenu m = menu.get();
        return new Order(dispatch.get(), table.get().isBlank() ? null : table.get().strip(),
                dispatch.get() == DispatchType.DineIn ? guests.get() : null, List.copyOf(lines),
                List.copyOf(discounts), charges, List.copyOf(tenders), m == null ? null : m.menuId(),
                m == null ? 0 : m.revisionId(), currency());
    }

    private BigDecimal paid() {
        return tenders.stream().map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal changeDue() {
        return tenders.stream().map(Tender::change).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String currency() {
        return menu.get() == null ? "EUR" : menu.get().currency();
    }

    private String staffId() {
        return staff.get() == null ? null : staff.get().staffId();
    }

    public String format(BigDecimal amount) {
        return Money.format(amount, currency());
    }

    // ---- properties for binding ----

    public ObjectProperty<TillMenu> menuProperty() {
        return menu;
    }

    public ObjectProperty<DispatchType> dispatchProperty() {
        return dispatch;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public IntegerProperty guestsProperty() {
        return guests;
    }

    public ObservableList<TicketLine> lines() {
        return lines;
    }

    public ObservableList<SaleDiscount> discounts() {
        return discounts;
    }

    public ObservableList<Tender> tenders() {
        return tenders;
    }

    public ObjectBinding<BigDecimal> subtotalBinding() {
        return subtotal;
    }

    public ObjectBinding<BigDecimal> totalBinding() {
        return total;
    }

    public ObjectBinding<BigDecimal> balanceBinding() {
        return balance;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public IntegerProperty pendingQuantityProperty() {
        return pendingQuantity;
    }

    public ObjectProperty<Receipt> lastReceiptProperty() {
        return lastReceipt;
    }

    public ObjectProperty<StaffMember> staffProperty() {
        return staff;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    /** The ids of the items snoozed now: the controller greys their buttons. */
    public ObjectProperty<Set<String>> snoozedItemsProperty() {
        return snoozedItems;
    }

    /** Empty, or the banner shown while the whole channel is snoozed. */
    public StringProperty channelBannerProperty() {
        return channelBanner;
    }

    public ObjectProperty<BigDecimal> tipProperty() {
        return tip;
    }
}
