package io.brigade.server.analytics;

import io.brigade.protocol.analytics.AnalyticsSummary;
import io.brigade.protocol.analytics.ConversionFunnel;
import io.brigade.protocol.analytics.DailyTrend;
import io.brigade.protocol.analytics.IngredientUsage;
import io.brigade.protocol.analytics.MealAnalytics;
import io.brigade.protocol.analytics.OptionPopularity;
import io.brigade.protocol.analytics.Profitability;
import io.brigade.protocol.analytics.Reconciliation;
import io.brigade.protocol.analytics.AnalyticsEventType;
import io.brigade.server.analytics.AnalyticsQueryRepository.ComponentSums;
import io.brigade.server.analytics.AnalyticsQueryRepository.EventSums;
import io.brigade.server.analytics.AnalyticsQueryRepository.SalesSums;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.org.Entitlement;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.OrgService;
import io.brigade.server.org.Plan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The analytics views (Enterprise plan with analytics switched on). Every view reads rollups only; the
 * numbers follow one set of rules: orders and revenue leave cancelled sales out (they are counted
 * apart), revenue is what was paid minus refunds, a meal's revenue is its lines minus its share of the
 * sale's discounts.
 */
public final class AnalyticsService {
    static final int MAX_RANGE_DAYS = 366;
    static final int MAX_RECONCILIATION_DAYS = 31;
    private static final int TOP = 5;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Database database;
    private final OrgRepository orgs;
    private final AnalyticsQueryRepository queries;
    private final ReconciliationRepository reconciliation;

    AnalyticsService(Database database, OrgRepository orgs, AnalyticsQueryRepository queries,
                     ReconciliationRepository reconciliation) {
        this.database = database;
        this.orgs = orgs;
        this.queries = queries;
        this.reconciliation = reconciliation;
    }

    /** Refuses (403) unless the org is on Enterprise and its owner switched analytics on. */
    void requireAnalytics(String orgId) {
        Entitlement plan = database.read(c -> orgs.plan(c, orgId)).orElseThrow(() -> new NotFoundException("org " + orgId));
        plan.plan().require(Plan.ENTERPRISE, Plan.Features.ANALYTICS);
        if (!plan.analyticsEnabled()) {
            throw new ForbiddenException("Analytics is switched off for this org; an owner can switch it on in the "
                    + "org's settings (analyticsEnabled)");
        }
    }

