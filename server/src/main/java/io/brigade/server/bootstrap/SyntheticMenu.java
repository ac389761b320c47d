package io.brigade.server.bootstrap;

import com.fasterxml.jackson.core.JsonGenerator;
import io.brigade.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * A large, realistic menu for load tests and benchmarks, written as JSON straight to a stream (never held
 * whole): categories of up to 1,000 items; every item with a description, allergens, a pricing profile
 * (four dispatch prices and taxes), two availability rules and two of 50 modifier groups (6 options each).
 * Item {@code i} has id {@link #itemId(int)} and a caption that ends in its number, so a search can name it.
 * The same {@code items} always gives the same bytes.
 */
public final class SyntheticMenu {
    public static final int GROUPS = 50;
    public static final int OPTIONS_PER_GROUP = 6;
    public static final int ITEMS_PER_CATEGORY = 1_000;
    private static final List<String> STYLES = List.of("Smoked", "Grilled", "Crispy", "Spicy", "Roast", "Garlic",
            "Lemon", "Honey", "Truffle", "Chili", "Herb", "Charred", "Sticky", "Golden", "Wild", "Baked");
    private static final List<String> MAINS = List.of("Chicken", "Halloumi", "Salmon", "Beef", "Mushroom", "Tofu",
            "Prawn", "Lamb", "Aubergine", "Pork", "Cod", "Chickpea", "Duck", "Paneer", "Squid", "Falafel", "Turkey");
    private static final List<String> DISHES = List.of("Wrap", "Burger", "Bowl", "Salad", "Pizza", "Curry",
            "Taco", "Risotto", "Skewer", "Pie", "Noodles", "Sandwich", "Flatbread", "Stew", "Bao", "Quesadilla");
    private static final List<String> ALLERGENS = List.of("gluten", "milk", "egg", "nuts", "soya", "celery",
            "mustard", "sesame", "fish", "crustaceans");
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");

    private static final BigDecimal TAX_RATE = new BigDecimal("13.5");
    private static final BigDecimal TAX_DIVISOR = new BigDecimal("113.5");
    private static final BigDecimal COST_SHARE = new BigDecimal("0.3");

    private SyntheticMenu() {
    }

    /** The id of item {@code i} (0-based). */
    public static String itemId(int i) {
        return "00000000-0000-4000-8000-" + pad(i, 12);
    }

    private static String pad(long n, int width) {
        String digits = Long.toString(n);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** The caption of item {@code i}: three words and its number, e.g. "Smoked Chicken Wrap 000042". */
    public static String caption(int i) {
        return STYLES.get(i % STYLES.size()) + ' ' + MAINS.get((i / 3) % MAINS.size()) + ' '
                + DISHES.get((i / 7) % DISHES.size()) + ' ' + pad(i, 6);
    }

    /** Writes the menu's JSON (a Menu Management create body) with {@code items} items to {@code out}. */
    public static void write(int items, String name, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("currency", "EUR");
            g.writeArrayFieldStart("categories");
            int categories = Math.max(1, (items + ITEMS_PER_CATEGORY - 1) / ITEMS_PER_CATEGORY);
            for (int c = 0; c < categories; c++) {
                g.writeStartObject();
                g.writeStringField("id", "00000000-0000-4000-9000-" + pad(c, 12));
                g.writeStringField("caption", "Category " + (c + 1));
                g.writeArrayFieldStart("items");
                for (int i = c * ITEMS_PER_CATEGORY; i < Math.min(items, (c + 1) * ITEMS_PER_CATEGORY); i++) {
                    item(g, i);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("modifiers");
            for (int m = 0; m < GROUPS; m++) {
                g.writeStartObject();
                g.writeStringField("id", groupId(m));
                g.writeStringField("caption", "Choice " + (m + 1));
                g.writeNumberField("min", m % 5 == 0 ? 1 : 0);
                g.writeNumberField("max", m % 5 == 0 ? 1 : 3);
                g.writeArrayFieldStart("items");
                for (int o = 0; o < OPTIONS_PER_GROUP; o++) {
                    g.writeStartObject();
                    g.writeStringField("id", "00000000-0000-4000-a000-" + pad(m, 6) + pad(o, 6));
                    g.writeStringField("caption", "Option " + (o + 1) + " of choice " + (m + 1));
                    g.writeArrayFieldStart("pricingProfiles");
                    profile(g, "default", new BigDecimal(o).movePointLeft(1), BigDecimal.ZERO);
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static String groupId(int m) {
        return "00000000-0000-4000-b000-" + pad(m, 12);
    }

    private static void item(JsonGenerator g, int i) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", itemId(i));
        g.writeStringField("productId", "product-" + i);
        g.writeStringField("externalId", "pos-" + i);
        g.writeStringField("caption", caption(i));
        g.writeStringField("description", "Made to order with seasonal sides; ask staff about today's "
                + STYLES.get((i / 5) % STYLES.size()).toLowerCase() + " special.");
        g.writeArrayFieldStart("allergens");
        for (int a = 0; a < i % 4; a++) {
            g.writeString(ALLERGENS.get((i + a) % ALLERGENS.size()));
        }
        g.writeEndArray();
        g.writeBooleanField("alcohol", i % 20 == 0);
        BigDecimal price = BigDecimal.valueOf(450 + (i * 37L) % 2_000, 2);
        g.writeArrayFieldStart("pricingProfiles");
        profile(g, "default", price, TAX_RATE);
        g.writeEndArray();
        g.writeArrayFieldStart("availabilityOverrides");
        rule(g, DAYS.get(i % 7), "00:00", "06:00", false);
        rule(g, DAYS.get((i + 3) % 7), "15:00", "17:00", i % 2 == 0);
        g.writeEndArray();
        g.writeArrayFieldStart("modifierIds");
        g.writeString(groupId(i % GROUPS));
        g.writeString(groupId((i * 7 + 1) % GROUPS));
        g.writeEndArray();
        g.writeNumberField("ingredientCost", price.multiply(COST_SHARE).setScale(2,
                java.math.RoundingMode.HALF_UP));
        g.writeEndObject();
    }

    private static void profile(JsonGenerator g, String band, BigDecimal price, BigDecimal taxRate)
            throws IOException {
        BigDecimal tax = price.multiply(taxRate).divide(TAX_DIVISOR, 2, java.math.RoundingMode.HALF_UP);
        g.writeStartObject();
        g.writeStringField("priceBandId", band);
        g.writeNumberField("collectionPrice", price);
        g.writeNumberField("deliveryPrice", price.add(BigDecimal.ONE));
        g.writeNumberField("dineInPrice", price);
        g.writeNumberField("takeawayPrice", price);
        g.writeNumberField("collectionTax", tax);
        g.writeNumberField("deliveryTax", tax);
        g.writeNumberField("dineInTax", tax);
        g.writeNumberField("takeawayTax", tax);
        g.writeNumberField("taxablePrice", price.subtract(tax));
        g.writeBooleanField("taxable", true);
        g.writeEndObject();
    }

    private static void rule(JsonGenerator g, String day, String start, String end, boolean available)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("dayOfWeek", day);
        g.writeStringField("startTime", start);
        g.writeStringField("endTime", end);
        g.writeBooleanField("available", available);
        g.writeEndObject();
    }
}
