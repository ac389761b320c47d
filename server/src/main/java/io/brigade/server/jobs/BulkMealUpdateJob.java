package io.brigade.server.jobs;

import static io.brigade.server.menus.Catalog.nonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.protocol.menus.AvailabilityOverride;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuCreated;
import io.brigade.protocol.menus.MenuHeader;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.server.db.Database;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.menus.MenuService;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bulk-meal-update}: price and availability changes across many items of one menu, applied to
 * its latest revision to make a new revision (revisions are immutable; sales keep pointing at theirs),
 * optionally published to the channels the menu is current on.
 *
 * <p>A change names an item by {@code menuItemId} or {@code productId} and sets {@code price} (every
 * price of every pricing profile), and/or {@code available}: false replaces the item's availability
 * rules with an all-day "unavailable" rule for each day of the week; true removes its rules.
 */
public final class BulkMealUpdateJob implements JobHandler {
    private static final int MAX_CHANGES = 5_000;

    private final Database database;
    private final MenuRepository menuRepository;
    private final MenuService menus;
    private final ChannelMenuRepository channelMenus;

    public BulkMealUpdateJob(Database database, MenuRepository menuRepository, MenuService menus,
                             ChannelMenuRepository channelMenus) {
        this.database = database;
        this.menuRepository = menuRepository;
        this.menus = menus;
        this.channelMenus = channelMenus;
    }

    /** One item's change. */
    record Change(String itemKey, BigDecimal price, Boolean available) {
    }

    @Override
    public String type() {
        return "bulk-meal-update";
    }

