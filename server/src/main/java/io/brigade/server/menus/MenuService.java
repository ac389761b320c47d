package io.brigade.server.menus;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.AvailabilityOverride;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.CategoryGroup;
import io.brigade.protocol.menus.MenuCharge;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuCreated;
import io.brigade.protocol.menus.MenuHeader;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.menus.Publication;
import io.brigade.server.Ids;
import io.brigade.server.db.Database;
import io.brigade.server.domain.Bounds;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.http.Reply;
import io.brigade.server.org.OrgRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Menus: drafts become immutable numbered revisions, which are published to sales channels. */
public final class MenuService {
    private static final int MAX_CACHED_REVISIONS = 2_000;
    private static final long MAX_CACHED_ITEMS = 250_000;

    /**
     * Sizes a menu's text must fit (MenuColumnSizesTest compares them with the database): its name (menus.name),
     * and the ids and captions of its items, categories and modifier groups, which a sale and its rollups store
     * (sale_items.menu_item_id, menu_item_nutrition.product_id, analytics_items_day.caption).
     */
    static final int NAME = 200;
    static final int ID = 36;
    static final int CAPTION = 200;

    private final Database database;
    private final MenuRepository repository;
    private final OrgRepository orgs;
    private final Clock clock;
    // Revisions never change once written, so a parsed revision can be cached without invalidation. The cache
    // is bounded by items, not revisions: one 100,000-item menu weighs as much as a thousand small ones.
    private final Cache<String, Catalog> catalogs = Caffeine.newBuilder().maximumWeight(MAX_CACHED_ITEMS)
            .weigher((String key, Catalog catalog) -> Math.max(1, catalog.size())).build();
    private final Set<String> published = ConcurrentHashMap.newKeySet();

    private final List<MenuPublishObserver> publishObservers;
    private final Consumer<String> afterPublish;

    public MenuService(Database database, MenuRepository repository, OrgRepository orgs, Clock clock) {
        this(database, repository, orgs, clock, List.of(), orgId -> { });
    }

    /** {@code afterPublish} hears the org's id once a publication has committed (the v1 cache, the dispatcher). */
    public MenuService(Database database, MenuRepository repository, OrgRepository orgs, Clock clock,
                       List<MenuPublishObserver> publishObservers, Consumer<String> afterPublish) {
        this.database = database;
        this.repository = repository;
        this.orgs = orgs;
        this.clock = clock;
        this.publishObservers = List.copyOf(publishObservers);
        this.afterPublish = afterPublish;
    }

    /** Creates a menu; when the body has categories it also becomes revision 1. */
    public MenuCreated createMenu(String orgId, MenuContent request) {
        MenuContent content = normalise(request);
        String menuId = Ids.uuid();
        Instant now = clock.instant();
        boolean hasItems = !Catalog.nonNull(content.categories()).isEmpty();
        // Compressed before the transaction: the snapshot holds the menu only, not its ids or time.
        byte[] snapshot = hasItems ? MenuSnapshot.encode(content) : null;
        return database.inTransaction(c -> {
            repository.insertMenu(c, menuId, orgId, content.name(), content.currency(), hasItems ? null
                    : json(content), now);
            if (hasItems) {
                repository.insertRevision(c, orgId, menuId, 1, content.name(), content.currency(), snapshot,
                        itemCount(content), now);
                return new MenuCreated(menuId, 1L);
            }
            return new MenuCreated(menuId, null);
        });
    }

