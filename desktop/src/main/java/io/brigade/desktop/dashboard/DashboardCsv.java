package io.brigade.desktop.dashboard;

import io.brigade.protocol.CsvText;
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
            csv.printRecord(CsvText.cells("filter", "", "fromDate", f.fromDate()));
            csv.printRecord(CsvText.cells("filter", "", "toDate", f.toDate()));
            csv.printRecord(CsvText.cells("filter", Objects.toString(f.propertyId(), ""), "property", propertyName));
            csv.printRecord(CsvText.cells("filter", Objects.toString(f.salesChannelId(), ""), "salesChannel",
                    channelName));
            csv.printRecord(CsvText.cells("filter", "", "currency", data.currency()));

            AnalyticsSummary s = data.summary();
            csv.printRecord(CsvText.cells("summary", "", "orders", s.orders()));
            csv.printRecord(CsvText.cells("summary", "", "revenue", money(s.revenue())));
            csv.printRecord(CsvText.cells("summary", "", "averageOrderValue", money(s.averageOrderValue())));
            csv.printRecord(CsvText.cells("summary", "", "cancelledOrders", s.cancelledOrders()));
            csv.printRecord(CsvText.cells("summary", "", "cancelledAmount", money(s.cancelledAmount())));

            for (DailyTrend.Day d : data.trend().days()) {
                csv.printRecord(CsvText.cells("revenueByDay", d.date(), "orders", d.orders()));
                csv.printRecord(CsvText.cells("revenueByDay", d.date(), "revenue", money(d.revenue())));
            }
            for (DailyTrend.Hour h : data.trend().hours()) {
                String hour = String.format("%02d:00", h.hour());
                csv.printRecord(CsvText.cells("revenueByHour", hour, "orders", h.orders()));
                csv.printRecord(CsvText.cells("revenueByHour", hour, "revenue", money(h.revenue())));
            }
            for (Profitability.MealProfit m : data.profitability().meals()) {
                csv.printRecord(CsvText.cells("profitability", m.name(), "quantity", m.quantity()));
                csv.printRecord(CsvText.cells("profitability", m.name(), "revenue", money(m.revenue())));
                csv.printRecord(CsvText.cells("profitability", m.name(), "cost", money(m.cost())));
                csv.printRecord(CsvText.cells("profitability", m.name(), "margin", money(m.margin())));
                csv.printRecord(CsvText.cells("profitability", m.name(), "marginPercent", plain(m.marginPercent())));
            }
            ConversionFunnel.Steps o = data.funnel().overall();
            csv.printRecord(CsvText.cells("funnel", "all meals", "views", o.views()));
            csv.printRecord(CsvText.cells("funnel", "all meals", "customizations", o.customizations()));
            csv.printRecord(CsvText.cells("funnel", "all meals", "addsToCart", o.addsToCart()));
            csv.printRecord(CsvText.cells("funnel", "all meals", "orders", o.orders()));
            csv.printRecord(CsvText.cells("funnel", "all meals", "conversionRate", plain(o.conversionRate())));
            for (OptionPopularity.Option p : data.options().options()) {
                String name = p.group() == null ? p.name() : p.group() + ": " + p.name();
                csv.printRecord(CsvText.cells("options", name, "quantity", p.quantity()));
                csv.printRecord(CsvText.cells("options", name, "selections", p.selections()));
                csv.printRecord(CsvText.cells("options", name, "revenue", money(p.revenue())));
            }
            for (IngredientUsage.Ingredient i : data.ingredients().ingredients()) {
                String name = i.name() + " (" + i.kind() + ")";
                csv.printRecord(CsvText.cells("ingredients", name, "quantity", i.quantity()));
                csv.printRecord(CsvText.cells("ingredients", name, "cost", money(i.cost())));
            }
        }
    }

    // Numbers stay numbers (CsvText writes them plain): a loss leader's margin of -3.00 is not a formula.
    private static Object money(BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static Object plain(BigDecimal v) {
        return v == null ? "" : v;
    }
}
