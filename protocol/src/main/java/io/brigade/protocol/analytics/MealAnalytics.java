package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Meal-level analytics: client events (views, customisations, adds) beside what was sold. */
public record MealAnalytics(LocalDate fromDate, LocalDate toDate, List<Meal> meals) {

    /** One meal; {@code orders} counts sales containing it, {@code revenue} is after its share of discounts. */
    public record Meal(String menuItemId, String name, long views, long customizations, long addsToCart,
                       long orders, long quantity, BigDecimal revenue) {
    }
}
