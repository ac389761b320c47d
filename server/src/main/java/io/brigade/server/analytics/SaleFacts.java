package io.brigade.server.analytics;

import static io.brigade.server.menus.Catalog.nonNull;

import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.sales.PaymentType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.sales.SalePayment;
import io.brigade.server.menus.Catalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one sale adds to the analytics rollups, computed from its lines and the ingredient costs of the
 * menu revision it was sold from. The same facts are added when the sale is created and taken away
 * again when it is cancelled, so a cancellation reverses exactly what the sale contributed.
 */
record SaleFacts(String orgId, String propertyId, String salesChannelId, LocalDate businessDate, int hour,
                 BigDecimal revenue, BigDecimal items, BigDecimal charges, BigDecimal discounts,
                 BigDecimal refunds, BigDecimal paid, BigDecimal saleAmount, List<Component> components) {

    static final String ITEM = "item";
    static final String MODIFIER = "modifier";
    private static final int SCALE = 4;

    /**
     * One sold component of the sale, summed over its lines: a meal ({@link #ITEM}: revenue and cost
     * include its modifiers, {@code discounts} is its share of the sale-level discounts) or an option
     * ({@link #MODIFIER}: its own price and cost). {@code ownCost} is the component's own ingredient cost.
     */
    record Component(String kind, String menuItemId, String caption, String groupCaption, long quantity,
                     BigDecimal revenue, BigDecimal discounts, BigDecimal cost, BigDecimal ownCost) {

        Component plus(long q, BigDecimal r, BigDecimal d, BigDecimal c, BigDecimal own) {
            return new Component(kind, menuItemId, caption, groupCaption, quantity + q, revenue.add(r),
                    discounts.add(d), cost.add(c), ownCost.add(own));
        }
    }

    static SaleFacts of(String orgId, String propertyId, Sale sale, Instant dateTime, LocalDate businessDate,
                        ZoneId zone, Catalog catalog) {
        BigDecimal charges = sum(nonNull(sale.charges()).stream().map(SaleCharge::amount).toList());
        BigDecimal discounts = sum(nonNull(sale.discounts()).stream().map(SaleDiscount::amount).toList());
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        for (SalePayment p : nonNull(sale.payments())) {
            if (p.type() == PaymentType.Refund) {
                refunds = refunds.add(p.amount());
            } else {
                paid = paid.add(p.amount());
            }
        }
        List<SaleItem> lines = nonNull(sale.items());
        List<BigDecimal> lineTotals = new ArrayList<>();
        BigDecimal items = BigDecimal.ZERO;
        for (SaleItem line : lines) {
            BigDecimal total = lineTotal(line);
            lineTotals.add(total);
            items = items.add(total);
        }
        List<BigDecimal> shares = discountShares(lineTotals, items, discounts);
        // Sorted by (kind, id): rollup rows are then always updated in the same order (no deadlocks).
        Map<String, Component> byKey = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            SaleItem line = lines.get(i);
            MenuItem menuItem = catalog.item(line.menuItemId());
            BigDecimal unitCost = cost(menuItem);
            BigDecimal modifiersCostPerUnit = BigDecimal.ZERO;
            for (SaleItem mod : nonNull(line.modifierItems())) {
                modifiersCostPerUnit = modifiersCostPerUnit.add(modifiers(mod, line.quantity(), catalog, byKey));
            }
            long qty = line.quantity();
            BigDecimal q = BigDecimal.valueOf(qty);
            add(byKey, ITEM, line.menuItemId(), menuItem == null ? null : menuItem.caption(), null, qty,
                    lineTotals.get(i), shares.get(i), unitCost.add(modifiersCostPerUnit).multiply(q),
                    unitCost.multiply(q));
        }
        int hour = dateTime.atZone(zone).getHour();
        return new SaleFacts(orgId, propertyId, sale.salesChannelId(), businessDate, hour, paid.subtract(refunds),
                items, charges, discounts, refunds, paid, items.add(charges).subtract(discounts),
                List.copyOf(byKey.values()));
    }

    /** Records a modifier (and its own modifiers) for {@code parentUnits} parents; returns its cost per parent unit. */
    private static BigDecimal modifiers(SaleItem mod, long parentUnits, Catalog catalog, Map<String, Component> byKey) {
        MenuItem option = catalog.modifierItem(mod.menuItemId());
        ModifierGroup group = catalog.groupOfModifier(mod.menuItemId());
        long units = parentUnits * mod.quantity();
        BigDecimal unitCost = cost(option);
        BigDecimal perOwnUnit = unitCost;
        for (SaleItem child : nonNull(mod.modifierItems())) {
            perOwnUnit = perOwnUnit.add(modifiers(child, units, catalog, byKey));
        }
        BigDecimal u = BigDecimal.valueOf(units);
        add(byKey, MODIFIER, mod.menuItemId(), option == null ? null : option.caption(),
                group == null ? null : group.caption(), units, mod.unitPrice().multiply(u), BigDecimal.ZERO,
                unitCost.multiply(u), unitCost.multiply(u));
        return perOwnUnit.multiply(BigDecimal.valueOf(mod.quantity()));
    }

    private static void add(Map<String, Component> byKey, String kind, String id, String caption, String group,
                            long quantity, BigDecimal revenue, BigDecimal discounts, BigDecimal cost,
                            BigDecimal ownCost) {
        byKey.merge(kind + '\n' + id,
                new Component(kind, id, caption, group, quantity, revenue, discounts, cost, ownCost),
                (a, b) -> a.plus(b.quantity(), b.revenue(), b.discounts(), b.cost(), b.ownCost()));
    }

    /**
     * Sale-level discounts apportioned over the lines in proportion to their totals (the POS guide's
     * suggestion), at most the item total; the last line takes the rounding remainder so shares add up.
     */
    static List<BigDecimal> discountShares(List<BigDecimal> lineTotals, BigDecimal items, BigDecimal discounts) {
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal toShare = discounts.min(items);
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < lineTotals.size(); i++) {
            BigDecimal share;
            if (items.signum() == 0) {
                share = BigDecimal.ZERO;
            } else if (i == lineTotals.size() - 1) {
                share = toShare.subtract(given);
            } else {
                share = toShare.multiply(lineTotals.get(i)).divide(items, SCALE, RoundingMode.HALF_UP);
            }
            given = given.add(share);
            shares.add(share);
        }
        return shares;
    }

    /** A line's total: quantity times (unit price plus its modifiers' totals per unit), as the server prices it. */
    static BigDecimal lineTotal(SaleItem item) {
        BigDecimal unit = item.unitPrice();
        for (SaleItem mod : nonNull(item.modifierItems())) {
            unit = unit.add(lineTotal(mod));
        }
        return unit.multiply(BigDecimal.valueOf(item.quantity()));
    }

    private static BigDecimal cost(MenuItem item) {
        return item == null || item.ingredientCost() == null ? BigDecimal.ZERO : item.ingredientCost();
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
