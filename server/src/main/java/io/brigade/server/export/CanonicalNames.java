package io.brigade.server.export;

import static io.brigade.server.menus.Catalog.nonNull;

import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.server.menus.Catalog;
import java.util.HashMap;
import java.util.Map;

/**
 * Catalogue names for one menu revision: an item's caption and the caption of the category holding it;
 * for a modifier option, its caption and the caption of its modifier group.
 */
final class CanonicalNames {
    /** A resolved name and category (both empty when the revision does not hold the id). */
    record Name(String name, String category, String kind) {
    }

    private final Map<String, Name> names = new HashMap<>();

    CanonicalNames(Catalog catalog) {
        for (ModifierGroup g : nonNull(catalog.content().modifiers())) {
            for (MenuItem option : nonNull(g.items())) {
                names.put(option.id(), new Name(option.caption(), g.caption(), "modifier"));
            }
        }
        for (Category cat : nonNull(catalog.content().categories())) {
            for (MenuItem item : nonNull(cat.items())) {
                names.put(item.id(), new Name(item.caption(), cat.caption(), "item"));
            }
        }
    }

    Name of(String menuItemId) {
        Name n = names.get(menuItemId);
        return n == null ? new Name("", "", "unknown") : n;
    }
}
