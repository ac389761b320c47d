package io.brigade.desktop.dashboard;

import io.brigade.protocol.analytics.AnalyticsSummary;
import io.brigade.protocol.analytics.ConversionFunnel;
import io.brigade.protocol.analytics.DailyTrend;
import io.brigade.protocol.analytics.IngredientUsage;
import io.brigade.protocol.analytics.OptionPopularity;
import io.brigade.protocol.analytics.Profitability;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The current dashboard view as one CSV in long form ({@code section,item,metric,value}): the filter, the
 * tiles, every chart's data and the ingredient table, one figure per row, so a spreadsheet can pivot it and
 * nothing depends on the screen. Money is a plain decimal with two places in the view's currency (named in
 * the filter rows); rates are percentages.
 */
public final class DashboardCsv {
    static final String[] HEADER = {"section", "item", "metric", "value"};

    private DashboardCsv() {
    }

    /** Writes {@code data} with the property and channel names shown in the filter ("All" when none). */
    public static void write(DashboardData data, String propertyName, String channelName, Appendable out)
            throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER)
                .setRecordSeparator("\n").get())) {
            DashboardFilter f = data.filter();
            csv.printRecord("filter", "", "fromDate", f.fromDate());
            csv.printRecord("filter", "", "toDate", f.toDate());
            csv.printRecord("filter", Objects.toString(f.propertyId(), ""), "property", propertyName);
            csv.printRecord("filter", Objects.toString(f.salesChannelId(), ""), "salesChannel", channelName);
            csv.printRecord("filter", "", "currency", data.currency());

            AnalyticsSummary s = data.summary();
            csv.printRecord("summary", "", "orders", s.orders());
            csv.printRecord("summary", "", "revenue", money(s.revenue()));
            csv.printRecord("summary", "", "averageOrderValue", money(s.averageOrderValue()));
            csv.printRecord("summary", "", "cancelledOrders", s.cancelledOrders());
            csv.printRecord("summary", "", "cancelledAmount", money(s.cancelledAmount()));

            for (DailyTrend.Day d : data.trend().days()) {
                csv.printRecord("revenueByDay", d.date(), "orders", d.orders());
                csv.printRecord("revenueByDay", d.date(), "revenue", money(d.revenue()));
            }
            for (DailyTrend.Hour h : data.trend().hours()) {
                csv.printRecord("revenueByHour", String.format("%02d:00", h.hour()), "orders", h.orders());
                csv.printRecord("revenueByHour", String.format("%02d:00", h.hour()), "revenue", money(h.revenue()));
            }
            for (Profitability.MealProfit m : data.profitability().meals()) {
                csv.printRecord("profitability", m.name(), "quantity", m.quantity());
                csv.printRecord("profitability", m.name(), "revenue", money(m.revenue()));
                csv.printRecord("profitability", m.name(), "cost", money(m.cost()));
                csv.printRecord("profitability", m.name(), "margin", money(m.margin()));
                csv.printRecord("profitability", m.name(), "marginPercent", plain(m.marginPercent()));
            }
            ConversionFunnel.Steps o = data.funnel().overall();
            csv.printRecord("funnel", "all meals", "views", o.views());
            csv.printRecord("funnel", "all meals", "customizations", o.customizations());
            csv.printRecord("funnel", "all meals", "addsToCart", o.addsToCart());
            csv.printRecord("funnel", "all meals", "orders", o.orders());
            csv.printRecord("funnel", "all meals", "conversionRate", plain(o.conversionRate()));
            for (OptionPopularity.Option p : data.options().options()) {
                String name = p.group() == null ? p.name() : p.group() + ": " + p.name();
                csv.printRecord("options", name, "quantity", p.quantity());
                csv.printRecord("options", name, "selections", p.selections());
                csv.printRecord("options", name, "revenue", money(p.revenue()));
            }
            for (IngredientUsage.Ingredient i : data.ingredients().ingredients()) {
                String name = i.name() + " (" + i.kind() + ")";
                csv.printRecord("ingredients", name, "quantity", i.quantity());
                csv.printRecord("ingredients", name, "cost", money(i.cost()));
            }
        }
    }

    private static String money(BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
