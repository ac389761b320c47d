package io.brigade.server.menus;

import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuHeader;
import io.brigade.protocol.menus.MenuItem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The menus an org has published to its sales channels, each at its current published revision. */
public final class PublishedMenus {
    private final MenuRepository menus;
    private final MenuService menuService;

    public PublishedMenus(MenuRepository menus, MenuService menuService) {
        this.menus = menus;
        this.menuService = menuService;
    }

    /** A published menu: its header and its current published revision. */
    public record Published(MenuHeader header, Catalog catalog) {
    }

    /** An item of a published menu with the menu and category it is sold in. */
    public record Located(Published menu, Category category, MenuItem item) {
    }

    public List<Published> all(Connection c, String orgId) throws SQLException {
        List<Published> out = new ArrayList<>();
        for (MenuHeader header : menus.headers(c, orgId)) {
            if (header.publishedRevisionId() == null) {
                continue;
            }
            menuService.catalog(c, orgId, header.menuId(), header.publishedRevisionId())
                    .ifPresent(catalog -> out.add(new Published(header, catalog)));
        }
        return out;
    }

    public Optional<Published> menu(Connection c, String orgId, String menuId) throws SQLException {
        return all(c, orgId).stream().filter(p -> p.header().menuId().equals(menuId)).findFirst();
    }

    /** Every item of every published menu, in menu and category order. */
    public List<Located> items(Connection c, String orgId) throws SQLException {
        List<Located> out = new ArrayList<>();
        for (Published menu : all(c, orgId)) {
            for (Category category : Catalog.nonNull(menu.catalog().content().categories())) {
                for (MenuItem item : Catalog.nonNull(category.items())) {
                    out.add(new Located(menu, category, item));
                }
            }
        }
        return out;
    }

    public Optional<Located> item(Connection c, String orgId, String menuItemId) throws SQLException {
        return items(c, orgId).stream().filter(l -> l.item().id().equals(menuItemId)).findFirst();
    }
}