    @Override
    public JsonNode validate(String orgId, Params p) {
        p.allowOnly(Set.of("menuId", "changes", "publish"));
        String menuId = p.string("menuId", true);
        p.bool("publish");
        List<JsonNode> changes = p.objects("changes", true);
        if (p.node().has("changes") && changes.isEmpty() && p.validation().isEmpty()) {
            p.error("changes", "name at least one item to change");
        }
        if (changes.size() > MAX_CHANGES) {
            p.error("changes", "at most " + MAX_CHANGES + " changes per job");
        }
        MenuContent latest = menuId == null ? null : menus.latestContent(orgId, menuId).orElse(null);
        if (menuId != null && latest == null) {
            p.error("menuId", "no menu " + menuId + " with a revision in this org");
        }
        Set<String> known = latest == null ? Set.of() : itemKeys(latest);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            JsonNode ch = changes.get(i);
            String path = "changes[" + i + "]";
            String id = itemKey(ch);
            if (id == null) {
                p.error(path + ".menuItemId", "name the item by menuItemId or productId");
            } else if (latest != null && !known.contains(id)) {
                p.error(path + ".menuItemId", "no item " + id + " in the latest revision of menu " + menuId);
            } else if (!seen.add(id)) {
                p.error(path + ".menuItemId", "item " + id + " is changed twice");
            }
            BigDecimal price = p.money("price", ch, path + ".price");
            JsonNode available = ch.get("available");
            if (available != null && !available.isBoolean()) {
                p.error(path + ".available", "must be true or false");
            }
            if (!ch.hasNonNull("price") && available == null) {
                p.error(path, "set price and/or available");
            }
            ch.fieldNames().forEachRemaining(f -> {
                if (!Set.of("menuItemId", "productId", "price", "available").contains(f)) {
                    p.error(path + "." + f, "is not a field of a change (menuItemId, productId, price, available)");
                }
            });
        }
        return p.object();
    }

    /** The item a change names: its menuItemId when that is text, else its productId; null when neither. */
    private static String itemKey(JsonNode change) {
        return change.path("menuItemId").isTextual() ? change.get("menuItemId").asText()
                : change.path("productId").isTextual() ? change.get("productId").asText() : null;
    }

    @Override
    public JsonNode run(JobContext ctx) {
        JsonNode params = ctx.parameters();
        String menuId = params.get("menuId").asText();
        boolean publish = params.path("publish").asBoolean(false);
        Map<String, Change> changes = new HashMap<>();
        for (JsonNode ch : params.get("changes")) {
            String key = itemKey(ch);
            BigDecimal price = ch.hasNonNull("price") ? cents(ch.get("price").decimalValue()) : null;
            Boolean available = ch.hasNonNull("available") ? ch.get("available").asBoolean() : null;
            changes.put(key, new Change(key, price, available));
        }
        Long revisionId = ctx.checkpoint() == null || !ctx.checkpoint().has("revisionId") ? null
                : ctx.checkpoint().get("revisionId").asLong();
        int itemsChanged = ctx.checkpoint() == null ? 0 : ctx.checkpoint().path("itemsChanged").asInt();
        if (revisionId == null) {
            MenuContent latest = menus.latestContent(ctx.orgId(), menuId)
                    .orElseThrow(() -> new JobFailure("menu " + menuId + " no longer has a revision"));
            int[] counter = {0};
            MenuContent updated = apply(latest, changes, counter);
            itemsChanged = counter[0];
            ctx.progress(40);
            if (updated.equals(latest)) {
                // Nothing differs (already applied by an earlier attempt, or no-op changes): no new revision.
                revisionId = latestRevision(ctx.orgId(), menuId);
            } else {
                MenuCreated created = menus.createRevision(ctx.orgId(), menuId, updated);
                revisionId = created.revisionId();
            }
            ObjectNode cp = JsonNodeFactory.instance.objectNode();
            cp.put("revisionId", revisionId);
            cp.put("itemsChanged", itemsChanged);
            ctx.progress(70, cp);
        }
        ArrayNode publishedTo = JsonNodeFactory.instance.arrayNode();
        if (publish) {
            List<String> channels = new ArrayList<>();
            database.read(c -> channelMenus.current(c, ctx.orgId())).stream()
                    .filter(r -> r.menuId().equals(menuId)).forEach(r -> channels.addAll(r.salesChannelIds()));
            if (!channels.isEmpty()) {
                menus.publish(ctx.orgId(), menuId, revisionId, channels);
                channels.forEach(publishedTo::add);
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("menuId", menuId);
        result.put("revisionId", revisionId);
        result.put("itemsChanged", itemsChanged);
        result.set("publishedTo", publishedTo);
        return result;
    }

    static MenuContent apply(MenuContent m, Map<String, Change> changes, int[] counter) {
        List<Category> categories = new ArrayList<>();
        for (Category cat : nonNull(m.categories())) {
            categories.add(new Category(cat.id(), cat.caption(), cat.description(),
                    nonNull(cat.items()).stream().map(i -> change(i, changes, counter)).toList()));
        }
        List<ModifierGroup> groups = new ArrayList<>();
        for (ModifierGroup g : nonNull(m.modifiers())) {
            groups.add(new ModifierGroup(g.id(), g.caption(), g.min(), g.max(),
                    nonNull(g.items()).stream().map(i -> change(i, changes, counter)).toList()));
        }
        return new MenuContent(m.name(), m.currency(), m.categoryGroups(), categories, groups, m.charges());
    }

    private static MenuItem change(MenuItem item, Map<String, Change> changes, int[] counter) {
        Change ch = changes.containsKey(item.id()) ? changes.get(item.id()) : changes.get(item.productId());
        if (ch == null) {
            return item;
        }
        counter[0]++;
        List<PricingProfile> profiles = item.pricingProfiles();
        if (ch.price() != null) {
            BigDecimal p = ch.price();
            profiles = nonNull(profiles).stream().map(pp -> new PricingProfile(pp.priceBandId(), p, p, p, p,
                    pp.collectionTax(), pp.deliveryTax(), pp.dineInTax(), pp.takeawayTax(), pp.taxablePrice(),
                    pp.taxable())).toList();
        }
        List<AvailabilityOverride> overrides = item.availabilityOverrides();
        if (Boolean.FALSE.equals(ch.available())) {
            overrides = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                String day = d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT);
                overrides.add(new AvailabilityOverride(day, null, null, false));
            }
        } else if (Boolean.TRUE.equals(ch.available())) {
            overrides = List.of();
        }
        return new MenuItem(item.id(), item.productId(), item.externalId(), item.caption(), item.description(),
                item.allergens(), item.alcohol(), profiles, overrides, item.modifierIds(), item.ingredientCost());
    }


    private long latestRevision(String orgId, String menuId) {
        return database.read(c -> menuRepository.headers(c, orgId).stream().filter(h -> h.menuId().equals(menuId))
                .findFirst().map(MenuHeader::latestRevisionId).orElseThrow());
    }

    static Set<String> itemKeys(MenuContent m) {
        Set<String> keys = new HashSet<>();
        for (Category cat : nonNull(m.categories())) {
            for (MenuItem i : nonNull(cat.items())) {
                keys.add(i.id());
                keys.add(i.productId());
            }
        }
        for (ModifierGroup g : nonNull(m.modifiers())) {
            for (MenuItem i : nonNull(g.items())) {
                keys.add(i.id());
                keys.add(i.productId());
            }
        }
        return keys;
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.scale() < 2 ? v.setScale(2) : v;
    }
}
