package io.brigade.server.menus;

import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A revision indexed for validating sales: which ids are items, which are modifiers, and of which group. */
public final class Catalog {
    private final MenuContent content;
    private final Map<String, MenuItem> items = new HashMap<>();
    private final Map<String, Category> categoryOfItem = new HashMap<>();
    private final Map<String, ModifierGroup> groups = new HashMap<>();
    private final Map<String, ModifierGroup> groupOfModifier = new HashMap<>();

    public Catalog(MenuContent content) {
        this.content = content;
        for (Category category : nonNull(content.categories())) {
            for (MenuItem item : nonNull(category.items())) {
                items.put(item.id(), item);
                categoryOfItem.putIfAbsent(item.id(), category);
            }
        }
        for (ModifierGroup group : nonNull(content.modifiers())) {
            groups.put(group.id(), group);
            for (MenuItem option : nonNull(group.items())) {
                groupOfModifier.put(option.id(), group);
            }
        }
    }

    /** How many items and modifier options the revision has (what a cached catalog weighs). */
    public int size() {
        return items.size() + groupOfModifier.size();
    }

    public MenuContent content() {
        return content;
    }

    public MenuItem item(String id) {
        return items.get(id);
    }

    /** The category an item sits in, or null if the id is not an item of this revision. */
    public Category categoryOf(String itemId) {
        return categoryOfItem.get(itemId);
    }

    public ModifierGroup group(String groupId) {
        return groups.get(groupId);
    }

    /** The modifier group an option belongs to, or null if the id is not a modifier option. */
    public ModifierGroup groupOfModifier(String modifierItemId) {
        return groupOfModifier.get(modifierItemId);
    }

    public MenuItem modifierItem(String id) {
        ModifierGroup group = groupOfModifier.get(id);
        return group == null ? null : group.items().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    public static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
