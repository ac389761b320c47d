package io.brigade.server.analytics;

import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the analytics rollups. Every change is an increment (UPDATE ... SET x = x + ?), inserting the
 * row the first time its key is seen; it runs in the transaction of the sale or event batch it counts.
 */
final class AnalyticsRollupRepository {
    private static final String SALES_DELTAS = "orders = orders + ?, revenue = revenue + ?, items_total = items_total + ?, "
            + "charges_total = charges_total + ?, discounts_total = discounts_total + ?, refunds_total = refunds_total + ?, "
            + "paid_total = paid_total + ?, cancelled_orders = cancelled_orders + ?, cancelled_amount = cancelled_amount + ?";
    private static final String SALES_DAY_UPDATE = "UPDATE analytics_sales_day SET " + SALES_DELTAS
            + " WHERE org_id = ? AND business_date = ? AND property_id = ? AND sales_channel_id = ?";
    private static final String SALES_DAY_INSERT = "INSERT INTO analytics_sales_day (orders, revenue, items_total, "
            + "charges_total, discounts_total, refunds_total, paid_total, cancelled_orders, cancelled_amount, org_id, "
            + "business_date, property_id, sales_channel_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String SALES_HOUR_UPDATE = "UPDATE analytics_sales_hour SET " + SALES_DELTAS
            + " WHERE org_id = ? AND business_date = ? AND property_id = ? AND sales_channel_id = ? AND hour_of_day = ?";
    private static final String SALES_HOUR_INSERT = "INSERT INTO analytics_sales_hour (orders, revenue, items_total, "
            + "charges_total, discounts_total, refunds_total, paid_total, cancelled_orders, cancelled_amount, org_id, "
            + "business_date, property_id, sales_channel_id, hour_of_day) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String ITEM_UPDATE = "UPDATE analytics_items_day SET quantity = quantity + ?, "
            + "orders = orders + ?, revenue = revenue + ?, discounts = discounts + ?, cost = cost + ?, "
            + "own_cost = own_cost + ?, cancelled_quantity = cancelled_quantity + ?, "
            + "cancelled_orders = cancelled_orders + ?, cancelled_revenue = cancelled_revenue + ?, "
            + "caption = COALESCE(?, caption), group_caption = COALESCE(?, group_caption) "
            + "WHERE org_id = ? AND business_date = ? AND property_id = ? AND sales_channel_id = ? AND kind = ? "
            + "AND menu_item_id = ?";
    private static final String ITEM_INSERT = "INSERT INTO analytics_items_day (quantity, orders, revenue, discounts, "
            + "cost, own_cost, cancelled_quantity, cancelled_orders, cancelled_revenue, caption, group_caption, org_id, "
            + "business_date, property_id, sales_channel_id, kind, menu_item_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String EVENT_UPDATE = "UPDATE analytics_events_day SET events = events + ?, "
            + "quantity = quantity + ? WHERE org_id = ? AND business_date = ? AND property_id = ? "
            + "AND sales_channel_id = ? AND type = ? AND menu_item_id = ? AND modifier_item_id = ?";
    private static final String EVENT_INSERT = "INSERT INTO analytics_events_day (events, quantity, org_id, "
            + "business_date, property_id, sales_channel_id, type, menu_item_id, modifier_item_id) "
            + "VALUES (?,?,?,?,?,?,?,?,?)";

