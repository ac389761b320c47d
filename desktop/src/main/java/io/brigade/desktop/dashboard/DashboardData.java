package io.brigade.desktop.dashboard;

import io.brigade.protocol.analytics.AnalyticsSummary;
import io.brigade.protocol.analytics.ConversionFunnel;
import io.brigade.protocol.analytics.DailyTrend;
import io.brigade.protocol.analytics.IngredientUsage;
import io.brigade.protocol.analytics.OptionPopularity;
import io.brigade.protocol.analytics.Profitability;

/** Everything one dashboard view shows, read from the server's analytics views for one filter. */
public record DashboardData(DashboardFilter filter, String currency, AnalyticsSummary summary, DailyTrend trend,
                            Profitability profitability, ConversionFunnel funnel, OptionPopularity options,
                            IngredientUsage ingredients) {
}
