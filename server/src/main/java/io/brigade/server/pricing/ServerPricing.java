package io.brigade.server.pricing;

import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.SaleDiscount;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.server.domain.Validation;
import io.brigade.server.menus.Catalog;
import io.brigade.server.sales.SaleValidator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices an order on the server: each line at its menu revision's pricing-profile price for the
 * order's dispatch type, then the best time-window rule active at the property's local time takes
 * its percentage off each line of its categories, recorded as one discount line per rule whose
 * code names the rule ({@code rule:<id>}), so the applied rule is stored with the sale.
 */
public final class ServerPricing {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** A line as ordered: a menu item id, a quantity, notes and its modifier options. */
    public record Line(String menuItemId, Integer quantity, String notes, List<Line> modifiers) {
    }

    /** A rule that took money off, and how much. */
    public record Applied(String ruleId, String name, BigDecimal percentOff, BigDecimal amount) {
    }

    /** Priced lines, the rule discounts and the rules applied. */
    public record Priced(List<SaleItem> items, List<SaleDiscount> discounts, List<Applied> applied,
                         BigDecimal itemsTotal, BigDecimal discountTotal) {
        public BigDecimal total() {
            return itemsTotal.subtract(discountTotal);
        }
    }

    private ServerPricing() {
    }

    /** Prices {@code lines}; unknown items or missing prices are reported on {@code v} under {@code path}. */
    public static Priced price(Catalog catalog, DispatchType dispatch, List<PricingRule> rules,
                               ZonedDateTime localTime, List<Line> lines, String path, Validation v) {
        Map<String, String> categoryOf = new HashMap<>();
        for (Category category : Catalog.nonNull(catalog.content().categories())) {
            for (MenuItem item : Catalog.nonNull(category.items())) {
                categoryOf.put(item.id(), category.id());
            }
        }
        List<PricingRule> active = rules.stream()
                .filter(r -> r.activeAt(localTime.getDayOfWeek(), localTime.toLocalTime())).toList();
        List<SaleItem> items = new ArrayList<>();
        Map<PricingRule, BigDecimal> off = new LinkedHashMap<>();
        BigDecimal itemsTotal = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String linePath = path + "[" + i + "]";
            MenuItem menuItem = catalog.item(line.menuItemId());
            if (menuItem == null) {
                v.error(linePath + ".mealId", "no meal " + line.menuItemId() + " on this menu");
                continue;
            }
            SaleItem priced = priceLine(menuItem, line, dispatch, catalog, linePath, v);
            if (priced == null) {
                continue;
            }
            items.add(priced);
            BigDecimal lineTotal = SaleValidator.lineTotal(priced);
            itemsTotal = itemsTotal.add(lineTotal);
            PricingRule best = null;
            for (PricingRule rule : active) {
                if (rule.categoryIds().contains(categoryOf.get(menuItem.id()))
                        && (best == null || rule.percentOff().compareTo(best.percentOff()) > 0)) {
                    best = rule;
                }
            }
            if (best != null) {
                off.merge(best, lineTotal.multiply(best.percentOff()).divide(HUNDRED), BigDecimal::add);
            }
        }
        List<SaleDiscount> discounts = new ArrayList<>();
        List<Applied> applied = new ArrayList<>();
        BigDecimal discountTotal = BigDecimal.ZERO;
        for (Map.Entry<PricingRule, BigDecimal> e : off.entrySet()) {
            BigDecimal amount = e.getValue().setScale(2, RoundingMode.HALF_UP);
            if (amount.signum() == 0) {
                continue;
            }
            PricingRule rule = e.getKey();
            discounts.add(new SaleDiscount(DiscountType.Other, amount, rule.discountCode()));
            applied.add(new Applied(rule.ruleId(), rule.name(), rule.percentOff(), amount));
            discountTotal = discountTotal.add(amount);
        }
        return new Priced(items, discounts, applied, itemsTotal, discountTotal);
    }

    private static SaleItem priceLine(MenuItem menuItem, Line line, DispatchType dispatch, Catalog catalog,
                                      String path, Validation v) {
        BigDecimal unit = priceFor(menuItem, dispatch);
        if (unit == null) {
            v.error(path + ".mealId", "meal " + menuItem.id() + " has no " + dispatch + " price");
            return null;
        }
        List<SaleItem> modifiers = new ArrayList<>();
        List<Line> options = line.modifiers() == null ? List.of() : line.modifiers();
        for (int m = 0; m < options.size(); m++) {
            Line option = options.get(m);
            String optionPath = path + ".options[" + m + "]";
            MenuItem optionItem = option == null ? null : catalog.modifierItem(option.menuItemId());
            if (optionItem == null) {
                v.error(optionPath + ".optionId", "no option " + (option == null ? null : option.menuItemId())
                        + " on this menu");
                continue;
            }
            SaleItem pricedOption = priceLine(optionItem, option, dispatch, catalog, optionPath, v);
            if (pricedOption != null) {
                modifiers.add(pricedOption);
            }
        }
        return new SaleItem(menuItem.id(), line.quantity(), unit, line.notes(), modifiers);
    }

    /** The price of the item's first pricing profile for the dispatch type. */
    static BigDecimal priceFor(MenuItem item, DispatchType dispatch) {
        List<PricingProfile> profiles = Catalog.nonNull(item.pricingProfiles());
        if (profiles.isEmpty()) {
            return null;
        }
        PricingProfile p = profiles.get(0);
        return switch (dispatch) {
            case DineIn -> p.dineInPrice();
            case TakeAway -> p.takeawayPrice();
            case Collection -> p.collectionPrice();
            case Delivery -> p.deliveryPrice();
        };
    }

}
