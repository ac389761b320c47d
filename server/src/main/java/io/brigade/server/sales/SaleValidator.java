package io.brigade.server.sales;

import static io.brigade.server.menus.Catalog.nonNull;

import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.sales.Customer;
import io.brigade.protocol.sales.Delivery;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a pushed sale: its shape first (400), then every value against what the database can hold (422, naming
 * the field), then against the menu revision and its own sums (422). Nothing the database could refuse for its
 * shape reaches the batch that stores the sale, where it would cost the other sales of the batch a second try.
 */
public final class SaleValidator {
    static final int MAX_LINES = 500;
    static final int MAX_QUANTITY = 10_000;
    /** A modifier's quantity times its parents': what one line takes of an item, kept well inside an int. */
    static final int MAX_UNITS = 1_000_000;
    /** The sale's totals; the database keeps NUMERIC(19, 4), and a day's rollups sum many sales. */
    static final BigDecimal MAX_TOTAL = new BigDecimal("1000000000000");
    /** What the sale's free-form JSON and address may take, in UTF-8 bytes. */
    static final int MAX_METADATA_BYTES = 64 * 1024;
    /** Times the database stores without question, whatever the property's time zone. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    /**
     * The sizes of the sale tables' text columns, as the migrations declare them (SaleColumnSizesTest compares
     * them with the database): sales, sale_items, sale_charges, sale_discounts, sale_payments.
     */
    static final int SALES_CHANNEL_ID = 40;
    static final int SOURCE = 100;
    static final int EXTERNAL_ID = 255;
    static final int DISPLAY_ID = 40;
    static final int MENU_ID = 36;
    static final int CUSTOMER_ID = 100;
    static final int CUSTOMER_NAME = 200;
    static final int CUSTOMER_PHONE = 40;
    static final int CUSTOMER_EMAIL = 200;
    static final int CUSTOMER_EXTERNAL_ID = 255;
    static final int TABLE_ID = 40;
    static final int DELIVERED_BY = 100;
    static final int DELIVERY_NOTES = 1000;
    static final int DELIVERY_COUNTRY = 2;
    static final int ITEM_ID = 36;
    static final int ITEM_NOTES = 1000;
    static final int DISCOUNT_CODE = 100;
    static final int PAYMENT_DESCRIPTION = 200;

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
            // The POS guide's refund is "a negative-direction Refund line": either sign is a refund of its size.
            nonNegative(pay.type() == PaymentType.Refund && pay.amount() != null ? pay.amount().abs() : pay.amount(),
                    p + ".amount", v);
        }
        if (s.dineIn() != null && s.dineIn().guests() != null && s.dineIn().guests() < 0) {
            v.error("dineIn.guests", "must be zero or more");
        }
        v.throwIfMalformed();
        checkStorable(s);
    }

    // Lengths, ranges and characters the database would refuse (PostgreSQL stores no NUL in text).
    private static void checkStorable(Sale s) {
        Validation v = new Validation();
        v.text(s.salesChannelId(), SALES_CHANNEL_ID, "salesChannelId");
        v.text(s.source(), SOURCE, "source");
        v.text(s.externalId(), EXTERNAL_ID, "externalId");
        v.text(s.displayId() == null ? null : s.displayId().strip(), DISPLAY_ID, "displayId");
        v.text(s.menuId(), MENU_ID, "menuId");
        time(v, "requestedFulfillmentTime", s.requestedFulfillmentTime());
        Customer cu = s.customer();
        if (cu != null) {
            v.text(cu.id(), CUSTOMER_ID, "customer.id");
            v.text(cu.name(), CUSTOMER_NAME, "customer.name");
            // Stored as its digits (SaleIntake.normalise).
            v.text(cu.phoneNumber() == null ? null : cu.phoneNumber().replaceAll("[^0-9]", ""), CUSTOMER_PHONE,
                    "customer.phoneNumber");
            v.text(cu.emailAddress(), CUSTOMER_EMAIL, "customer.emailAddress");
            v.text(cu.externalId(), CUSTOMER_EXTERNAL_ID, "customer.externalId");
        }
        if (s.dineIn() != null) {
            v.text(s.dineIn().tableId(), TABLE_ID, "dineIn.tableId");
        }
        Delivery de = s.delivery();
        if (de != null) {
            v.text(de.deliveredBy(), DELIVERED_BY, "delivery.deliveredBy");
            v.text(de.notes(), DELIVERY_NOTES, "delivery.notes");
            Delivery.Location loc = de.location();
            if (loc != null) {
                v.text(loc.countryCode(), DELIVERY_COUNTRY, "delivery.location.countryCode");
                if (loc.addressFields() != null) {
                    int bytes = 0;
                    for (Map.Entry<String, String> f : loc.addressFields().entrySet()) {
                        v.text(f.getKey(), Integer.MAX_VALUE, "delivery.location.addressFields");
                        v.text(f.getValue(), Integer.MAX_VALUE, "delivery.location.addressFields");
                        bytes += utf8Bytes(f.getKey()) + utf8Bytes(f.getValue());
                    }
                    if (bytes > MAX_METADATA_BYTES) {
                        v.error("delivery.location.addressFields", "must be at most " + MAX_METADATA_BYTES
                                + " bytes in all");
                    }
                }
                Delivery.Coordinates at = loc.coordinates();
                if (at != null) {
                    coordinate(v, "delivery.location.coordinates.latitude", at.latitude(), 90);
                    coordinate(v, "delivery.location.coordinates.longitude", at.longitude(), 180);
                }
            }
        }
        if (s.metadata() != null) {
            v.text(s.metadata(), Integer.MAX_VALUE, "metadata");
            if (utf8Bytes(s.metadata()) > MAX_METADATA_BYTES) {
                v.error("metadata", "must be at most " + MAX_METADATA_BYTES + " bytes");
            }
        }
        for (int i = 0; i < s.items().size(); i++) {
            storableItem(v, s.items().get(i), "items[" + i + "]", 1);
        }
        List<SaleCharge> charges = nonNull(s.charges());
        for (int i = 0; i < charges.size(); i++) {
            v.text(charges.get(i).itemId(), ITEM_ID, "charges[" + i + "].itemId");
        }
        List<SaleDiscount> discounts = nonNull(s.discounts());
        for (int i = 0; i < discounts.size(); i++) {
            v.text(discounts.get(i).code(), DISCOUNT_CODE, "discounts[" + i + "].code");
        }
        List<SalePayment> payments = nonNull(s.payments());
        for (int i = 0; i < payments.size(); i++) {
            v.text(payments.get(i).description1(), PAYMENT_DESCRIPTION, "payments[" + i + "].description1");
            time(v, "payments[" + i + "].paidAt", payments.get(i).paidAt());
        }
        v.throwIfUnprocessable();
    }

    private static void storableItem(Validation v, SaleItem item, String path, long parentUnits) {
        v.text(item.menuItemId(), ITEM_ID, path + ".menuItemId");
        v.text(item.notes(), ITEM_NOTES, path + ".notes");
        long units = parentUnits * item.quantity();
        if (units > MAX_UNITS) {
            v.error(path + ".quantity", "times the quantities of the items it modifies must be at most " + MAX_UNITS);
            return;
        }
        List<SaleItem> modifiers = nonNull(item.modifierItems());
        for (int i = 0; i < modifiers.size(); i++) {
            storableItem(v, modifiers.get(i), path + ".modifierItems[" + i + "]", units);
        }
    }

    private static void time(Validation v, String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || !value.isBefore(LATEST))) {
            v.error(field, "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    private static void coordinate(Validation v, String field, BigDecimal value, int limit) {
        if (value != null && value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            v.error(field, "must be between -" + limit + " and " + limit);
        }
    }

    private static int utf8Bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
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

    static void checkTotals(SaleRecord.Totals t, Validation v) {
        if (t.items().add(t.charges()).compareTo(MAX_TOTAL) >= 0 || t.paid().compareTo(MAX_TOTAL) >= 0
                || t.refunds().compareTo(MAX_TOTAL) >= 0 || t.discounts().compareTo(MAX_TOTAL) >= 0) {
            v.error("items", "the sale's total must be less than " + MAX_TOTAL.toPlainString());
            return;
        }
        if (t.saleAmount().signum() < 0) {
            v.error("discounts", "discounts (" + t.discounts() + ") exceed items plus charges ("
                    + t.items().add(t.charges()) + ")");
            return;
        }
        // Payments that differ from the total are accepted as sent (the guide says they "should" match); the
        // difference is kept on the sale as its paymentMismatch.
    }

    static long parseRevision(String revision) {
        try {
            return Long.parseLong(revision.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
