package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The view -> customise -> add to cart -> order funnel, overall and per meal. */
public record ConversionFunnel(LocalDate fromDate, LocalDate toDate, Steps overall, List<MealSteps> meals) {

    /**
     * Counts of each step and rates in percent: each step over the one before, and {@code conversionRate}
     * orders over views. A rate is null when its denominator is zero.
     */
    public record Steps(long views, long customizations, long addsToCart, long orders, BigDecimal customizeRate,
                        BigDecimal addToCartRate, BigDecimal orderRate, BigDecimal conversionRate) {
    }

    /** The funnel of one meal. */
    public record MealSteps(String menuItemId, String name, Steps steps) {
    }
}
