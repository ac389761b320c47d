package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.fx.Money;
import io.brigade.protocol.menus.AvailabilityOverride;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.PricingProfile;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A menu item (or modifier option) being edited: caption, description, price, ingredient cost and whether it is on
 * sale, as text the manager types. Everything the editor does not show (allergens, tax rates, other price bands,
 * day-and-time rules) is carried over from the item it started from.
 */
public final class ItemDraft {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

    private final MenuItem original;
    private final PricingProfile template;
    private final String categoryId;
    private final StringProperty caption = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty price = new SimpleStringProperty("");
    private final StringProperty cost = new SimpleStringProperty("");
    private final BooleanProperty available = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty("");

    /** A draft of an existing item. */
    public ItemDraft(String categoryId, MenuItem item) {
        this.original = item;
        this.template = null;
        this.categoryId = categoryId;
        caption.set(item.caption() == null ? "" : item.caption());
        description.set(item.description() == null ? "" : item.description());
        BigDecimal p = firstProfile(item) == null ? null : firstProfile(item).dineInPrice();
        price.set(p == null ? "" : p.toPlainString());
        cost.set(item.ingredientCost() == null ? "" : item.ingredientCost().toPlainString());
        available.set(!offEveryDay(item.availabilityOverrides()));
    }

    /**
     * A new item in {@code categoryId}; the server gives it its id when the revision is saved. Its tax rates come
     * from {@code template} (a neighbour's pricing profile; may be null).
     */
    public ItemDraft(String categoryId, String newCaption, PricingProfile template) {
        this.original = null;
        this.template = template;
        this.categoryId = categoryId;
        caption.set(newCaption);
        price.set("0.00");
        cost.set("0.00");
    }

    /**
     * The item as it will be saved, or a reason why the typed text cannot be (a price that is not a number);
     * checks the server also makes (negative prices, empty captions) are left to the server, so there is one rule.
     */
    MenuItem toItem(List<String> problems) {
        BigDecimal newPrice = number(price.get(), TEXTS.fieldPrice(), problems);
        BigDecimal newCost = number(cost.get(), TEXTS.fieldIngredientCost(), problems);
        String newCaption = caption.get() == null ? null : caption.get().strip();
        String newDescription = description.get() == null || description.get().isBlank() ? null
                : description.get().strip();
        if (original == null) {
            PricingProfile t = template;
            PricingProfile profile = t == null
                    ? new PricingProfile("default", newPrice, newPrice, newPrice, newPrice, null, null, null, null,
                    newPrice, null)
                    : new PricingProfile(t.priceBandId(), newPrice, newPrice, newPrice, newPrice, t.collectionTax(),
                    t.deliveryTax(), t.dineInTax(), t.takeawayTax(), newPrice, t.taxable());
            return new MenuItem(null, null, null, newCaption, newDescription, List.of(), false,
                    List.of(profile), overrides(List.of()), List.of(), newCost);
        }
        List<PricingProfile> profiles = new ArrayList<>(original.pricingProfiles() == null ? List.of()
                : original.pricingProfiles());
        if (!profiles.isEmpty() && newPrice != null) {
            profiles.set(0, repriced(profiles.get(0), newPrice));
        }
        String keptDescription = original.description() == null && newDescription == null ? null : newDescription;
        return new MenuItem(original.id(), original.productId(), original.externalId(), newCaption, keptDescription,
                original.allergens(), original.alcohol(), profiles, overrides(original.availabilityOverrides()),
                original.modifierIds(), newCost);
    }

    /**
     * The dine-in price is the one the editor shows; the other dispatch types follow it where they had the same
     * price before (the usual case), and keep their own price where the menu priced them differently.
     */
    private static PricingProfile repriced(PricingProfile p, BigDecimal newPrice) {
        BigDecimal old = p.dineInPrice();
        if (newPrice.equals(old)) {
            return p;
        }
        return new PricingProfile(p.priceBandId(), follow(p.collectionPrice(), old, newPrice),
                follow(p.deliveryPrice(), old, newPrice), newPrice, follow(p.takeawayPrice(), old, newPrice),
                p.collectionTax(), p.deliveryTax(), p.dineInTax(), p.takeawayTax(),
                follow(p.taxablePrice(), old, newPrice), p.taxable());
    }

    private static BigDecimal follow(BigDecimal value, BigDecimal old, BigDecimal newPrice) {
        return value == null || old == null || value.compareTo(old) == 0 ? newPrice : value;
    }

    /** "Off the menu" is one all-day "not available" rule per weekday, first so no other rule overrides it. */
    private List<AvailabilityOverride> overrides(List<AvailabilityOverride> before) {
        List<AvailabilityOverride> kept = before == null ? List.of() : before;
        if (available.get() == !offEveryDay(kept)) {
            return kept;
        }
        List<AvailabilityOverride> out = new ArrayList<>();
        if (!available.get()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                out.add(new AvailabilityOverride(day.name(), "00:00", null, false));
            }
        }
        kept.stream().filter(o -> !isAllDayOff(o)).forEach(out::add);
        return out;
    }

    static boolean offEveryDay(List<AvailabilityOverride> overrides) {
        if (overrides == null) {
            return false;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (overrides.stream().noneMatch(o -> isAllDayOff(o) && day.name().equalsIgnoreCase(o.dayOfWeek()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllDayOff(AvailabilityOverride o) {
        return Boolean.FALSE.equals(o.available()) && o.dayOfWeek() != null
                && (o.startTime() == null || "00:00".equals(o.startTime())) && o.endTime() == null;
    }

    private BigDecimal number(String text, String what, List<String> problems) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (t.isEmpty()) {
            problems.add(TEXTS.enterAnAmount(what));
            return null;
        }
        // A minus sign passes, so that the server's own rule (prices zero or more) answers at the field.
        if (!Money.isPlainNumber(t.startsWith("-") ? t.substring(1) : t)) {
            problems.add(TEXTS.notAnAmount(what, text.strip()));
            return null;
        }
        return new BigDecimal(t);
    }

    private static PricingProfile firstProfile(MenuItem item) {
        return item.pricingProfiles() == null || item.pricingProfiles().isEmpty() ? null
                : item.pricingProfiles().get(0);
    }

    /** The item it started from, or null for a new item. */
    public MenuItem original() {
        return original;
    }

    public String categoryId() {
        return categoryId;
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty priceProperty() {
        return price;
    }

    public StringProperty costProperty() {
        return cost;
    }

    public BooleanProperty availableProperty() {
        return available;
    }

    /** Empty, or what is wrong with this item (from the server's validation or the typed text). */
    public StringProperty errorProperty() {
        return error;
    }
}
