package io.brigade.desktop.till;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Formats;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.EventRecorder;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.tables.CheckBook;
import io.brigade.protocol.checks.Check;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.analytics.AnalyticsEventType;
import io.brigade.protocol.availability.ChannelSnoozes;
import io.brigade.protocol.availability.Snooze;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The till's screen state, without a screen: the priced menu, the {@link Ticket} as observable lists and
 * read-only figures, snoozes, and commands for each tap (which change the ticket, then show it again) up to
 * completing the sale into the outbox. The controller only binds to it and forwards taps; the fields the cashier
 * types into (table, guests, service charge, dispatch type) are its input properties.
 */
public final class TillViewModel {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);
    private final CheckoutService checkout;
    private final EventRecorder events;
    private final Background background;
    private final Clock clock;
    private final ZoneId zone;

    private final Ticket ticket = new Ticket();
    private final ReadOnlyObjectWrapper<TillMenu> menu = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<DispatchType> dispatch = new SimpleObjectProperty<>(DispatchType.DineIn);
    private final StringProperty table = new SimpleStringProperty("");
    private final IntegerProperty guests = new SimpleIntegerProperty(2);
    private final ObservableList<TicketLine> lines = FXCollections.observableArrayList();
    private final ObservableList<SaleDiscount> discounts = FXCollections.observableArrayList();
    private final BooleanProperty serviceCharge = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<BigDecimal> tip = new ReadOnlyObjectWrapper<>(BigDecimal.ZERO);
    private final ObservableList<Tender> tenders = FXCollections.observableArrayList();
    // One read-only view of each list, kept: a view made per call listens to its list weakly, so a listener added
    // to it stops hearing once the view is collected.
    private final ObservableList<TicketLine> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<SaleDiscount> discountsView = FXCollections.unmodifiableObservableList(discounts);
    private final ObservableList<Tender> tendersView = FXCollections.unmodifiableObservableList(tenders);
    private final StringProperty message = new SimpleStringProperty("");
    // Whether the message says something went as asked (shown calm) rather than why something was refused (red).
    private final ReadOnlyBooleanWrapper messageGood = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty pendingQuantity = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Receipt> lastReceipt = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<StaffMember> staff = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<BigDecimal> subtotal = new ReadOnlyObjectWrapper<>(BigDecimal.ZERO);
    private final ReadOnlyObjectWrapper<BigDecimal> total = new ReadOnlyObjectWrapper<>(BigDecimal.ZERO);
    private final ReadOnlyObjectWrapper<BigDecimal> balance = new ReadOnlyObjectWrapper<>(BigDecimal.ZERO);
    private final ReadOnlyObjectWrapper<BigDecimal> discountTotal = new ReadOnlyObjectWrapper<>(BigDecimal.ZERO);
    private final ReadOnlyObjectWrapper<BigDecimal> chargeTotal = new ReadOnlyObjectWrapper<>(BigDecimal.ZERO);
    private MenuRevision revision;
    private MenuRevision waitingRevision;
    // Table service: the check the ticket pane shows (null: a plain sale), its lines, and the seat new lines get.
    private CheckBook checks;
    private final ReadOnlyObjectWrapper<Check> check = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Check.Line> checkLines = FXCollections.observableArrayList();
    private final IntegerProperty seat = new SimpleIntegerProperty(0);
    private final java.util.Map<java.util.UUID, Integer> seats = new java.util.HashMap<>();
    // What is snoozed on this channel, as last read from the server; expiries run on the till's clock.
    private ChannelSnoozes snoozes = ChannelSnoozes.NONE;
    private final ObjectProperty<Set<String>> snoozedItems = new SimpleObjectProperty<>(Set.of());
    private final StringProperty channelBanner = new SimpleStringProperty("");
    private Snoozer snoozer = (id, snooze, until) -> {
        throw new java.io.IOException(TEXTS.snoozingUnavailable());
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
        // Any message set without tell() is a refusal or a problem.
        message.addListener((o, a, b) -> messageGood.set(false));
        // What the cashier types goes into the ticket at once.
        table.addListener((o, a, b) -> ticket.table(b));
        guests.addListener((o, a, b) -> ticket.guests(b.intValue()));
        serviceCharge.addListener((o, a, b) -> {
            ticket.serviceCharge(b);
            show();
        });
    }

    // ---- menu ----

    /** A new revision from the cache; it applies at once if the ticket is empty, else after this sale. */
    public void menuArrived(MenuRevision newRevision) {
        if (revision == null || ticket.isEmpty()) {
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
        ticket.currency(menu.get().currency());
    }

    // ---- snoozes ----

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
        String banner = snoozes.channel(now).map(s -> s.expiry() == null ? TEXTS.channelSnoozedBanner()
                : TEXTS.channelSnoozedBannerUntil(time(s.expiry()))).orElse("");
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
            message.set(TEXTS.askManagerToSnooze(item.caption()));
            return;
        }
        boolean snooze = !isSnoozed(item.id());
        java.time.Instant until = snooze
                ? clock.instant().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant() : null;
        background.run(() -> snoozer.snooze(item.id(), snooze, until), state -> {
            snoozesArrived(state);
            tell(snooze ? TEXTS.snoozedUntilClosing(item.caption()) : TEXTS.onSaleAgain(item.caption()));
        }, failure -> message.set(snooze ? TEXTS.couldNotSnooze(item.caption(), failure.getMessage())
                : TEXTS.couldNotUnsnooze(item.caption(), failure.getMessage())));
    }

    public boolean isSnoozed(String menuItemId) {
        return snoozedItems.get().contains(menuItemId);
    }

    /** Why an item cannot be sold now because of a snooze, if it cannot. */
    private Optional<String> snoozeRefusal(String menuItemId, String caption) {
        java.time.Instant now = clock.instant();
        Optional<Snooze> channel = snoozes.channel(now);
        if (channel.isPresent()) {
            java.time.Instant expiry = channel.get().expiry();
            return Optional.of(expiry == null ? TEXTS.channelSnoozedItem(caption)
                    : TEXTS.channelSnoozedItemUntil(caption, time(expiry)));
        }
        return snoozes.item(menuItemId, now).map(s -> s.expiry() == null ? TEXTS.itemSnoozed(caption)
                : TEXTS.itemSnoozedUntil(caption, time(s.expiry())));
    }

    /** Short enough for the till's message line: 17:30 (or 5:30 PM). */
    private String time(java.time.Instant at) {
        return Formats.now().time(at, zone);
    }

    /** Dine-in or takeaway; prices follow the dispatch type's pricing, so the ticket is repriced. */
    public void setDispatch(DispatchType type) {
        dispatch.set(type);
        if (revision == null) {
            ticket.dispatch(type, null);
            return;
        }
        TillMenu priced = TillMenu.of(revision, type, clock.instant().atZone(zone));
        menu.set(priced);
        ticket.dispatch(type, priced);
        show();
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
            message.set(TEXTS.notAvailableNow(item.caption()));
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
        TicketLine line = ticket.add(item, mods, q);
        if (check.get() != null && seat.get() > 0) {
            seats.putIfAbsent(line.lineId(), seat.get());
        }
        show();
        message.set("");
        events.record(AnalyticsEventType.MEAL_ADDED_TO_CART, item.id(), null, q, line.total(), staffId());
    }

    public void changeQuantity(TicketLine line, int delta) {
        changed(ticket.changeQuantity(line.lineId(), delta));
    }

    public void setNotes(TicketLine line, String notes) {
        changed(ticket.notes(line.lineId(), notes));
    }

    public void remove(TicketLine line) {
        changed(ticket.remove(line.lineId()));
    }

    /** Shows the ticket after a change, or why it was refused. */
    private boolean changed(Optional<String> refusal) {
        refusal.ifPresent(message::set);
        show();
        return refusal.isEmpty();
    }

    // ---- discounts and charges ----

    /** A discount the cashier gives on the spot, for an amount. */
    public boolean spotDiscount(String amountText) {
        return discount(DiscountType.Spot, amountText, null);
    }

    public boolean voucher(String code, String amountText) {
        if (code == null || code.isBlank()) {
            message.set(TEXTS.voucherNeedsCode());
            return false;
        }
        return discount(DiscountType.Voucher, amountText, code.strip());
    }

    private boolean discount(DiscountType type, String amountText, String code) {
        Optional<BigDecimal> amount = Money.parse(amountText);
        if (amount.isEmpty() || amount.get().signum() == 0) {
            message.set(TEXTS.notAnAmount(amountText));
            return false;
        }
        if (!changed(ticket.discount(type, amount.get(), code))) {
            return false;
        }
        message.set("");
        return true;
    }

    public void clearDiscounts() {
        ticket.clearDiscounts();
        show();
    }

    public BooleanProperty serviceChargeProperty() {
        return serviceCharge;
    }

    public boolean setTip(String amountText) {
        if (amountText == null || amountText.isBlank()) {
            ticket.tip(BigDecimal.ZERO);
            show();
            return true;
        }
        Optional<BigDecimal> amount = Money.parse(amountText);
        if (amount.isEmpty()) {
            message.set(TEXTS.notAnAmount(amountText));
            return false;
        }
        ticket.tip(amount.get());
        show();
        return true;
    }

    // ---- payment ----

    /**
     * Takes cash. Empty text means the exact balance; more than the balance gives change. When the balance
     * reaches zero the sale is completed.
     */
    public boolean payCash(String tenderedText) {
        if (check.get() != null) {
            return payCheck(PaymentMethod.Cash, tenderedText);
        }
        if (!canPay()) {
            return false;
        }
        Optional<BigDecimal> tendered = tenderedText == null || tenderedText.isBlank() ? Optional.of(balance.get())
                : Money.parse(tenderedText);
        if (tendered.isEmpty() || tendered.get().signum() == 0) {
            message.set(TEXTS.notAnAmount(tenderedText));
            return false;
        }
        if (!changed(ticket.payCash(tendered.get()))) {
            return false;
        }
        afterPayment();
        return true;
    }

    /** Charges a card, for the balance or for part of it when splitting. */
    public boolean payCard(String amountText) {
        if (check.get() != null) {
            return payCheck(PaymentMethod.Credit, amountText);
        }
        if (!canPay()) {
            return false;
        }
        Optional<BigDecimal> amount = amountText == null || amountText.isBlank() ? Optional.of(balance.get())
                : Money.parse(amountText);
        if (amount.isEmpty() || amount.get().signum() == 0) {
            message.set(TEXTS.notAnAmount(amountText));
            return false;
        }
        if (!changed(ticket.payCard(amount.get()))) {
            return false;
        }
        afterPayment();
        return true;
    }

    public void clearPayments() {
        ticket.clearPayments();
        show();
    }

    private boolean canPay() {
        if (ticket.isEmpty()) {
            message.set(TEXTS.ticketEmpty());
            return false;
        }
        if (saving.get()) {
            return false;
        }
        return ticket.payable().map(refusal -> {
            message.set(refusal);
            return false;
        }).orElse(true);
    }

    private void afterPayment() {
        message.set("");
        if (ticket.isPaid()) {
            complete();
        }
    }

    /** Saves the paid sale to the outbox (off the FX thread); on failure the ticket stays for another try. */
    public void complete() {
        if (saving.get()) {
            return;
        }
        if (check.get() != null) {
            message.set(check.get().balance().signum() > 0 ? TEXTS.balanceStillDue(format(check.get().balance()))
                    : TEXTS.tableClosing());
            return;
        }
        if (ticket.isEmpty()) {
            message.set(TEXTS.ticketEmpty());
            return;
        }
        if (!ticket.isPaid()) {
            // Complete does nothing until the ticket is paid: say why, and what is left.
            message.set(TEXTS.balanceStillDue(format(ticket.balance())));
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
            message.set(TEXTS.saleNotSaved(failure.getMessage()));
        });
    }

    /** Starts a fresh ticket and applies a menu revision that arrived meanwhile. */
    public void clearTicket() {
        if (check.get() != null) {
            leaveCheck();
            return;
        }
        ticket.clear();
        serviceCharge.set(false);
        table.set("");
        pendingQuantity.set(0);
        show();
        if (waitingRevision != null) {
            apply(waitingRevision);
        }
    }

    /** The ticket as it would be sold now. */
    public Order order() {
        TillMenu m = menu.get();
        return ticket.order(m == null ? null : m.menuId(), m == null ? 0 : m.revisionId());
    }

    public BigDecimal changeDue() {
        return ticket.changeDue();
    }

    /** Shows the ticket as it now is: its lists change only where it did, so a selected line stays selected. */
    private void show() {
        update(lines, ticket.lines());
        update(discounts, ticket.discounts());
        update(tenders, ticket.tenders());
        tip.set(ticket.tip());
        subtotal.set(ticket.subtotal());
        total.set(ticket.total());
        balance.set(ticket.balance());
        discountTotal.set(ticket.discounts().stream().map(SaleDiscount::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        chargeTotal.set(ticket.charges().stream().map(SaleCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        Check c = check.get();
        if (c != null) {
            // What the table has ordered, and the new lines not sent yet; what is left to pay (of this part).
            subtotal.set(c.total().add(ticket.subtotal()));
            total.set(c.total().add(ticket.subtotal()));
            balance.set(due(c).add(ticket.subtotal()));
        }
    }

    // ---- table service ----

    /** Table service through {@code book}: tables, rounds sent to the kitchen, payments on the check. */
    public void tableService(CheckBook book) {
        this.checks = book;
        // A change the store refused later (another till closed the other check meanwhile) is said here, with the
        // store's reason; the row waits under Needs attention.
        book.onRefusal(r -> background.run(() -> r, refusal -> {
            message.set(refusal.what() == null ? TEXTS.storeRefusedChange(refusal.reason())
                    : TEXTS.storeRefused(refusal.what(), refusal.reason()));
            refreshCheck();
        }, failure -> { }));
    }

    public boolean hasTableService() {
        return checks != null;
    }

    /** The table's check the ticket pane shows, or null for a plain sale. */
    public ReadOnlyObjectProperty<Check> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** The lines the table has ordered (sent, held or not sent yet), as the store last said, with this till's. */
    public ObservableList<Check.Line> checkLines() {
        return checkLines;
    }

    /** The seat lines added now are for (0: none). */
    public IntegerProperty seatProperty() {
        return seat;
    }

    /**
     * Opens table {@code tableNo}: its open check, or a new one for the guests given. Lines on the ticket stay
     * there, to be sent to this table.
     */
    public void openTable(String tableNo) {
        if (checks == null) {
            return;
        }
        String t = tableNo == null ? "" : tableNo.strip();
        if (t.isEmpty()) {
            message.set(TEXTS.whichTable());
            return;
        }
        TillMenu m = menu.get();
        if (m == null) {
            message.set(TEXTS.waitingForMenu());
            return;
        }
        int covers = guests.get();
        background.run(() -> {
            Optional<Check> open = checks.openChecks().stream().filter(c -> t.equals(c.table())).findFirst();
            String id = open.map(Check::checkId).orElseGet(() -> checks.open(t, null, covers, DispatchType.DineIn,
                    m.menuId(), m.revisionId()));
            return new Object[] {checks.check(id).orElse(null), open.isEmpty()};
        }, found -> {
            if (dispatch.get() != DispatchType.DineIn) {
                setDispatch(DispatchType.DineIn);
            }
            table.set(t);
            if ((Boolean) found[1]) {
                tell(TEXTS.tableOpened(t));
            } else {
                message.set("");
            }
            display((Check) found[0]);
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
    }

    /** Shows check {@code checkId} (chosen on the floor). */
    public void takeCheck(String checkId) {
        if (checks != null) {
            background.run(() -> checks.check(checkId).orElse(null), c -> {
                if (c != null) {
                    dispatchOf(c);
                    table.set(c.table() == null ? "" : c.table());
                    display(c);
                }
            }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
        }
    }

    /** New lines of check {@code c} are priced as its dispatch type (a takeaway check's at takeaway prices). */
    private void dispatchOf(Check c) {
        DispatchType type = c.dispatchType() == null ? DispatchType.DineIn : c.dispatchType();
        if (type != dispatch.get()) {
            setDispatch(type);
        }
    }

    /** Reads the shown check again (the store's answers and other tills' changes arrive meanwhile). */
    public void refreshCheck() {
        Check c = check.get();
        if (c != null && checks != null) {
            showCheck(c.checkId());
        }
    }

    private void showCheck(String checkId) {
        // The till's copy of the check is read from its own database (its unconfirmed operations): off the FX thread.
        // Not found is not "gone": between the store's confirmation of an operation and its answer being kept,
        // or in a list of open checks asked for before the check existed, it can be missing for a moment. The
        // check leaves the screen when it is closed (display) or the person leaves it, not on a missed read.
        background.run(() -> checks.check(checkId).orElse(null), c -> {
            if (c != null) {
                display(c);
            }
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
    }

    private void display(Check c) {
        if (c != null && c.closed()) {
            boolean shown = check.get() != null && check.get().checkId().equals(c.checkId());
            if (shown) {
                leaveCheck();
                tell(c.table() != null ? TEXTS.tablePaid(c.table()) : TEXTS.checkPaid(label(c)));
            }
            return;
        }
        check.set(c);
        update(checkLines, c == null ? List.of() : c.lines());
        show();
    }

    /** Back to a plain ticket (the check stays open on the store server). */
    public void leaveCheck() {
        check.set(null);
        checkLines.clear();
        seats.clear();
        ticket.clear();
        table.set("");
        show();
    }

    /**
     * Send: the ticket's new lines go onto the table's check and to the kitchen as one round, or, with {@code
     * hold}, wait as the next course until it is fired.
     */
    public void sendToKitchen(boolean hold) {
        Check c = check.get();
        if (c == null && checks != null && dispatch.get() == DispatchType.TakeAway && !hold) {
            sendTakeaway();
            return;
        }
        if (c == null) {
            message.set(TEXTS.openTableFirst());
            return;
        }
        if (ticket.lines().isEmpty()) {
            message.set(TEXTS.nothingNewToSend());
            return;
        }
        int course = hold ? c.lines().stream().mapToInt(Check.Line::course).max().orElse(1) + 1 : 1;
        List<CheckBook.NewLine> lines = newLines(course);
        background.run(() -> {
            checks.add(c.checkId(), lines);
            checks.send(c.checkId(), lines.stream().map(CheckBook.NewLine::lineId).toList(), hold);
            return c.checkId();
        }, id -> {
            ticket.clear();
            seats.clear();
            tell(hold ? TEXTS.heldForLater(lines.size()) : TEXTS.sentToKitchen(lines.size()));
            showCheck(id);
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
    }

    /** The ticket's lines as new lines of a check, for {@code course}, with the seats they were added for. */
    private List<CheckBook.NewLine> newLines(int course) {
        List<CheckBook.NewLine> lines = new ArrayList<>();
        for (TicketLine l : ticket.lines()) {
            List<SaleItem> mods = l.modifiers().stream()
                    .map(m -> new SaleItem(m.menuItemId(), 1, m.price(), null, null)).toList();
            Integer s = seats.getOrDefault(l.lineId(), 0);
            lines.add(new CheckBook.NewLine(l.lineId().toString(), l.item().id(), l.item().caption(),
                    l.modifiers().stream().map(TicketLine.Modifier::caption).toList(), l.quantity(),
                    l.item().price(), mods, l.notes(), s == 0 ? null : s, course));
        }
        return lines;
    }

    /**
     * Send on a takeaway not paid yet: the order becomes a takeaway check under the number a sale of this till would
     * get (the number the kitchen calls), its lines go to the kitchen at once, and it stays on the till to be paid
     * (or among the open checks on the floor). Paying it later sends only lines added after this, and closes it into
     * one sale that makes no second ticket.
     */
    private void sendTakeaway() {
        if (ticket.lines().isEmpty()) {
            message.set(TEXTS.nothingNewToSend());
            return;
        }
        if (!ticket.tenders().isEmpty() || !ticket.discounts().isEmpty() || ticket.tip().signum() != 0
                || serviceCharge.get()) {
            message.set(TEXTS.takeawayPaidAtOnce());
            return;
        }
        TillMenu m = menu.get();
        if (m == null) {
            message.set(TEXTS.waitingForMenu());
            return;
        }
        List<CheckBook.NewLine> lines = newLines(1);
        background.run(() -> {
            String id = checks.open(null, checkout.nextDisplayId(), null, DispatchType.TakeAway, m.menuId(),
                    m.revisionId());
            checks.add(id, lines);
            checks.send(id, lines.stream().map(CheckBook.NewLine::lineId).toList(), false);
            return checks.check(id).orElse(null);
        }, sent -> {
            ticket.clear();
            seats.clear();
            display(sent);
            tell(TEXTS.takeawaySent(lines.size(), sent == null ? "" : sent.name()));
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
    }

    /** Whether {@code c} is a takeaway sent before it was paid (paid at the till, no table). */
    public static boolean takeaway(Check c) {
        return c != null && c.dispatchType() == DispatchType.TakeAway && c.table() == null;
    }

    /** Fires the next held course of the table. */
    public void fireNextCourse() {
        Check c = check.get();
        if (c == null) {
            message.set(TEXTS.openTableFirst());
            return;
        }
        Optional<Integer> held = c.lines().stream().filter(l -> Check.HELD.equals(l.status()))
                .map(Check.Line::course).min(Integer::compare);
        if (held.isEmpty()) {
            message.set(TEXTS.nothingHeld());
            return;
        }
        background.run(() -> {
            checks.fire(c.checkId(), held.get());
            return c.checkId();
        }, id -> {
            tell(TEXTS.courseFired(held.get()));
            showCheck(id);
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
    }

    /**
     * Opens a tab called {@code name} (a guest at the bar, no table), or takes the open tab of that name again.
     */
    public void openTab(String name) {
        if (checks == null) {
            return;
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 40) {
            message.set(TEXTS.tabNameNeeded());
            return;
        }
        TillMenu m = menu.get();
        if (m == null) {
            message.set(TEXTS.waitingForMenu());
            return;
        }
        background.run(() -> {
            Optional<Check> open = checks.openChecks().stream()
                    .filter(c -> c.table() == null && n.equalsIgnoreCase(c.name())).findFirst();
            String id = open.map(Check::checkId).orElseGet(() -> checks.open(null, n, null, DispatchType.DineIn,
                    m.menuId(), m.revisionId()));
            return new Object[] {checks.check(id).orElse(null), open.isEmpty()};
        }, found -> {
            if (dispatch.get() != DispatchType.DineIn) {
                setDispatch(DispatchType.DineIn);
            }
            table.set("");
            if ((Boolean) found[1]) {
                tell(TEXTS.tabOpened(n));
            } else {
                message.set("");
            }
            display((Check) found[0]);
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
    }

    /** How a check is called on the till: its table, or its tab's name. */
    public static String label(Check c) {
        if (takeaway(c)) {
            return TEXTS.takeawayNamed(c.name() == null ? c.checkId().substring(0, Math.min(6, c.checkId().length()))
                    : c.name());
        }
        return c.table() != null ? TEXTS.tableNamed(c.table())
                : TEXTS.tabNamed(c.name() == null ? c.checkId().substring(0, Math.min(6, c.checkId().length()))
                : c.name());
    }

    /** The store's other open checks (not the one shown), for a merge or a transfer; read off the FX thread. */
    public void otherChecks(java.util.function.Consumer<List<Check>> then) {
        Check c = check.get();
        if (c == null || checks == null) {
            message.set(TEXTS.openTableFirst());
            return;
        }
        background.run(() -> {
            checks.refresh();
            return checks.openChecks().stream().filter(o -> !o.checkId().equals(c.checkId())).toList();
        }, then, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
    }

    /**
     * Moves the check shown to table {@code tableNo}; refused (and why) when it is there already or that table has
     * a check of its own (then the two are merged, not moved onto each other).
     */
    public boolean moveTo(String tableNo, List<Check> open) {
        Check c = check.get();
        String t = tableNo == null ? "" : tableNo.strip();
        if (c == null) {
            message.set(TEXTS.openTableFirst());
            return false;
        }
        if (t.isEmpty() || t.length() > 20) {
            message.set(TEXTS.whichTable());
            return false;
        }
        if (t.equals(c.table())) {
            message.set(TEXTS.atTableAlready(t));
            return false;
        }
        if (open.stream().anyMatch(o -> !o.checkId().equals(c.checkId()) && t.equals(o.table()))) {
            message.set(TEXTS.tableTaken(t));
            return false;
        }
        String was = label(c);
        background.run(() -> {
            checks.move(c.checkId(), t);
            return c.checkId();
        }, id -> {
            table.set(t);
            tell(TEXTS.movedTo(was, t));
            showCheck(id);
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
        return true;
    }

    /** Why {@code other} cannot be merged into the check shown, if it cannot. */
    public Optional<String> mergeRefusal(Check other) {
        Check c = check.get();
        if (c == null) {
            return Optional.of(TEXTS.openTableFirst());
        }
        if (other == null) {
            return Optional.of(TEXTS.chooseCheckToMerge());
        }
        if (other.checkId().equals(c.checkId())) {
            return Optional.of(TEXTS.chooseCheckToMerge());
        }
        if (!c.parts().isEmpty() && !c.payments().isEmpty() || !other.parts().isEmpty()
                && !other.payments().isEmpty()) {
            return Optional.of(TEXTS.splitPaidNoMerge());
        }
        return Optional.empty();
    }

    /** Takes every line and payment of {@code other} into the check shown; {@code other} is closed as merged. */
    public boolean merge(Check other) {
        Optional<String> refusal = mergeRefusal(other);
        if (refusal.isPresent()) {
            message.set(refusal.get());
            return false;
        }
        Check c = check.get();
        String what = TEXTS.mergeWhat(label(other), label(c));
        background.run(() -> {
            checks.merge(c.checkId(), other.checkId(), what);
            return c.checkId();
        }, id -> {
            tell(TEXTS.mergedInto(label(other), label(c)));
            showCheck(id);
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
        return true;
    }

    /** The lines of the check shown that can be transferred: those still charged, not in a part already paid. */
    public List<Check.Line> transferable() {
        Check c = check.get();
        if (c == null) {
            return List.of();
        }
        return c.lines().stream().filter(l -> l.liveQuantity() > 0 && c.parts().stream().noneMatch(p ->
                p.lineIds().contains(l.lineId()) && (p.closed() || p.paid().signum() > 0))).toList();
    }

    /**
     * Transfers {@code lineIds} of the check shown to {@code target} (an open check), or to table {@code tableNo}
     * (its open check, or a new one opened there for them); nothing the kitchen has is sent again.
     */
    public boolean transfer(List<String> lineIds, Check target, String tableNo, List<Check> open) {
        Check c = check.get();
        if (c == null) {
            message.set(TEXTS.openTableFirst());
            return false;
        }
        if (lineIds == null || lineIds.isEmpty()) {
            message.set(TEXTS.chooseLinesToTransfer());
            return false;
        }
        String t = tableNo == null ? "" : tableNo.strip();
        Check to = target;
        if (to == null && !t.isEmpty()) {
            to = open.stream().filter(o -> t.equals(o.table())).findFirst().orElse(null);
        }
        if (to == null && (t.isEmpty() || t.length() > 20)) {
            message.set(TEXTS.chooseTransferTarget());
            return false;
        }
        if (to != null && to.checkId().equals(c.checkId()) || to == null && t.equals(c.table())) {
            message.set(TEXTS.transferToItself());
            return false;
        }
        TillMenu m = menu.get();
        if (to == null && m == null) {
            message.set(TEXTS.waitingForMenu());
            return false;
        }
        Check existing = to;
        List<String> ids = List.copyOf(lineIds);
        String where = existing != null ? label(existing) : TEXTS.tableNamed(t);
        background.run(() -> {
            String toId = existing != null ? existing.checkId()
                    : checks.open(t, null, null, DispatchType.DineIn, m.menuId(), m.revisionId());
            checks.transfer(c.checkId(), ids, toId, TEXTS.transferWhat(ids.size(), label(c), where));
            return c.checkId();
        }, id -> {
            tell(TEXTS.linesTransferred(ids.size(), where));
            showCheck(id);
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
        return true;
    }

    /**
     * What the split dialog starts from: the table's lines that still charge something. Empty, with the reason said,
     * when the bill cannot be split now (no table, new lines not sent, a payment taken already).
     */
    public Optional<SplitChoice> openSplit() {
        Check c = check.get();
        if (c == null) {
            message.set(TEXTS.openTableFirst());
            return Optional.empty();
        }
        if (!ticket.lines().isEmpty()) {
            message.set(TEXTS.sendNewLinesFirst());
            return Optional.empty();
        }
        if (!c.payments().isEmpty()) {
            message.set(TEXTS.paidAlreadyNoSplit());
            return Optional.empty();
        }
        SplitChoice choice = new SplitChoice(c);
        if (choice.lines().isEmpty()) {
            message.set(TEXTS.nothingToSplit());
            return Optional.empty();
        }
        return Optional.of(choice);
    }

    /** Splits the table's bill as chosen; false (and why) when the store would refuse it. */
    public boolean split(SplitChoice choice) {
        Check c = check.get();
        Optional<String> refusal = c == null ? Optional.of(TEXTS.openTableFirst()) : choice.problem();
        if (refusal.isPresent()) {
            message.set(refusal.get());
            return false;
        }
        SplitChoice.By by = choice.by();
        List<List<String>> parts = by == SplitChoice.By.ITEMS ? choice.parts() : null;
        Integer count = by == SplitChoice.By.EVENLY ? choice.count() : null;
        background.run(() -> {
            checks.split(c.checkId(), by.wire(), parts, count);
            return c.checkId();
        }, id -> {
            tell(TEXTS.billSplit());
            showCheck(id);
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
        return true;
    }

    /**
     * Why {@code line} cannot be voided now, if it cannot: a line of a part already paid, or one voided already.
     */
    public Optional<String> voidRefusal(Check.Line line) {
        Check c = check.get();
        if (c == null) {
            return Optional.of(TEXTS.openTableFirst());
        }
        if (line == null) {
            return Optional.of(TEXTS.chooseLineToVoid());
        }
        if (line.liveQuantity() <= 0) {
            return Optional.of(TEXTS.voidedAlready(line.name()));
        }
        boolean paidPart = c.parts().stream().anyMatch(p -> p.lineIds().contains(line.lineId())
                && p.paid().signum() > 0) || (c.parts().isEmpty() && c.paid().signum() > 0);
        if (paidPart) {
            return Optional.of(TEXTS.paidNoVoid(line.name()));
        }
        return Optional.empty();
    }

    /** Whether the kitchen has {@code line} already (a void of it may need a manager). */
    public static boolean sent(Check.Line line) {
        return !Check.NEW.equals(line.status());
    }

    /**
     * Voids all of {@code line} for {@code reason}, with the manager's approval {@code approvalId} where the store
     * asks one; the kitchen shows the void at once and nothing voided is charged.
     */
    public boolean voidLine(Check.Line line, String reason, String approvalId) {
        Optional<String> refusal = voidRefusal(line);
        if (refusal.isEmpty() && (reason == null || reason.isBlank())) {
            refusal = Optional.of(TEXTS.voidNeedsReason());
        }
        if (refusal.isPresent()) {
            message.set(refusal.get());
            return false;
        }
        Check c = check.get();
        background.run(() -> {
            checks.voidLine(c.checkId(), line.lineId(), null, reason.strip(), approvalId);
            return c.checkId();
        }, id -> {
            tell(TEXTS.lineVoidedNow(line.name()));
            showCheck(id);
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
        return true;
    }

    /** The part of a split bill paid next (the first not paid), or null. */
    public Check.Part nextPart() {
        Check c = check.get();
        if (c == null) {
            return null;
        }
        return c.parts().stream().filter(p -> !p.closed()).findFirst().orElse(null);
    }

    private BigDecimal due(Check c) {
        Check.Part part = c.parts().stream().filter(p -> !p.closed()).findFirst().orElse(null);
        return part == null ? c.balance() : part.total().subtract(part.paid());
    }

    private boolean payCheck(PaymentMethod method, String amountText) {
        Check c = check.get();
        // A takeaway keeps its pay-first flow after a Send: lines added since go to the kitchen with the payment.
        boolean sendWithPayment = !ticket.lines().isEmpty() && takeaway(c) && c.parts().isEmpty();
        if (!ticket.lines().isEmpty() && !sendWithPayment) {
            message.set(TEXTS.sendNewLinesFirst());
            return false;
        }
        List<CheckBook.NewLine> newLines = sendWithPayment ? newLines(1) : List.of();
        BigDecimal due = due(c).add(sendWithPayment ? ticket.subtotal() : BigDecimal.ZERO);
        if (due.signum() <= 0) {
            message.set(TEXTS.tableClosing());
            return false;
        }
        Optional<BigDecimal> given = amountText == null || amountText.isBlank() ? Optional.of(due)
                : Money.parse(amountText);
        if (given.isEmpty() || given.get().signum() <= 0) {
            message.set(TEXTS.notAnAmount(amountText));
            return false;
        }
        if (method != PaymentMethod.Cash && given.get().compareTo(due) > 0) {
            message.set(TEXTS.cardOverBalance(format(due)));
            return false;
        }
        BigDecimal paid = given.get().min(due);
        BigDecimal change = given.get().subtract(paid);
        Check.Part part = nextPart();
        background.run(() -> {
            if (!newLines.isEmpty()) {
                checks.add(c.checkId(), newLines);
                checks.send(c.checkId(), newLines.stream().map(CheckBook.NewLine::lineId).toList(), false);
            }
            checks.pay(c.checkId(), part == null ? null : part.partId(), method, paid);
            return c.checkId();
        }, id -> {
            if (!newLines.isEmpty()) {
                ticket.clear();
                seats.clear();
            }
            showCheck(id);
            if (change.signum() > 0) {
                tell(TEXTS.changeDue(format(change)));
            }
        }, failure -> message.set(TEXTS.notSaved(failure.getMessage())));
        return true;
    }

    private static <T> void update(ObservableList<T> shown, List<T> now) {
        if (shown.equals(now)) {
            return;
        }
        if (shown.size() == now.size()) {
            for (int i = 0; i < now.size(); i++) {
                if (!shown.get(i).equals(now.get(i))) {
                    shown.set(i, now.get(i));
                }
            }
        } else if (now.size() == shown.size() + 1 && now.subList(0, shown.size()).equals(shown)) {
            shown.add(now.get(now.size() - 1));
        } else if (now.size() == shown.size() - 1) {
            int i = 0;
            while (i < now.size() && shown.get(i).equals(now.get(i))) {
                i++;
            }
            shown.remove(i);
            if (!shown.equals(now)) {
                shown.setAll(now);
            }
        } else {
            shown.setAll(now);
        }
    }

    public String currency() {
        return menu.get() == null ? Texts.store().currency().getCurrencyCode() : menu.get().currency();
    }

    private String staffId() {
        return staff.get() == null ? null : staff.get().staffId();
    }

    public String format(BigDecimal amount) {
        return Money.format(amount, currency());
    }

    // ---- properties for binding ----

    public ReadOnlyObjectProperty<TillMenu> menuProperty() {
        return menu.getReadOnlyProperty();
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
        return linesView;
    }

    public ObservableList<SaleDiscount> discounts() {
        return discountsView;
    }

    public ObservableList<Tender> tenders() {
        return tendersView;
    }

    public ReadOnlyObjectProperty<BigDecimal> subtotalProperty() {
        return subtotal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BigDecimal> totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BigDecimal> balanceProperty() {
        return balance.getReadOnlyProperty();
    }

    /** What the discounts take off. */
    public ReadOnlyObjectProperty<BigDecimal> discountTotalProperty() {
        return discountTotal.getReadOnlyProperty();
    }

    /** The service charge and tip together. */
    public ReadOnlyObjectProperty<BigDecimal> chargeTotalProperty() {
        return chargeTotal.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** True while the message says that something was done (not why it was refused). */
    public ReadOnlyBooleanProperty messageGoodProperty() {
        return messageGood.getReadOnlyProperty();
    }

    /** Says that something was done as asked (sent, fired, paid): shown as good news, not as a refusal. */
    public void tell(String news) {
        message.set(news);
        messageGood.set(true);
    }

    public IntegerProperty pendingQuantityProperty() {
        return pendingQuantity;
    }

    public ReadOnlyObjectProperty<Receipt> lastReceiptProperty() {
        return lastReceipt.getReadOnlyProperty();
    }

    public ObjectProperty<StaffMember> staffProperty() {
        return staff;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The ids of the items snoozed now: the controller greys their buttons. */
    public ObjectProperty<Set<String>> snoozedItemsProperty() {
        return snoozedItems;
    }

    /** Empty, or the banner shown while the whole channel is snoozed. */
    public StringProperty channelBannerProperty() {
        return channelBanner;
    }

    public ReadOnlyObjectProperty<BigDecimal> tipProperty() {
        return tip.getReadOnlyProperty();
    }
}
