package io.brigade.desktop.dashboard;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.analytics.ConversionFunnel;
import io.brigade.protocol.analytics.DailyTrend;
import io.brigade.protocol.analytics.OptionPopularity;
import io.brigade.protocol.analytics.Profitability;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dashboard's charts as points, from what the server's analytics views answered: plain data a chart draws and
 * a test reads, without JavaFX.
 */
public final class DashboardCharts {
    private static final DashboardTexts TEXTS = Texts.of(DashboardTexts.class);
    static final int MAX_MEALS = 10;
    static final int MAX_OPTIONS = 10;
    private final DashboardData d;

    /** One bar or point: a category and its exact value (plotted as a double, shown as the exact value). */
    public record Point(String category, BigDecimal value) {
    }

    /** One meal's profitability bars: revenue against cost, with its margin; a loss leader loses money. */
    public record MealBar(String category, String name, BigDecimal revenue, BigDecimal cost, BigDecimal marginPercent,
                          boolean lossLeader) {
    }

    /** One funnel step: its count and the share of views that reached it. */
    public record FunnelStep(String category, long count, BigDecimal percentOfViews) {
    }

    public DashboardCharts(DashboardData data) {
        this.d = java.util.Objects.requireNonNull(data, "data == null");
    }


    /** Revenue per business date, every date of the range. */
    public List<Point> revenueByDay() {
        DateTimeFormatter label = DateTimeFormatter.ofPattern(d.filter().days() <= 14 ? "EEE d" : "d MMM",
                Texts.locale());
        return d.trend().days().stream().map(x -> new Point(x.date().format(label), x.revenue())).toList();
    }

    /** Revenue by local hour of day, summed over the range, from the first to the last hour with sales. */
    public List<Point> revenueByHour() {
        List<DailyTrend.Hour> hours = d.trend().hours();
        int first = 0;
        int last = hours.size() - 1;
        while (first < last && hours.get(first).orders() == 0) {
            first++;
        }
        while (last > first && hours.get(last).orders() == 0) {
            last--;
        }
        if (hours.get(first).orders() == 0) {
            first = 8; // no sales at all: show a working day's hours rather than one empty bar
            last = 22;
        }
        List<Point> out = new ArrayList<>();
        for (DailyTrend.Hour h : hours.subList(first, last + 1)) {
            out.add(new Point(String.format("%02d", h.hour()), h.revenue()));
        }
        return out;
    }

    /** The meals with the most revenue (at most ten), each with its cost and margin; loss leaders always shown. */
    public List<MealBar> profitability() {
        Figures figures = new Figures(d.currency());
        List<Profitability.MealProfit> meals = new ArrayList<>(d.profitability().meals());
        meals.sort(Comparator.comparing(Profitability.MealProfit::revenue).reversed()
                .thenComparing(Profitability.MealProfit::menuItemId));
        List<Profitability.MealProfit> shown = new ArrayList<>(meals.stream().limit(MAX_MEALS).toList());
        d.profitability().lossLeaders().stream().filter(m -> shown.stream()
                .noneMatch(x -> x.menuItemId().equals(m.menuItemId()))).forEach(shown::add);
        return shown.stream().map(m -> new MealBar(m.name() + " (" + figures.percent(m.marginPercent()) + ")", m.name(),
                m.revenue(), m.cost(), m.marginPercent(), m.margin().signum() < 0)).toList();
    }

    /** Names of the meals sold at a loss in the range, worst first. */
    public List<String> lossLeaders() {
        return d.profitability().lossLeaders().stream()
                .map(Profitability.MealProfit::name).toList();
    }

    /** The overall margin line under the profitability chart. */
    public String marginSummary() {
        Figures f = new Figures(d.currency());
        Profitability p = d.profitability();
        return TEXTS.marginSummary(f.money(p.revenue()), f.money(p.cost()), f.money(p.margin()),
                f.percent(p.marginPercent()));
    }

    /** View, customise, add to cart, order: counts and each step's share of views. */
    public List<FunnelStep> funnel() {
        ConversionFunnel.Steps s = d.funnel().overall();
        return List.of(new FunnelStep(TEXTS.funnelViewed(), s.views(), s.views() == 0 ? null : BigDecimal.valueOf(100)),
                new FunnelStep(TEXTS.funnelCustomised(), s.customizations(), s.customizeRate()),
                new FunnelStep(TEXTS.funnelAddedToCart(), s.addsToCart(), s.addToCartRate()),
                new FunnelStep(TEXTS.funnelOrdered(), s.orders(), s.conversionRate()));
    }

    /** The most sold options and add-ons (units), at most ten, most sold first. */
    public List<Point> optionPopularity() {
        return d.options().options().stream().filter(o -> o.quantity() > 0 || o.selections() > 0).limit(MAX_OPTIONS)
                .map(o -> new Point(optionName(o), BigDecimal.valueOf(o.quantity()))).toList();
    }

    private static String optionName(OptionPopularity.Option o) {
        return o.name() == null ? o.modifierItemId() : o.name();
    }
}
