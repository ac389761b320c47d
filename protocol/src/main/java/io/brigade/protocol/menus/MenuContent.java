package io.brigade.protocol.menus;

import java.util.List;

/** The body of a menu revision: what a customer can order and at which prices. */
public record MenuContent(String name, String currency, List<CategoryGroup> categoryGroups,
                          List<Category> categories, List<ModifierGroup> modifiers, List<MenuCharge> charges) {
}
