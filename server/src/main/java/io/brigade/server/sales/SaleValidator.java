package io.brigade.server.sales;

import static io.brigade.server.menus.Catalog.nonNull;

import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.PaymentType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.sales.SalePayment;
import io.brigade.server.domain.Validation;
import io.brigade.server.menus.Catalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks a pushed sale: its shape first (400), then against the menu revision and its own sums (422). */
public final class SaleValidator {
    static final int MAX_LINES = 500;
    static final int MAX_QUANTITY = 10_000;

    private SaleValidator() {
    }

    /** Structural checks that need no database. */
    static void checkShape(Sale s) {
        Validation v = new Validation();
        v.require(s.salesChannelId(), "salesChannelId");
        v.require(s.dispatchType(), "dispatchType");
        v.require(s.menuId(), "menuId");
        if (v.require(s.menuRevisionId(), "menuRevisionId") && parseRevision(s.menuRevisionId()) < 1) {
            v.error("menuRevisionId", "must be a positive revision number");
        }
        if (s.items() == null || s.items().isEmpty()) {
            v.error("items", "a sale needs at least one item");
        } else {
            int[] count = {0};
            for (int i = 0; i < s.items().size(); i++) {
                checkItem(s.items().get(i), "items[" + i + "]", v, count);
            }
            if (count[0] > MAX_LINES) {
                v.error("items", "a sale may have at most " + MAX_LINES + " lines");
            }
        }
        List<SaleCharge> charges = nonNull(s.charges());
        for (int i = 0; i < charges.size(); i++) {
            SaleCharge ch = charges.get(i);
            String p = "charges[" + i + "]";
            if (ch == null) {
                v.error(p, "must not be null");
                continue;
            }
            v.require(ch.type(), p + ".type");
            nonNegative(ch.amount(), p + ".amount", v);
        }
        List<SaleDiscount> discounts = nonNull(s.discounts());
        for (int i = 0; i < discounts.size(); i++) {
            SaleDiscount d = discounts.get(i);
            String p = "discounts[" + i + "]";
            if (d == null) {
                v.error(p, "must not be null");
                continue;
            }
            v.require(d.type(), p + ".type");
            nonNegative(d.amount(), p + ".amount", v);
            if ((d.type() == DiscountType.Voucher || d.type() == DiscountType.Loyalty)
                    && (d.code() == null || d.code().isBlank())) {
                v.error(p + ".code", "is required for " + d.type() + " discounts");
            }
        }
        List<SalePayment> payments = nonNull(s.payments());
        for (int i = 0; i < payments.size(); i++) {
            SalePayment pay = payments.get(i);
            String p = "payments[" + i + "]";
            if (pay == null) {
                v.error(p, "must not be null");
                continue;
            }
            v.require(pay.type(), p + ".type");
            v.require(pay.paymentMethod(), p + ".paymentMethod");
            nonNegative(pay.amount(), p + ".amount", v);
        }
        if (s.dineIn() != null && s.dineIn().guests() != null && s.dineIn().guests() < 0) {
            v.error("dineIn.guests", "must be zero or more");
        }
        v.throwIfMalformed();
    }

    private static void checkItem(SaleItem item, String path, Validation v, int[] count) {
        count[0]++;
        if (item == null) {
            v.error(path, "must not be null");
            return;
        }
        v.require(item.menuItemId(), path + ".menuItemId");
        if (v.require(item.quantity(), path + ".quantity")
                && (item.quantity() < 1 || item.quantity() > MAX_QUANTITY)) {
            v.error(path + ".quantity", "must be between 1 and " + MAX_QUANTITY);
        }
        nonNegative(item.unitPrice(), path + ".unitPrice", v);
        List<SaleItem> modifiers = nonNull(item.modifierItems());
        for (int i = 0; i < modifiers.size(); i++) {
            checkItem(modifiers.get(i), path + ".modifierItems[" + i + "]", v, count);
        }
    }

    private static void nonNegative(BigDecimal amount, String field, Validation v) {
        if (v.require(amount, field)) {
            if (amount.signum() < 0) {
                v.error(field, "must be zero or more");
            } else if (amount.scale() > 4) {
                v.error(field, "has more than 4 decimal places");
            } else if (amount.compareTo(new BigDecimal("1000000000")) >= 0) {
                v.error(field, "is too large");
            }
        }
    }

