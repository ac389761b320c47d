package io.brigade.protocol.menus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of a menu revision: what a customer can order and at which prices. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MenuContent(String name, String currency, List<CategoryGroup> categoryGroups,
                          List<Category> categories, List<ModifierGroup> modifiers, List<MenuCharge> charges) {
}
