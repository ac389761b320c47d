package io.brigade.desktop.till;

import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.sales.ChargeType;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The ticket being rung up, without a screen: its lines, discounts, service charge, tip and the payments taken,
 * the money they add up to, and the rules a cashier meets (no changes once a payment is taken, no card charge
 * over the balance, a table for dine-in). Each change answers a refusal to show the cashier, or nothing when it
 * was made. Not thread-safe: one cashier's screen (or one table's check) owns it.
 */
public final class Ticket {
    static final BigDecimal SERVICE_RATE = new BigDecimal("0.10");
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);

    private DispatchType dispatch = DispatchType.DineIn;
    private String table = "";
    private int guests = 2;
    private final List<TicketLine> lines = new ArrayList<>();
    private final List<SaleDiscount> discounts = new ArrayList<>();
    private boolean serviceCharge;
    private BigDecimal tip = BigDecimal.ZERO;
    private final List<Tender> tenders = new ArrayList<>();
    private String currency = "EUR";

    // ---- what it holds ----

    public DispatchType dispatch() {
        return dispatch;
    }

    public String table() {
        return table;
    }

    public int guests() {
        return guests;
    }

    public List<TicketLine> lines() {
        return List.copyOf(lines);
    }

    public List<SaleDiscount> discounts() {
        return List.copyOf(discounts);
    }

    public boolean serviceCharge() {
        return serviceCharge;
    }

    public BigDecimal tip() {
        return tip;
    }

    public List<Tender> tenders() {
        return List.copyOf(tenders);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The currency the refusals name amounts in (the menu's). */
    public void currency(String code) {
        this.currency = Objects.requireNonNull(code, "code == null");
    }

    // ---- money ----

    public BigDecimal subtotal() {
        return lines.stream().map(TicketLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The service charge (10 % of the discounted subtotal) when on, then the tip. */
    public List<SaleCharge> charges() {
        List<SaleCharge> out = new ArrayList<>();
        if (serviceCharge) {
            BigDecimal discounted = discounts.stream().map(SaleDiscount::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            out.add(new SaleCharge(ChargeType.Service, Money.cents(subtotal().subtract(discounted)
                    .max(BigDecimal.ZERO).multiply(SERVICE_RATE)), null));
        }
        if (tip.signum() > 0) {
            out.add(new SaleCharge(ChargeType.Tip, tip, null));
        }
        return out;
    }

    public BigDecimal total() {
        return order(null, 0).total();
    }

    public BigDecimal paid() {
        return tenders.stream().map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal balance() {
        return total().subtract(paid());
    }

    public BigDecimal changeDue() {
        return tenders.stream().map(Tender::change).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The ticket as it would be sold now, on the menu revision it was rung from. */
    public Order order(String menuId, long menuRevisionId) {
        return new Order(dispatch, table.isBlank() ? null : table.strip(),
                dispatch == DispatchType.DineIn ? guests : null, List.copyOf(lines), List.copyOf(discounts),
                charges(), List.copyOf(tenders), menuId, menuRevisionId, currency);
    }

    // ---- where and for whom ----

    public void table(String t) {
        this.table = t == null ? "" : t;
    }

    public void guests(int n) {
        this.guests = n;
    }

    /** Dine-in or takeaway: prices follow the dispatch type, so the lines are priced again from {@code menu}. */
    public void dispatch(DispatchType type, TillMenu menu) {
        this.dispatch = Objects.requireNonNull(type, "type == null");
        if (menu == null) {
            return;
        }
        lines.replaceAll(l -> menu.item(l.item().id())
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

    // ---- lines ----

    /** Adds {@code quantity} of {@code item} with its chosen modifiers; answers the new line. */
    public TicketLine add(PricedItem item, List<TicketLine.Modifier> modifiers, int quantity) {
        TicketLine line = new TicketLine(UUID.randomUUID(), item, quantity, List.copyOf(modifiers), null);
        lines.add(line);
        return line;
    }

    /** More or fewer of a line (at most 999); none left removes it. */
    public Optional<String> changeQuantity(UUID lineId, int delta) {
        Optional<TicketLine> line = line(lineId);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        int q = line.get().quantity() + delta;
        return q <= 0 ? remove(lineId) : replace(line.get().withQuantity(Math.min(q, 999)));
    }

    public Optional<String> notes(UUID lineId, String notes) {
        return line(lineId).flatMap(l -> replace(l.withNotes(notes)));
    }

    public Optional<String> remove(UUID lineId) {
        if (!tenders.isEmpty()) {
            return Optional.of(TEXTS.paidAlready());
        }
        lines.removeIf(l -> l.lineId().equals(lineId));
        return Optional.empty();
    }

    private Optional<String> replace(TicketLine updated) {
        if (!tenders.isEmpty()) {
            return Optional.of(TEXTS.paidAlready());
        }
        lines.replaceAll(l -> l.lineId().equals(updated.lineId()) ? updated : l);
        return Optional.empty();
    }

    private Optional<TicketLine> line(UUID lineId) {
        return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst();
    }

    // ---- discounts and charges ----

    /** A spot discount or a voucher ({@code code}) for {@code amount}, never more than the total. */
    public Optional<String> discount(DiscountType type, BigDecimal amount, String code) {
        BigDecimal before = total();
        if (amount.compareTo(before) > 0) {
            return Optional.of(TEXTS.discountOverTotal(Money.format(before, currency)));
        }
        discounts.add(new SaleDiscount(type, amount, code));
        return Optional.empty();
    }

    public void clearDiscounts() {
        discounts.clear();
    }

    public void serviceCharge(boolean on) {
        this.serviceCharge = on;
    }

    public void tip(BigDecimal amount) {
        this.tip = Objects.requireNonNull(amount, "amount == null");
    }

    // ---- payment ----

    /** Why the ticket cannot be paid yet, if it cannot: nothing on it, or a dine-in ticket without a table. */
    public Optional<String> payable() {
        if (lines.isEmpty()) {
            return Optional.of(TEXTS.ticketEmpty());
        }
        if (dispatch == DispatchType.DineIn && table.isBlank()) {
            return Optional.of(TEXTS.whichTable());
        }
        return Optional.empty();
    }

    /** Cash handed over ({@code null}: the exact balance); more than the balance gives change. */
    public Optional<String> payCash(BigDecimal tendered) {
        Optional<String> refused = payable();
        if (refused.isPresent()) {
            return refused;
        }
        BigDecimal due = balance();
        BigDecimal handed = tendered == null ? due : tendered;
        tenders.add(new Tender(PaymentMethod.Cash, handed.min(due), handed));
        return Optional.empty();
    }

    /** A card charged for the balance ({@code null}) or for part of it when splitting, never more. */
    public Optional<String> payCard(BigDecimal amount) {
        Optional<String> refused = payable();
        if (refused.isPresent()) {
            return refused;
        }
        BigDecimal due = balance();
        BigDecimal charged = amount == null ? due : amount;
        if (charged.compareTo(due) > 0) {
            return Optional.of(TEXTS.cardOverBalance(Money.format(due, currency)));
        }
        tenders.add(new Tender(PaymentMethod.Credit, charged, charged));
        return Optional.empty();
    }

    public boolean isPaid() {
        return !lines.isEmpty() && balance().signum() == 0;
    }

    public void clearPayments() {
        tenders.clear();
    }

    /** A fresh ticket (dispatch type and guests stay as the cashier set them). */
    public void clear() {
        lines.clear();
        discounts.clear();
        tenders.clear();
        serviceCharge = false;
        tip = BigDecimal.ZERO;
        table = "";
    }
}
