package io.brigade.server.analytics;

import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the analytics rollups (never the sales tables), summed over a filter. */
final class AnalyticsQueryRepository {
    private static final List<String> SALES_SUMS = List.of("SUM(orders)", "SUM(revenue)", "SUM(items_total)",
            "SUM(charges_total)", "SUM(discounts_total)", "SUM(refunds_total)", "SUM(cancelled_orders)",
            "SUM(cancelled_amount)");
    private static final List<String> COMPONENT_SUMS = List.of("MAX(caption)", "MAX(group_caption)", "SUM(quantity)",
            "SUM(orders)", "SUM(revenue)", "SUM(discounts)", "SUM(cost)", "SUM(own_cost)", "SUM(cancelled_orders)");
    private static final List<String> EVENT_SUMS = List.of("SUM(events)", "SUM(quantity)");

    /**
     * On PostgreSQL, for the transaction: each query planned for its own parameters, on one backend. The driver
     * prepares a statement on the server once it ran five times on a connection, and PostgreSQL then plans it
     * once for any parameters: it takes a date range it cannot see for a few rows, and read a year's rollups of
     * an org (70,000-100,000 rows) in an index loop per channel and sorted them. Planned for the dates, it read
     * them in parallel workers, which on a few shared cores cost more than they gave for this many rows.
     */
    void plan(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            st.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
    }

    /** Sums of the sales rollup: per business date, per hour of day, or for the whole range. */
    record SalesSums(Object group, long orders, BigDecimal revenue, BigDecimal items, BigDecimal charges,
                     BigDecimal discounts, BigDecimal refunds, long cancelledOrders, BigDecimal cancelledAmount) {
    }

    /** Sums of one component (meal or option) over the range. */
    record ComponentSums(String kind, String menuItemId, String caption, String groupCaption, long quantity, long orders,
                         BigDecimal revenue, BigDecimal discounts, BigDecimal cost, BigDecimal ownCost,
                         long cancelledOrders) {
    }

    /** Event counts of one (type, item, option) over the range. */
    record EventSums(String type, String menuItemId, String modifierItemId, long events, long quantity) {
    }

    SalesSums totals(Connection c, AnalyticsFilter f) throws SQLException {
        List<SalesSums> rows = sales(c, f, "analytics_sales_day", null);
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<SalesSums> byDay(Connection c, AnalyticsFilter f) throws SQLException {
        return sales(c, f, "analytics_sales_day", "business_date");
    }

    List<SalesSums> byHour(Connection c, AnalyticsFilter f) throws SQLException {
        return sales(c, f, "analytics_sales_hour", "hour_of_day");
    }

    private static List<SalesSums> sales(Connection c, AnalyticsFilter f, String table, String groupBy)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = f.aggregate(table, groupBy == null ? "NULL" : groupBy, SALES_SUMS, params)
                + (groupBy == null ? "" : " ORDER BY " + groupBy);
        List<SalesSums> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object group = groupBy == null ? null
                            : groupBy.equals("business_date") ? rs.getObject(1, LocalDate.class) : rs.getInt(1);
                    if (groupBy == null && rs.getObject(2) == null) {
                        continue; // no rows in the range
                    }
                    out.add(new SalesSums(group, rs.getLong(2), money(rs, 3), money(rs, 4), money(rs, 5),
                            money(rs, 6), money(rs, 7), rs.getLong(8), money(rs, 9)));
                }
            }
        }
        return out;
    }

    /**
     * Per meal ({@code kind} "item") or per option ("modifier"). Both kinds are read in one query grouped by
     * kind: with "kind = ?" in the WHERE clause H2 picked the primary key on kind alone and scanned the
     * whole table (measured 0.7-4 s at 69,000 rollup rows instead of ~10 ms).
     */
    List<ComponentSums> components(Connection c, AnalyticsFilter f, String kind) throws SQLException {
        return components(c, f).stream().filter(s -> s.kind().equals(kind)).toList();
    }

    List<ComponentSums> components(Connection c, AnalyticsFilter f) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = f.aggregate("analytics_items_day", "kind, menu_item_id", COMPONENT_SUMS, params);
        List<ComponentSums> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ComponentSums(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), money(rs, 7), money(rs, 8), money(rs, 9), money(rs, 10),
                            rs.getLong(11)));
                }
            }
        }
        return out;
    }

    List<EventSums> events(Connection c, AnalyticsFilter f) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = f.aggregate("analytics_events_day", "type, menu_item_id, modifier_item_id", EVENT_SUMS, params);
        List<EventSums> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EventSums(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5)));
                }
            }
        }
        return out;
    }

    private static BigDecimal money(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }
}