    /** Checks the query filters (400 with field paths): dates, and that property and channel are this org's. */
    AnalyticsFilter filter(String orgId, Function<String, String> query, int maxDays) {
        Validation v = new Validation();
        LocalDate from = date(query.apply("fromDate"), "fromDate", v);
        LocalDate to = date(query.apply("toDate"), "toDate", v);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                v.error("toDate", "must not be before fromDate");
            } else if (from.plusDays(maxDays - 1L).isBefore(to)) {
                v.error("toDate", "a range may span at most " + maxDays + " days");
            }
        }
        String propertyId = blankToNull(query.apply("propertyId"));
        String channelId = blankToNull(query.apply("salesChannelId"));
        String channelType = blankToNull(query.apply("salesChannelType"));
        if (channelType != null && !OrgService.CHANNEL_TYPES.contains(channelType)) {
            v.error("salesChannelType", "must be one of " + OrgService.CHANNEL_TYPES.stream().sorted().toList());
        }
        database.read(c -> {
            if (propertyId != null && orgs.findProperty(c, orgId, propertyId).isEmpty()) {
                v.error("propertyId", "no property " + propertyId + " in this org");
            }
            if (channelId != null && orgs.findChannel(c, orgId, channelId).isEmpty()) {
                v.error("salesChannelId", "no sales channel " + channelId + " in this org");
            }
            return null;
        });
        v.throwIfMalformed();
        return new AnalyticsFilter(orgId, from, to, propertyId, channelId, channelType);
    }

    AnalyticsSummary summary(AnalyticsFilter f) {
        return read(c -> {
            SalesSums t = queries.totals(c, f);
            List<ComponentSums> meals = queries.components(c, f, SaleFacts.ITEM);
            List<AnalyticsSummary.MealSales> top = meals.stream()
                    .filter(m -> m.orders() > 0)
                    .sorted(Comparator.comparing((ComponentSums m) -> m.revenue().subtract(m.discounts())).reversed()
                            .thenComparing(ComponentSums::menuItemId))
                    .limit(TOP)
                    .map(m -> new AnalyticsSummary.MealSales(m.menuItemId(), m.caption(), m.quantity(), m.orders(),
                            money(m.revenue().subtract(m.discounts()))))
                    .toList();
            if (t == null) {
                return new AnalyticsSummary(f.fromDate(), f.toDate(), 0, money(BigDecimal.ZERO), null,
                        money(BigDecimal.ZERO), money(BigDecimal.ZERO), money(BigDecimal.ZERO), money(BigDecimal.ZERO),
                        0, money(BigDecimal.ZERO), top);
            }
            BigDecimal aov = t.orders() == 0 ? null
                    : t.revenue().divide(BigDecimal.valueOf(t.orders()), 2, RoundingMode.HALF_UP);
            return new AnalyticsSummary(f.fromDate(), f.toDate(), t.orders(), money(t.revenue()), aov,
                    money(t.items()), money(t.charges()), money(t.discounts()), money(t.refunds()),
                    t.cancelledOrders(), money(t.cancelledAmount()), top);
        });
    }

    DailyTrend daily(AnalyticsFilter f) {
        return read(c -> {
            Map<LocalDate, SalesSums> byDay = new HashMap<>();
            for (SalesSums s : queries.byDay(c, f)) {
                byDay.put((LocalDate) s.group(), s);
            }
            List<DailyTrend.Day> days = new ArrayList<>();
            for (LocalDate d = f.fromDate(); !d.isAfter(f.toDate()); d = d.plusDays(1)) {
                SalesSums s = byDay.get(d);
                days.add(s == null ? new DailyTrend.Day(d, 0, money(BigDecimal.ZERO), 0, money(BigDecimal.ZERO))
                        : new DailyTrend.Day(d, s.orders(), money(s.revenue()), s.cancelledOrders(),
                        money(s.cancelledAmount())));
            }
            Map<Integer, SalesSums> byHour = new HashMap<>();
            for (SalesSums s : queries.byHour(c, f)) {
                byHour.put((Integer) s.group(), s);
            }
            List<DailyTrend.Hour> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                SalesSums s = byHour.get(h);
                hours.add(new DailyTrend.Hour(h, s == null ? 0 : s.orders(),
                        money(s == null ? BigDecimal.ZERO : s.revenue())));
            }
            return new DailyTrend(f.fromDate(), f.toDate(), days, hours);
        });
    }

    MealAnalytics meals(AnalyticsFilter f) {
        return read(c -> {
            Map<String, ComponentSums> sold = byId(queries.components(c, f, SaleFacts.ITEM));
            Map<String, long[]> steps = mealSteps(queries.events(c, f));
            List<String> ids = new ArrayList<>(sold.keySet());
            steps.keySet().stream().filter(id -> !sold.containsKey(id)).forEach(ids::add);
            List<MealAnalytics.Meal> meals = new ArrayList<>();
            for (String id : ids) {
                ComponentSums s = sold.get(id);
                long[] e = steps.getOrDefault(id, new long[3]);
                if (s != null && s.orders() == 0 && !steps.containsKey(id)) {
                    continue; // only ever in cancelled sales, and never looked at
                }
                meals.add(new MealAnalytics.Meal(id, s == null ? null : s.caption(), e[0], e[1], e[2],
                        s == null ? 0 : s.orders(), s == null ? 0 : s.quantity(),
                        money(s == null ? BigDecimal.ZERO : s.revenue().subtract(s.discounts()))));
            }
            meals.sort(Comparator.comparing(MealAnalytics.Meal::revenue).reversed()
                    .thenComparing(Comparator.comparingLong(MealAnalytics.Meal::views).reversed())
                    .thenComparing(MealAnalytics.Meal::menuItemId));
            return new MealAnalytics(f.fromDate(), f.toDate(), meals);
        });
    }

    OptionPopularity options(AnalyticsFilter f) {
        return read(c -> {
            Map<String, ComponentSums> sold = byId(queries.components(c, f, SaleFacts.MODIFIER));
            Map<String, Long> selections = new LinkedHashMap<>();
            for (EventSums e : queries.events(c, f)) {
                if ((e.type().equals(AnalyticsEventType.OPTION_SELECTED.name())
                        || e.type().equals(AnalyticsEventType.ADDON_SELECTED.name())) && !e.modifierItemId().isEmpty()) {
                    selections.merge(e.modifierItemId(), e.events(), Long::sum);
                }
            }
            List<String> ids = new ArrayList<>(sold.keySet());
            selections.keySet().stream().filter(id -> !sold.containsKey(id)).forEach(ids::add);
            List<OptionPopularity.Option> options = new ArrayList<>();
            for (String id : ids) {
                ComponentSums s = sold.get(id);
                if (s != null && s.quantity() == 0 && !selections.containsKey(id)) {
                    continue; // only ever in cancelled sales, and never selected in a client
                }
                options.add(new OptionPopularity.Option(id, s == null ? null : s.caption(),
                        s == null ? null : s.groupCaption(), selections.getOrDefault(id, 0L),
                        s == null ? 0 : s.quantity(), s == null ? 0 : s.orders(),
                        money(s == null ? BigDecimal.ZERO : s.revenue())));
            }
            options.sort(Comparator.comparingLong(OptionPopularity.Option::quantity).reversed()
                    .thenComparing(Comparator.comparingLong(OptionPopularity.Option::selections).reversed())
                    .thenComparing(OptionPopularity.Option::modifierItemId));
            return new OptionPopularity(f.fromDate(), f.toDate(), options);
        });
    }

    ConversionFunnel funnel(AnalyticsFilter f) {
        return read(c -> {
            List<EventSums> events = queries.events(c, f);
            Map<String, ComponentSums> sold = byId(queries.components(c, f, SaleFacts.ITEM));
            Map<String, long[]> steps = mealSteps(events);
            long views = 0;
            long customizations = 0;
            long adds = 0;
            long orders = 0;
            for (long[] s : steps.values()) {
                views += s[0];
                customizations += s[1];
                adds += s[2];
            }
            for (EventSums e : events) {
                if (e.type().equals(AnalyticsEventType.ORDER_PLACED.name())) {
                    orders += e.events();
                }
            }
            List<String> ids = new ArrayList<>(steps.keySet());
            sold.keySet().stream().filter(id -> !steps.containsKey(id)).forEach(ids::add);
            List<ConversionFunnel.MealSteps> meals = new ArrayList<>();
            for (String id : ids) {
                long[] e = steps.getOrDefault(id, new long[3]);
                ComponentSums s = sold.get(id);
                // Orders placed with the meal, including those cancelled later: they were placed.
                long placed = s == null ? 0 : s.orders() + s.cancelledOrders();
                meals.add(new ConversionFunnel.MealSteps(id, s == null ? null : s.caption(),
                        steps(e[0], e[1], e[2], placed)));
            }
            meals.sort(Comparator.comparingLong((ConversionFunnel.MealSteps m) -> m.steps().views()).reversed()
                    .thenComparing(ConversionFunnel.MealSteps::menuItemId));
            return new ConversionFunnel(f.fromDate(), f.toDate(), steps(views, customizations, adds, orders), meals);
        });
    }

    Profitability profitability(AnalyticsFilter f) {
        return read(c -> {
            List<Profitability.MealProfit> meals = new ArrayList<>();
            BigDecimal revenue = BigDecimal.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            for (ComponentSums s : queries.components(c, f, SaleFacts.ITEM)) {
                if (s.quantity() == 0) {
                    continue; // every sale of it was cancelled
                }
                BigDecimal r = s.revenue().subtract(s.discounts());
                revenue = revenue.add(r);
                cost = cost.add(s.cost());
                meals.add(new Profitability.MealProfit(s.menuItemId(), s.caption(), s.quantity(), money(r),
                        money(s.cost()), money(r.subtract(s.cost())), percent(r.subtract(s.cost()), r)));
            }
            meals.sort(Comparator.comparing(Profitability.MealProfit::margin).reversed()
                    .thenComparing(Profitability.MealProfit::menuItemId));
            Comparator<Profitability.MealProfit> byPercent = Comparator.comparing(Profitability.MealProfit::marginPercent,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            List<Profitability.MealProfit> highest = meals.stream().filter(m -> m.marginPercent() != null)
                    .sorted(byPercent.reversed().thenComparing(Profitability.MealProfit::menuItemId)).limit(TOP).toList();
            List<Profitability.MealProfit> losses = meals.stream().filter(m -> m.margin().signum() < 0)
                    .sorted(Comparator.comparing(Profitability.MealProfit::margin)
                            .thenComparing(Profitability.MealProfit::menuItemId)).toList();
            BigDecimal margin = revenue.subtract(cost);
            return new Profitability(f.fromDate(), f.toDate(), money(revenue), money(cost), money(margin),
                    percent(margin, revenue), meals, highest, losses);
        });
    }

    IngredientUsage ingredients(AnalyticsFilter f) {
        return read(c -> {
            List<IngredientUsage.Ingredient> out = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (ComponentSums s : queries.components(c, f)) {
                if (s.quantity() == 0) {
                    continue;
                }
                total = total.add(s.ownCost());
                out.add(new IngredientUsage.Ingredient(s.menuItemId(), s.caption(), s.kind(), s.quantity(),
                        money(s.ownCost())));
            }
            out.sort(Comparator.comparing(IngredientUsage.Ingredient::cost).reversed()
                    .thenComparing(IngredientUsage.Ingredient::menuItemId));
            return new IngredientUsage(f.fromDate(), f.toDate(), money(total), out);
        });
    }

    Reconciliation reconciliation(AnalyticsFilter f) {
        return database.readLagging(c -> reconciliation.check(c, f));
    }

    /** A view's read; on PostgreSQL planned for its own dates, on one backend (AnalyticsQueryRepository#plan). */
    private <T> T read(Database.TransactionWork<T> work) {
        return database.readLagging(c -> {
            if (database.isPostgres()) {
                queries.plan(c);
            }
            return work.run(c);
        });
    }

    /** Per meal: views, customisations and adds to cart, from the client events. */
    private static Map<String, long[]> mealSteps(List<EventSums> events) {
        Map<String, long[]> steps = new LinkedHashMap<>();
        for (EventSums e : events) {
            int step = switch (AnalyticsEventType.valueOf(e.type())) {
                case MEAL_VIEWED -> 0;
                case MEAL_CUSTOMIZED -> 1;
                case MEAL_ADDED_TO_CART -> 2;
                default -> -1;
            };
            if (step >= 0 && !e.menuItemId().isEmpty()) {
                steps.computeIfAbsent(e.menuItemId(), k -> new long[3])[step] += e.events();
            }
        }
        return steps;
    }

    private static ConversionFunnel.Steps steps(long views, long customizations, long adds, long orders) {
        return new ConversionFunnel.Steps(views, customizations, adds, orders, rate(customizations, views),
                rate(adds, views), rate(orders, adds), rate(orders, views));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static Map<String, ComponentSums> byId(List<ComponentSums> rows) {
        Map<String, ComponentSums> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.menuItemId(), r));
        return out;
    }

    /** Money as stored (four decimals) shown with two, rounding half up. */
    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            v.error(field, "is required (YYYY-MM-DD, a business date in the property's time zone)");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            v.error(field, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
