package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The summary view: orders (cancelled sales excluded), revenue net of discounts and refunds, the average
 * order value, cancellations reported apart, and the best-selling meals by revenue.
 */
public record AnalyticsSummary(LocalDate fromDate, LocalDate toDate, long orders, BigDecimal revenue,
                               BigDecimal averageOrderValue, BigDecimal itemSales, BigDecimal charges,
                               BigDecimal discounts, BigDecimal refunds, long cancelledOrders,
                               BigDecimal cancelledAmount, List<MealSales> topMeals) {

    /** One meal's sales: units, orders containing it and its revenue after its share of discounts. */
    public record MealSales(String menuItemId, String name, long quantity, long orders, BigDecimal revenue) {
    }
}
