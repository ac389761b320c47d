package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Ingredient usage: menus carry one ingredient cost per item and per option, so usage is reported per
 * costed component ({@code kind} "item" for a meal's base recipe, "modifier" for an option or add-on):
 * units used and their ingredient cost over the range, most costly first.
 */
public record IngredientUsage(LocalDate fromDate, LocalDate toDate, BigDecimal totalCost,
                              List<Ingredient> ingredients) {

    /** One costed component. */
    public record Ingredient(String menuItemId, String name, String kind, long quantity, BigDecimal cost) {
    }
}
