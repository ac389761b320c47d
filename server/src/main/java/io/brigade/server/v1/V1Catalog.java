package io.brigade.server.v1;

import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.v1.V1Shapes;
import io.brigade.server.db.Database;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.inventory.StockRepository;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.PublishedMenus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Meals, categories and menus of the v1 API, read from the org's published menus and its stock. */
public final class V1Catalog {
    private final Database database;
    private final PublishedMenus menus;
    private final StockRepository stock;

    public V1Catalog(Database database, PublishedMenus menus, StockRepository stock) {
        this.database = database;
        this.menus = menus;
        this.stock = stock;
    }

    public List<V1Shapes.Meal> meals(String orgId, String categoryId) {
        return database.read(c -> {
            Map<String, Integer> levels = levels(c, orgId);
            List<V1Shapes.Meal> out = new ArrayList<>();
            for (PublishedMenus.Located l : menus.items(c, orgId)) {
                if (categoryId == null || categoryId.equals(l.category().id())) {
                    out.add(meal(l.menu(), l.category(), l.item(), levels));
                }
            }
            return out;
        });
    }

    public V1Shapes.Meal meal(String orgId, String mealId) {
        return database.read(c -> {
            PublishedMenus.Located l = menus.item(c, orgId, mealId)
                    .orElseThrow(() -> new NotFoundException("meal " + mealId));
            return meal(l.menu(), l.category(), l.item(), levels(c, orgId));
        });
    }

    public List<V1Shapes.CategoryView> categories(String orgId) {
        return database.read(c -> {
            List<V1Shapes.CategoryView> out = new ArrayList<>();
            for (PublishedMenus.Published menu : menus.all(c, orgId)) {
                for (Category cat : Catalog.nonNull(menu.catalog().content().categories())) {
                    out.add(new V1Shapes.CategoryView(cat.id(), cat.caption(), cat.description(),
                            menu.header().menuId(), Catalog.nonNull(cat.items()).size()));
                }
            }
            return out;
        });
    }

    public List<V1Shapes.MenuSummary> menus(String orgId) {
        return database.read(c -> menus.all(c, orgId).stream().map(m -> new V1Shapes.MenuSummary(m.header().menuId(),
                m.header().name(), m.header().currency(), m.header().publishedRevisionId(),
                m.header().publishedSalesChannelIds(), m.header().updatedAt())).toList());
    }

    public V1Shapes.MenuDetail menu(String orgId, String menuId) {
        return database.read(c -> {
            PublishedMenus.Published m = menus.menu(c, orgId, menuId)
                    .orElseThrow(() -> new NotFoundException("menu " + menuId));
            Map<String, Integer> levels = levels(c, orgId);
            List<V1Shapes.MenuCategory> categories = new ArrayList<>();
            for (Category cat : Catalog.nonNull(m.catalog().content().categories())) {
                categories.add(new V1Shapes.MenuCategory(cat.id(), cat.caption(), cat.description(),
                        Catalog.nonNull(cat.items()).stream().map(i -> meal(m, cat, i, levels)).toList()));
            }
            return new V1Shapes.MenuDetail(menuId, m.header().name(), m.header().currency(),
                    m.header().publishedRevisionId(), m.header().publishedSalesChannelIds(), m.header().updatedAt(),
                    categories);
        });
    }

    private Map<String, Integer> levels(Connection c, String orgId) throws SQLException {
        Map<String, Integer> levels = new HashMap<>();
        stock.levels(c, orgId).forEach(l -> levels.put(l.menuItemId(), l.quantity()));
        return levels;
    }

    private static V1Shapes.Meal meal(PublishedMenus.Published menu, Category category, MenuItem item,
                                      Map<String, Integer> levels) {
        List<V1Shapes.OptionGroup> groups = new ArrayList<>();
        for (String groupId : Catalog.nonNull(item.modifierIds())) {
            ModifierGroup group = menu.catalog().group(groupId);
            if (group != null) {
                groups.add(new V1Shapes.OptionGroup(group.id(), group.caption(), group.min(), group.max(),
                        Catalog.nonNull(group.items()).stream()
                                .map(o -> new V1Shapes.Option(o.id(), o.caption(), prices(o))).toList()));
            }
        }
        Integer level = levels.get(item.id());
        return new V1Shapes.Meal(item.id(), item.caption(), item.description(), category.id(), category.caption(),
                menu.header().menuId(), menu.header().publishedRevisionId(), prices(item), item.allergens(),
                item.alcohol(), groups, level == null || level > 0, level);
    }

    private static V1Shapes.Prices prices(MenuItem item) {
        List<PricingProfile> profiles = Catalog.nonNull(item.pricingProfiles());
        if (profiles.isEmpty()) {
            return new V1Shapes.Prices(null, null, null, null);
        }
        PricingProfile p = profiles.get(0);
        return new V1Shapes.Prices(p.dineInPrice(), p.takeawayPrice(), p.collectionPrice(), p.deliveryPrice());
    }
}
