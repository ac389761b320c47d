package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The view -> customise -> add to cart -> order funnel, overall and per meal. */
public record ConversionFunnel(LocalDate fromDate, LocalDate toDate, Steps overall, List<MealSteps> meals) {

    /**
     * Counts of each step and rates in percent: {@code customizeRate} and {@code addToCartRate} over views
     * (not every meal needs customising, so adds are not a subset of customisations), {@code orderRate}
     * orders over adds to cart, {@code conversionRate} orders over views. Null when the denominator is zero.
     */
    public record Steps(long views, long customizations, long addsToCart, long orders, BigDecimal customizeRate,
                        BigDecimal addToCartRate, BigDecimal orderRate, BigDecimal conversionRate) {
    }

    /** The funnel of one meal. */
    public record MealSteps(String menuItemId, String name, Steps steps) {
    }
}
