package io.brigade.desktop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.analytics.AnalyticsSummary;
import io.brigade.protocol.analytics.ConversionFunnel;
import io.brigade.protocol.analytics.DailyTrend;
import io.brigade.protocol.analytics.IngredientUsage;
import io.brigade.protocol.analytics.OptionPopularity;
import io.brigade.protocol.analytics.Profitability;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV of a dashboard view, written without a screen or a server. */
class DashboardCsvTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void namesWithCommasAndQuotesSurviveAndMoneyIsAPlainDecimal() throws Exception {
        Profitability.MealProfit fish = new Profitability.MealProfit("m1", "Fish, chips \"large\"", 3,
                new BigDecimal("1234.5"), new BigDecimal("1300.00"), new BigDecimal("-65.50"), new BigDecimal("-5.31"));
        DashboardData data = new DashboardData(new DashboardFilter(DAY, DAY, "p1", null), "EUR",
                new AnalyticsSummary(DAY, DAY, 3, new BigDecimal("1234.50"), new BigDecimal("411.50"),
                        new BigDecimal("1234.50"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0,
                        BigDecimal.ZERO, List.of()),
                new DailyTrend(DAY, DAY, List.of(new DailyTrend.Day(DAY, 3, new BigDecimal("1234.50"), 0,
                        BigDecimal.ZERO)), List.of(new DailyTrend.Hour(19, 3, new BigDecimal("1234.50")))),
                new Profitability(DAY, DAY, new BigDecimal("1234.50"), new BigDecimal("1300.00"),
                        new BigDecimal("-65.50"), new BigDecimal("-5.31"), List.of(fish), List.of(fish), List.of(fish)),
                new ConversionFunnel(DAY, DAY, new ConversionFunnel.Steps(0, 0, 0, 3, null, null, null, null),
                        List.of()),
                new OptionPopularity(DAY, DAY, List.of()),
                new IngredientUsage(DAY, DAY, new BigDecimal("1300.00"), List.of()));
        StringBuilder out = new StringBuilder();
        DashboardCsv.write(data, "Main Street, Dublin", "All channels", out);

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(out.toString()))
                .getRecords();
        assertEquals(List.of("section", "item", "metric", "value"), rows.get(0).getParser().getHeaderNames());
        assertTrue(out.toString().contains("\"Fish, chips \"\"large\"\"\""), out.toString());
        assertEquals("Main Street, Dublin", value(rows, "filter", "p1", "property"));
        assertEquals("1234.50", value(rows, "profitability", "Fish, chips \"large\"", "revenue"));
        assertEquals("-5.31", value(rows, "profitability", "Fish, chips \"large\"", "marginPercent"));
        assertEquals("411.50", value(rows, "summary", "", "averageOrderValue"));
        assertEquals("", value(rows, "funnel", "all meals", "conversionRate"), "no rate without views");
        assertEquals("1234.50", value(rows, "revenueByHour", "19:00", "revenue"));
    }

    @Test
    void namesThatLookLikeFormulasAreWrittenAsText() throws Exception {
        Profitability.MealProfit evil = new Profitability.MealProfit("m1", "=HYPERLINK(\"http://x\")", 1,
                new BigDecimal("3.00"), new BigDecimal("4.00"), new BigDecimal("-1.00"), new BigDecimal("-33.33"));
        DashboardData data = new DashboardData(new DashboardFilter(DAY, DAY, "p1", null), "EUR",
                new AnalyticsSummary(DAY, DAY, 1, new BigDecimal("3.00"), new BigDecimal("3.00"),
                        new BigDecimal("3.00"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0,
                        BigDecimal.ZERO, List.of()),
                new DailyTrend(DAY, DAY, List.of(), List.of()),
                new Profitability(DAY, DAY, new BigDecimal("3.00"), new BigDecimal("4.00"),
                        new BigDecimal("-1.00"), new BigDecimal("-33.33"), List.of(evil), List.of(evil), List.of(evil)),
                new ConversionFunnel(DAY, DAY, new ConversionFunnel.Steps(0, 0, 0, 1, null, null, null, null),
                        List.of()),
                new OptionPopularity(DAY, DAY, List.of()),
                new IngredientUsage(DAY, DAY, new BigDecimal("4.00"), List.of()));
        StringBuilder out = new StringBuilder();
        DashboardCsv.write(data, "@SUM(A1:A2)", "\tAll", out);

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(out.toString()))
                .getRecords();
        assertEquals("'@SUM(A1:A2)", value(rows, "filter", "p1", "property"));
        assertEquals("'\tAll", value(rows, "filter", "", "salesChannel"));
        assertEquals("-1.00", value(rows, "profitability", "'=HYPERLINK(\"http://x\")", "margin"),
                "a negative number stays a number");
    }

    private static String value(List<CSVRecord> rows, String section, String item, String metric) {
        return rows.stream().filter(r -> r.get("section").equals(section) && r.get("item").equals(item)
                && r.get("metric").equals(metric)).findFirst().orElseThrow(() -> new AssertionError(
                section + "/" + item + "/" + metric + " missing")).get("value");
    }
}