    /**
     * Snapshots {@code request} as the next revision; when null, the latest revision is copied (inside the
     * database), or, for a menu without one, its stored draft.
     */
    public MenuCreated createRevision(String orgId, String menuId, MenuContent request) {
        // Another org's menu is "not found" before its body is judged: a refusal must not tell that it exists.
        if (!database.read(c -> repository.menuExists(c, orgId, menuId))) {
            throw new NotFoundException("menu " + menuId);
        }
        MenuContent content = request == null ? null : normalise(requireCategories(request));
        byte[] snapshot = content == null ? null : MenuSnapshot.encode(content);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            long latest = repository.lockLatestRevision(c, orgId, menuId)
                    .orElseThrow(() -> new NotFoundException("menu " + menuId));
            long next = latest + 1;
            if (content != null) {
                repository.insertRevision(c, orgId, menuId, next, content.name(), content.currency(), snapshot,
                        itemCount(content), now);
            } else if (latest > 0) {
                repository.copyRevision(c, menuId, latest, next, now);
            } else {
                String draft = repository.draft(c, orgId, menuId).orElse(null);
                MenuContent fromDraft = normalise(requireCategories(draft == null ? null : parse(draft)));
                repository.insertRevision(c, orgId, menuId, next, fromDraft.name(), fromDraft.currency(),
                        MenuSnapshot.encode(fromDraft), itemCount(fromDraft), now);
            }
            return new MenuCreated(menuId, next);
        });
    }

    private static MenuContent requireCategories(MenuContent source) {
        if (source == null || Catalog.nonNull(source.categories()).isEmpty()) {
            throw InvalidInputException.unprocessable("categories",
                    "a revision needs at least one category with items");
        }
        return source;
    }

    private static int itemCount(MenuContent content) {
        int n = 0;
        for (Category category : Catalog.nonNull(content.categories())) {
            n += Catalog.nonNull(category.items()).size();
        }
        return n;
    }

    /**
     * Publishes a revision to channels. The revision is not opened: the webhook event refers to it and the
     * dispatcher streams its snapshot when it posts, so a 100,000-item menu publishes as fast as a small one.
     */
    public List<Publication> publish(String orgId, String menuId, long revisionId, List<String> salesChannelIds) {
        Validation v = new Validation();
        if (salesChannelIds == null || salesChannelIds.isEmpty()) {
            v.error("salesChannelIds", "name at least one sales channel");
        }
        v.throwIfMalformed();
        Instant now = clock.instant();
        List<Publication> publications = database.inTransaction(c -> {
            MenuRepository.RevisionHeader published = revisionHeader(c, orgId, menuId, revisionId);
            List<Publication> out = new ArrayList<>();
            Validation unknown = new Validation();
            for (int i = 0; i < salesChannelIds.size(); i++) {
                String channelId = salesChannelIds.get(i);
                if (channelId == null || orgs.findChannel(c, orgId, channelId).isEmpty()) {
                    unknown.error("salesChannelIds[" + i + "]", "no sales channel " + channelId + " in this org");
                }
            }
            unknown.throwIfUnprocessable();
            for (String channelId : new LinkedHashSet<>(salesChannelIds)) {
                Publication p = new Publication(Ids.uuid(), menuId, revisionId, channelId, now);
                repository.insertPublication(c, orgId, p);
                for (MenuPublishObserver observer : publishObservers) {
                    observer.published(c, orgId, p, published);
                }
                out.add(p);
            }
            return out;
        });
        afterPublish.accept(orgId);
        return publications;
    }

    /** A revision's header; its name and currency are read from the snapshot for revisions stored before. */
    private MenuRepository.RevisionHeader revisionHeader(Connection c, String orgId, String menuId, long revisionId)
            throws SQLException {
        MenuRepository.RevisionHeader header = repository.findRevisionHeader(c, orgId, menuId, revisionId)
                .orElseThrow(() -> new NotFoundException("revision " + revisionId + " of menu " + menuId));
        if (header.currency() != null) {
            return header;
        }
        MenuContent content = revision(c, orgId, menuId, revisionId).menu();
        return new MenuRepository.RevisionHeader(menuId, revisionId, header.createdAt(), content.name(),
                content.currency());
    }

    /** The content of the menu's newest revision; empty if the org has no such menu or it has no revision yet. */
    public Optional<MenuContent> latestContent(String orgId, String menuId) {
        return database.read(c -> {
            Optional<MenuHeader> header = repository.headers(c, orgId).stream()
                    .filter(h -> h.menuId().equals(menuId) && h.latestRevisionId() != null).findFirst();
            if (header.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(revision(c, orgId, menuId, header.get().latestRevisionId()).menu());
        });
    }

    /** A revision parsed whole (jobs that edit a menu); the API streams revisions instead ({@link #revisionBody}). */
    public MenuRevision revision(Connection c, String orgId, String menuId, long revisionId) throws SQLException {
        MenuRepository.RevisionRow row = stored(c, orgId, menuId, revisionId);
        return new MenuRevision(row.menuId(), row.revisionId(), row.createdAt(), row.snapshot().parse());
    }

    private MenuRepository.RevisionRow stored(Connection c, String orgId, String menuId, long revisionId)
            throws SQLException {
        return repository.findRevision(c, orgId, menuId, revisionId)
                .orElseThrow(() -> new NotFoundException("revision " + revisionId + " of menu " + menuId));
    }

    /**
     * A revision as the API answers it ({@code {"data": MenuRevision}}), written from its compressed snapshot
     * as the response goes out: the menu is never parsed, and only its compressed bytes are held.
     */
    public Reply.Streamed revisionBody(String orgId, String menuId, long revisionId) {
        MenuRepository.RevisionRow row = database.read(c -> stored(c, orgId, menuId, revisionId));
        return out -> row.snapshot().writeRevision(row.menuId(), row.revisionId(), row.createdAt(), out);
    }

    /** The current published revision of a menu, as {@link #revisionBody} writes it. */
    public Reply.Streamed currentBody(String orgId, String menuId) {
        MenuRepository.RevisionRow row = database.read(c -> currentRow(c, orgId, menuId));
        return out -> row.snapshot().writeRevision(row.menuId(), row.revisionId(), row.createdAt(), out);
    }

    /** The current published revision of a menu, parsed whole (tools and benchmarks that work on its content). */
    public MenuRevision current(String orgId, String menuId) {
        MenuRepository.RevisionRow row = database.read(c -> currentRow(c, orgId, menuId));
        return new MenuRevision(row.menuId(), row.revisionId(), row.createdAt(), row.snapshot().parse());
    }

    private MenuRepository.RevisionRow currentRow(Connection c, String orgId, String menuId) throws SQLException {
        if (!repository.menuExists(c, orgId, menuId)) {
            throw new NotFoundException("menu " + menuId);
        }
        long revisionId = repository.currentRevision(c, orgId, menuId)
                .orElseThrow(() -> new NotFoundException("a published revision of menu " + menuId));
        return stored(c, orgId, menuId, revisionId);
    }

    /** Writes a revision's menu JSON (the webhook's {@code menu}); false when there is no such revision. */
    public boolean writeMenu(String menuId, long revisionId, java.io.OutputStream out) throws java.io.IOException {
        Optional<MenuSnapshot> snapshot = database.read(c -> repository.findSnapshot(c, menuId, revisionId));
        if (snapshot.isEmpty()) {
            return false;
        }
        snapshot.get().writeTo(out);
        return true;
    }

    /** The parsed revision a sale was rung against, or empty if it does not exist in this org. */
    public Optional<Catalog> catalog(Connection c, String orgId, String menuId, long revisionId) throws SQLException {
        String key = orgId + '/' + menuId + '/' + revisionId;
        Catalog cached = catalogs.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<MenuRepository.RevisionRow> row = repository.findRevision(c, orgId, menuId, revisionId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Catalog catalog = new Catalog(row.get().snapshot().parse());
        catalogs.put(key, catalog);
        return Optional.of(catalog);
    }

    /**
     * True when some revision of the menu was ever published to the channel. Publications are never
     * deleted, so a yes is remembered.
     */
    public boolean wasPublishedTo(Connection c, String menuId, String salesChannelId) throws SQLException {
        String key = menuId + '/' + salesChannelId;
        if (published.contains(key)) {
            return true;
        }
        boolean yes = repository.wasPublishedTo(c, menuId, salesChannelId);
        if (yes) {
            if (published.size() >= MAX_CACHED_REVISIONS * 10) {
                published.clear();
            }
            published.add(key);
        }
        return yes;
    }

    /** Checks a menu body and fills in ids the client left out. */
    MenuContent normalise(MenuContent m) {
        Validation v = new Validation();
        v.require(m.name(), "name");
        String currency = m.currency() == null ? "EUR" : m.currency();
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            v.error("currency", "must be an ISO 4217 currency code");
        }
        Set<String> ids = new HashSet<>();
        List<ModifierGroup> groups = new ArrayList<>();
        Set<String> groupIds = new HashSet<>();
        List<ModifierGroup> modifiers = Catalog.nonNull(m.modifiers());
        for (int g = 0; g < modifiers.size(); g++) {
            ModifierGroup group = modifiers.get(g);
            String path = "modifiers[" + g + "]";
            if (group == null) {
                v.error(path, "must not be null");
                continue;
            }
            String id = group.id() == null ? Ids.uuid() : group.id();
            if (v.text(id, ID, path + ".id") && !groupIds.add(id)) {
                v.error(path + ".id", "duplicate modifier group id " + id);
            }
            v.require(group.caption(), path + ".caption");
            v.text(group.caption(), CAPTION, path + ".caption");
            int min = group.min() == null ? 0 : group.min();
            int max = group.max() == null ? Math.max(1, min) : group.max();
            if (min < 0 || max < min || max < 1) {
                v.error(path, "needs 0 <= min <= max and max >= 1 (min " + min + ", max " + max + ")");
            }
            List<MenuItem> options = new ArrayList<>();
            List<MenuItem> groupItems = Catalog.nonNull(group.items());
            if (groupItems.isEmpty()) {
                v.error(path + ".items", "a modifier group needs at least one option");
            }
            for (int i = 0; i < groupItems.size(); i++) {
                options.add(item(groupItems.get(i), path + ".items[" + i + "]", ids, Set.of(), v));
            }
            groups.add(new ModifierGroup(id, group.caption(), min, max, options));
        }
        List<Category> categories = new ArrayList<>();
        List<Category> sourceCategories = Catalog.nonNull(m.categories());
        Set<String> categoryIds = new HashSet<>();
        for (int ci = 0; ci < sourceCategories.size(); ci++) {
            Category cat = sourceCategories.get(ci);
            String path = "categories[" + ci + "]";
            if (cat == null) {
                v.error(path, "must not be null");
                continue;
            }
            v.require(cat.caption(), path + ".caption");
            v.text(cat.caption(), CAPTION, path + ".caption");
            String id = cat.id() == null ? Ids.uuid() : cat.id();
            if (v.text(id, ID, path + ".id") && !categoryIds.add(id)) {
                v.error(path + ".id", "duplicate category id " + id);
            }
            List<MenuItem> items = new ArrayList<>();
            List<MenuItem> catItems = Catalog.nonNull(cat.items());
            for (int i = 0; i < catItems.size(); i++) {
                items.add(item(catItems.get(i), path + ".items[" + i + "]", ids, groupIds, v));
            }
            categories.add(new Category(id, cat.caption(), cat.description(), items));
        }
        List<CategoryGroup> categoryGroups = new ArrayList<>();
        List<CategoryGroup> sourceGroups = Catalog.nonNull(m.categoryGroups());
        for (int i = 0; i < sourceGroups.size(); i++) {
            CategoryGroup cg = sourceGroups.get(i);
            if (cg == null) {
                v.error("categoryGroups[" + i + "]", "must not be null");
                continue;
            }
            for (String categoryId : Catalog.nonNull(cg.categoryIds())) {
                if (!categoryIds.contains(categoryId)) {
                    v.error("categoryGroups[" + i + "].categoryIds", "no category " + categoryId);
                }
            }
            categoryGroups.add(new CategoryGroup(cg.id() == null ? Ids.uuid() : cg.id(), cg.caption(),
                    Catalog.nonNull(cg.categoryIds())));
        }
        List<MenuCharge> charges = new ArrayList<>();
        List<MenuCharge> sourceCharges = Catalog.nonNull(m.charges());
        for (int i = 0; i < sourceCharges.size(); i++) {
            MenuCharge ch = sourceCharges.get(i);
            if (ch == null || ch.amount() == null) {
                v.error("charges[" + i + "].amount", "is required");
                continue;
            }
            if (amount(ch.amount(), "charges[" + i + "].amount", v)) {
                continue;
            }
            charges.add(new MenuCharge(ch.id() == null ? Ids.uuid() : ch.id(), ch.type(), ch.caption(), ch.amount()));
        }
        v.text(m.name() == null ? null : m.name().strip(), NAME, "name");
        v.throwIfUnprocessable();
        return new MenuContent(m.name().strip(), currency, categoryGroups, categories, groups, charges);
    }

    private static MenuItem item(MenuItem item, String path, Set<String> ids, Set<String> groupIds, Validation v) {
        if (item == null) {
            v.error(path, "must not be null");
            return null;
        }
        v.require(item.caption(), path + ".caption");
        v.text(item.caption(), CAPTION, path + ".caption");
        v.text(item.productId(), ID, path + ".productId");
        String id = item.id() == null ? Ids.uuid() : item.id();
        if (v.text(id, ID, path + ".id") && !ids.add(id)) {
            v.error(path + ".id", "duplicate item id " + id);
        }
        List<PricingProfile> profiles = Catalog.nonNull(item.pricingProfiles());
        if (profiles.isEmpty()) {
            v.error(path + ".pricingProfiles", "needs at least one pricing profile");
        }
        for (int p = 0; p < profiles.size(); p++) {
            PricingProfile pp = profiles.get(p);
            String pPath = path + ".pricingProfiles[" + p + "]";
            if (pp == null) {
                v.error(pPath, "must not be null");
                continue;
            }
            String[] names = {"collectionPrice", "deliveryPrice", "dineInPrice", "takeawayPrice", "collectionTax",
                "deliveryTax", "dineInTax", "takeawayTax", "taxablePrice"};
            BigDecimal[] amounts = {pp.collectionPrice(), pp.deliveryPrice(), pp.dineInPrice(), pp.takeawayPrice(),
                pp.collectionTax(), pp.deliveryTax(), pp.dineInTax(), pp.takeawayTax(), pp.taxablePrice()};
            for (int a = 0; a < amounts.length; a++) {
                if (amounts[a] != null) {
                    amount(amounts[a], pPath + "." + names[a], v);
                }
            }
        }
        if (item.ingredientCost() != null) {
            amount(item.ingredientCost(), path + ".ingredientCost", v);
        }
        for (String groupId : Catalog.nonNull(item.modifierIds())) {
            if (!groupIds.contains(groupId)) {
                v.error(path + ".modifierIds", "no modifier group " + groupId);
            }
        }
        List<AvailabilityOverride> overrides = Catalog.nonNull(item.availabilityOverrides());
        return new MenuItem(id, item.productId() == null ? id : item.productId(), item.externalId(), item.caption(),
                item.description(), Catalog.nonNull(item.allergens()), Boolean.TRUE.equals(item.alcohol()), profiles,
                overrides, Catalog.nonNull(item.modifierIds()),
                item.ingredientCost() == null ? BigDecimal.ZERO : item.ingredientCost());
    }

    // True when the amount was refused (a price of 1e12 published would make every order of the item fail).
    private static boolean amount(BigDecimal amount, String field, Validation v) {
        String refusal = Bounds.amount(amount);
        if (refusal != null) {
            v.error(field, refusal);
        }
        return refusal != null;
    }

    static MenuContent parse(String json) {
        try {
            return Json.mapper().readValue(json, MenuContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(MenuContent content) {
        try {
            return Json.mapper().writeValueAsString(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
