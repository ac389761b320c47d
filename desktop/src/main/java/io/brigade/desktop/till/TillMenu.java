package io.brigade.desktop.till;

import io.brigade.protocol.menus.AvailabilityOverride;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.sales.DispatchType;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One cached menu revision priced for one dispatch type at one moment: what the till's buttons show. */
public final class TillMenu {
    /** A category tab and its buttons. */
    public record Tab(String id, String caption, List<PricedItem> items) {
    }

    /** The most items a search answers: a till shows buttons, and a 100,000-item menu has thousands of "a". */
    public static final int MAX_SEARCH_RESULTS = 200;

    private final MenuRevision revision;
    private final List<Tab> tabs;
    private final Map<String, MenuItem> modifierItems = new HashMap<>();
    private final Map<String, PricedItem> byId;
    // Every item in menu order with its caption in lower case, made once: a search is one pass over plain strings.
    private final PricedItem[] all;
    private final String[] lowerCaptions;

    private TillMenu(MenuRevision revision, DispatchType dispatch, ZonedDateTime now) {
        this.revision = revision;
        Map<String, ModifierGroup> groups = new HashMap<>();
        for (ModifierGroup g : nonNull(revision.menu().modifiers())) {
            groups.put(g.id(), g);
            nonNull(g.items()).forEach(i -> modifierItems.put(i.id(), i));
        }
        // A 100,000-item menu is priced here when the till opens and at each switch of dine-in and takeaway: plain
        // loops, and each availability rule's times read once per distinct text.
        Availability availability = new Availability(now);
        List<Tab> out = new ArrayList<>();
        List<PricedItem> flat = new ArrayList<>();
        for (Category c : nonNull(revision.menu().categories())) {
            List<MenuItem> categoryItems = nonNull(c.items());
            List<PricedItem> items = new ArrayList<>(categoryItems.size());
            for (MenuItem i : categoryItems) {
                List<String> ids = nonNull(i.modifierIds());
                List<ModifierGroup> itemGroups = new ArrayList<>(ids.size());
                for (String id : ids) {
                    ModifierGroup g = groups.get(id);
                    if (g != null) {
                        itemGroups.add(g);
                    }
                }
                items.add(new PricedItem(i, price(i, dispatch), availability.of(i),
                        Collections.unmodifiableList(itemGroups)));
            }
            out.add(new Tab(c.id(), c.caption(), Collections.unmodifiableList(items)));
            flat.addAll(items);
        }
        this.tabs = List.copyOf(out);
        this.all = flat.toArray(new PricedItem[0]);
        this.byId = new HashMap<>(all.length * 4 / 3 + 16);
        for (PricedItem item : all) {
            byId.putIfAbsent(item.id(), item);
        }
        this.lowerCaptions = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            String caption = all[i].caption();
            lowerCaptions[i] = caption == null ? "" : caption.toLowerCase(Locale.ROOT);
        }
    }

    public static TillMenu of(MenuRevision revision, DispatchType dispatch, ZonedDateTime now) {
        return new TillMenu(revision, dispatch, now);
    }

    public List<Tab> tabs() {
        return tabs;
    }

    public String menuId() {
        return revision.menuId();
    }

    public long revisionId() {
        return revision.revisionId();
    }

    public String currency() {
        return revision.menu().currency();
    }

    /**
     * Items whose caption contains {@code text}, ignoring case, in menu order; the search box's answer, at most
     * {@link #MAX_SEARCH_RESULTS} of them.
     */
    public List<PricedItem> search(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        List<PricedItem> found = new ArrayList<>();
        for (int i = 0; i < all.length && found.size() < MAX_SEARCH_RESULTS; i++) {
            if (lowerCaptions[i].contains(needle)) {
                found.add(all[i]);
            }
        }
        return found;
    }

    public Optional<PricedItem> item(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** How many items the menu has (in all its tabs). */
    public int size() {
        return all.length;
    }

    /** The price of a modifier option for the same dispatch type. */
    public BigDecimal modifierPrice(MenuItem option, DispatchType dispatch) {
        return price(option, dispatch);
    }

    /** The first price band's price for the dispatch type; a missing price falls back to the dine-in one. */
    static BigDecimal price(MenuItem item, DispatchType dispatch) {
        List<PricingProfile> profiles = nonNull(item.pricingProfiles());
        if (profiles.isEmpty()) {
            return BigDecimal.ZERO;
        }
        PricingProfile p = profiles.get(0);
        BigDecimal price = switch (dispatch) {
            case DineIn -> p.dineInPrice();
            case TakeAway -> p.takeawayPrice();
            case Collection -> p.collectionPrice();
            case Delivery -> p.deliveryPrice();
        };
        if (price == null) {
            price = p.dineInPrice() != null ? p.dineInPrice() : BigDecimal.ZERO;
        }
        return price;
    }

    /** An item is unavailable when an override for today's day covers the current time and says so. */
    static boolean availableAt(MenuItem item, ZonedDateTime now) {
        return new Availability(now).of(item);
    }

    /** Availability rules read against one moment; a rule's time texts are parsed once however many items share them. */
    private static final class Availability {
        private final DayOfWeek today;
        private final LocalTime time;
        private final Map<String, Optional<LocalTime>> times = new HashMap<>();

        Availability(ZonedDateTime now) {
            this.today = now.getDayOfWeek();
            this.time = now.toLocalTime();
        }

        boolean of(MenuItem item) {
            for (AvailabilityOverride o : nonNull(item.availabilityOverrides())) {
                // Another day's rule, or a day we cannot read, does not apply (a rule we cannot read must not
                // hide an item); the day is compared before any time is parsed.
                if (o.available() == null || o.dayOfWeek() == null
                        || !o.dayOfWeek().strip().equalsIgnoreCase(today.name())) {
                    continue;
                }
                Optional<LocalTime> start = o.startTime() == null ? Optional.of(LocalTime.MIN) : parsed(o.startTime());
                Optional<LocalTime> end = o.endTime() == null ? Optional.of(LocalTime.MAX) : parsed(o.endTime());
                if (start.isEmpty() || end.isEmpty()) {
                    continue;
                }
                if (!time.isBefore(start.get()) && time.isBefore(end.get())) {
                    return o.available();
                }
            }
            return true;
        }

        private Optional<LocalTime> parsed(String text) {
            return times.computeIfAbsent(text, t -> {
                try {
                    return Optional.of(LocalTime.parse(t));
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            });
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