    /**
     * Adds new sales' facts ({@code cancelled} false) or moves cancelled sales' facts to the cancelled
     * columns. The deltas are summed per rollup row first, so a batch of sales of the same day and
     * channel updates each row once, and the rows are written in key order so that two transactions
     * lock them in the same order.
     */
    void applySales(Connection c, List<SaleFacts> sales, boolean cancelled) throws SQLException {
        int sign = cancelled ? -1 : 1;
        Map<String, Object[]> days = new TreeMap<>();
        Map<String, Object[]> hours = new TreeMap<>();
        Map<String, Object[]> items = new TreeMap<>();
        for (SaleFacts f : sales) {
            Object[] deltas = {(long) sign, signed(f.revenue(), sign), signed(f.items(), sign),
                    signed(f.charges(), sign), signed(f.discounts(), sign), signed(f.refunds(), sign),
                    signed(f.paid(), sign), cancelled ? 1L : 0L, cancelled ? f.saleAmount() : BigDecimal.ZERO};
            Object[] dayKey = {f.orgId(), f.businessDate(), f.propertyId(), f.salesChannelId()};
            add(days, concat(deltas, dayKey), deltas.length, 0);
            add(hours, concat(deltas, concat(dayKey, new Object[]{f.hour()})), deltas.length, 0);
            for (SaleFacts.Component p : f.components()) {
                Object[] values = {sign * p.quantity(), (long) sign, signed(p.revenue(), sign),
                        signed(p.discounts(), sign), signed(p.cost(), sign), signed(p.ownCost(), sign),
                        cancelled ? p.quantity() : 0L, cancelled ? 1L : 0L,
                        cancelled ? p.revenue().subtract(p.discounts()) : BigDecimal.ZERO,
                        p.caption(), p.groupCaption(), f.orgId(), f.businessDate(), f.propertyId(),
                        f.salesChannelId(), p.kind(), p.menuItemId()};
                add(items, values, ITEM_SUMMED, ITEM_LATEST);
            }
        }
        for (Object[] values : days.values()) {
            upsert(c, SALES_DAY_UPDATE, SALES_DAY_INSERT, values);
        }
        for (Object[] values : hours.values()) {
            upsert(c, SALES_HOUR_UPDATE, SALES_HOUR_INSERT, values);
        }
        for (Object[] values : items.values()) {
            upsert(c, ITEM_UPDATE, ITEM_INSERT, values);
        }
    }

    // An item row's values: ITEM_SUMMED deltas, then ITEM_LATEST captions (the last one given wins, as
    // COALESCE does row by row), then the key.
    private static final int ITEM_SUMMED = 9;
    private static final int ITEM_LATEST = 2;

    /** Adds {@code values} (deltas first, then {@code latest} captions, then the key) into its row in {@code rows}. */
    private static void add(Map<String, Object[]> rows, Object[] values, int summed, int latest) {
        StringBuilder key = new StringBuilder();
        for (int i = summed + latest; i < values.length; i++) {
            key.append(values[i]).append('\u0000');
        }
        Object[] row = rows.putIfAbsent(key.toString(), values);
        if (row == null) {
            return;
        }
        for (int i = 0; i < summed; i++) {
            row[i] = row[i] instanceof BigDecimal d ? d.add((BigDecimal) values[i]) : (Long) row[i] + (Long) values[i];
        }
        for (int i = summed; i < summed + latest; i++) {
            if (values[i] != null) {
                row[i] = values[i];
            }
        }
    }

    /** Counts {@code events} client events (with {@code quantity} units) under one rollup key. */
    void addEvents(Connection c, String orgId, LocalDate businessDate, String propertyId, String salesChannelId,
                   String type, String menuItemId, String modifierItemId, long events, long quantity)
            throws SQLException {
        upsert(c, EVENT_UPDATE, EVENT_INSERT, new Object[]{events, quantity, orgId, businessDate, propertyId,
                salesChannelId, type, menuItemId, modifierItemId});
    }

    /**
     * Claims {@code saleKey} for the order_placed event {@code eventId}: true if no order_placed counted for
     * it before. The insert runs under its own savepoint, so losing a race to another transaction (which
     * the primary key decides) leaves the caller's transaction intact.
     */
    boolean claimOrderKey(Connection c, String orgId, String saleKey, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM analytics_order_keys WHERE org_id = ? AND sale_key = ?")) {
            Sql.bind(ps, orgId, saleKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO analytics_order_keys (org_id, sale_key, event_id) VALUES (?,?,?)")) {
            Sql.bind(ps, orgId, saleKey, eventId);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(savepoint);
            return false;
        }
    }

    // The update names the deltas first and the key last; the insert takes the same values in that order.
    // Two transactions (another node, or an event batch beside a sale) can both find no row for a new key:
    // the loser's insert meets the primary key, so it rolls back to its savepoint and adds to the winner's row.
    private static void upsert(Connection c, String update, String insert, Object[] values) throws SQLException {
        if (update(c, update, values)) {
            return;
        }
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            Sql.bind(ps, values);
            ps.executeUpdate();
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(savepoint);
            if (!update(c, update, values)) {
                throw e;
            }
        }
    }

    private static boolean update(Connection c, String update, Object[] values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(update)) {
            Sql.bind(ps, values);
            return ps.executeUpdate() > 0;
        }
    }

    private static BigDecimal signed(BigDecimal value, int sign) {
        return sign < 0 ? value.negate() : value;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