    /** Checks items and modifiers against the revision the sale names. */
    static void checkAgainstMenu(Sale s, Catalog catalog, Validation v) {
        for (int i = 0; i < s.items().size(); i++) {
            SaleItem item = s.items().get(i);
            String path = "items[" + i + "]";
            MenuItem menuItem = catalog.item(item.menuItemId());
            if (menuItem == null) {
                v.error(path + ".menuItemId", "no item " + item.menuItemId() + " in menu revision "
                        + s.menuRevisionId());
                continue;
            }
            checkModifiers(item, menuItem.modifierIds(), path, catalog, v);
        }
    }

    private static void checkModifiers(SaleItem item, List<String> allowedGroups, String path, Catalog catalog,
                                       Validation v) {
        Map<String, Integer> chosen = new HashMap<>();
        List<SaleItem> modifiers = nonNull(item.modifierItems());
        for (int m = 0; m < modifiers.size(); m++) {
            SaleItem mod = modifiers.get(m);
            String mPath = path + ".modifierItems[" + m + "]";
            ModifierGroup group = catalog.groupOfModifier(mod.menuItemId());
            if (group == null || !nonNull(allowedGroups).contains(group.id())) {
                v.error(mPath + ".menuItemId", "no modifier " + mod.menuItemId() + " offered on this item");
                continue;
            }
            chosen.merge(group.id(), mod.quantity(), Integer::sum);
            MenuItem option = catalog.modifierItem(mod.menuItemId());
            checkModifiers(mod, option == null ? List.of() : option.modifierIds(), mPath, catalog, v);
        }
        for (String groupId : nonNull(allowedGroups)) {
            ModifierGroup group = catalog.group(groupId);
            int count = chosen.getOrDefault(groupId, 0);
            if (group != null && (count < group.min() || count > group.max())) {
                v.error(path + ".modifierItems", "'" + group.caption() + "' needs between " + group.min() + " and "
                        + group.max() + " choices, got " + count);
            }
        }
    }

    static SaleRecord.Totals totals(Sale s) {
        BigDecimal items = BigDecimal.ZERO;
        for (SaleItem item : s.items()) {
            items = items.add(lineTotal(item));
        }
        BigDecimal charges = nonNull(s.charges()).stream().map(SaleCharge::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal discounts = nonNull(s.discounts()).stream().map(SaleDiscount::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        for (SalePayment p : nonNull(s.payments())) {
            if (p.type() == PaymentType.Refund) {
                refunds = refunds.add(p.amount());
            } else {
                paid = paid.add(p.amount());
            }
        }
        return new SaleRecord.Totals(items, charges, discounts, refunds, items.add(charges).subtract(discounts), paid);
    }

    /** A line's total: quantity times (unit price plus its modifiers' totals, per unit). */
    /** A line's total: quantity x (unit price + the modifiers' totals), modifiers being per unit. */
    public static BigDecimal lineTotal(SaleItem item) {
        BigDecimal unit = item.unitPrice();
        for (SaleItem mod : nonNull(item.modifierItems())) {
            unit = unit.add(lineTotal(mod));
        }
        return unit.multiply(BigDecimal.valueOf(item.quantity()));
    }

    static void checkPayments(SaleRecord.Totals t, Validation v) {
        if (t.saleAmount().signum() < 0) {
            v.error("discounts", "discounts (" + t.discounts() + ") exceed items plus charges ("
                    + t.items().add(t.charges()) + ")");
            return;
        }
        BigDecimal net = t.paid().subtract(t.refunds()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal due = t.saleAmount().setScale(2, RoundingMode.HALF_UP);
        if (net.compareTo(due) != 0) {
            BigDecimal diff = net.subtract(due);
            v.error("payments", "payments total " + net + " but items + charges - discounts is " + due
                    + " (difference " + diff.toPlainString() + ")");
        }
    }

    static long parseRevision(String revision) {
        try {
            return Long.parseLong(revision.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
