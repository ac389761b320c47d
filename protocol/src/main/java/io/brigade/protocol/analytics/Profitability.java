package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Revenue against ingredient cost per meal (modifiers included), with the highest-margin meals and the
 * loss leaders (negative margin). Margin percent is margin over revenue, null when revenue is zero.
 */
public record Profitability(LocalDate fromDate, LocalDate toDate, BigDecimal revenue, BigDecimal cost,
                            BigDecimal margin, BigDecimal marginPercent, List<MealProfit> meals,
                            List<MealProfit> highestMargin, List<MealProfit> lossLeaders) {

    /** One meal's profitability. */
    public record MealProfit(String menuItemId, String name, long quantity, BigDecimal revenue, BigDecimal cost,
                             BigDecimal margin, BigDecimal marginPercent) {
    }
}
