package io.brigade.server.analytics;

import io.brigade.protocol.analytics.AnalyticsEvent;
import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** One sale's facts to add ({@code cancelled} false) or to move to the cancelled columns (true). */
    record SaleChange(SaleFacts facts, boolean cancelled) {
    }

    /**
     * Applies sale changes (new sales of a batch or an import chunk, or one cancellation): the
     * values summed per rollup row in memory, then per table one batched UPDATE and one batched INSERT of
     * the rows that were not there yet. Rows are written in key order, as concurrent writers expect.
     */
    void applySales(Connection c, List<SaleChange> changes) throws SQLException {
        RowSums day = new RowSums(SALES_DELTA_COUNT);
        RowSums hour = new RowSums(SALES_DELTA_COUNT);
        RowSums items = new RowSums(ITEM_DELTA_COUNT);
        for (SaleChange change : changes) {
            SaleFacts f = change.facts();
            Object[] deltas = salesDeltas(f, change.cancelled());
            day.add(concat(deltas, dayKey(f)));
            hour.add(concat(deltas, hourKey(f)));
            for (SaleFacts.Component p : f.components()) {
                items.add(itemValues(f, p, change.cancelled()));
            }
        }
        upsertAll(c, SALES_DAY_UPDATE, SALES_DAY_INSERT, day.rows());
        upsertAll(c, SALES_HOUR_UPDATE, SALES_HOUR_INSERT, hour.rows());
        upsertAll(c, ITEM_UPDATE, ITEM_INSERT, items.rows());
    }

    /**
     * A refund given after the sale: revenue down and refunds up on the sale's own day and hour (its order and
     * items stay as they were), so that revenue stays paid minus refunds.
     */
    void applyRefund(Connection c, String orgId, String propertyId, String salesChannelId, java.time.LocalDate date,
                     int hour, BigDecimal amount) throws SQLException {
        Object[] deltas = {0L, amount.negate(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, amount,
                BigDecimal.ZERO, 0L, BigDecimal.ZERO};
        Object[] day = {orgId, date, propertyId, salesChannelId};
        RowSums days = new RowSums(SALES_DELTA_COUNT);
        days.add(concat(deltas, day));
        RowSums hours = new RowSums(SALES_DELTA_COUNT);
        hours.add(concat(deltas, concat(day, new Object[]{hour})));
        upsertAll(c, SALES_DAY_UPDATE, SALES_DAY_INSERT, days.rows());
        upsertAll(c, SALES_HOUR_UPDATE, SALES_HOUR_INSERT, hours.rows());
    }

    private static final int SALES_DELTA_COUNT = 9;
    // The item values before the key: nine deltas, then caption and group caption (newest non-null wins).
    private static final int ITEM_DELTA_COUNT = 11;

    private static Object[] salesDeltas(SaleFacts f, boolean cancelled) {
        int sign = cancelled ? -1 : 1;
        return new Object[]{(long) sign, signed(f.revenue(), sign), signed(f.items(), sign), signed(f.charges(), sign),
                signed(f.discounts(), sign), signed(f.refunds(), sign), signed(f.paid(), sign),
                cancelled ? 1L : 0L, cancelled ? f.saleAmount() : BigDecimal.ZERO};
    }

    private static Object[] dayKey(SaleFacts f) {
        return new Object[]{f.orgId(), f.businessDate(), f.propertyId(), f.salesChannelId()};
    }

    private static Object[] hourKey(SaleFacts f) {
        return concat(dayKey(f), new Object[]{f.hour()});
    }

    private static Object[] itemValues(SaleFacts f, SaleFacts.Component p, boolean cancelled) {
        int sign = cancelled ? -1 : 1;
        return new Object[]{sign * p.quantity(), (long) sign, signed(p.revenue(), sign), signed(p.discounts(), sign),
                signed(p.cost(), sign), signed(p.ownCost(), sign), cancelled ? p.quantity() : 0L,
                cancelled ? 1L : 0L, cancelled ? p.revenue().subtract(p.discounts()) : BigDecimal.ZERO,
                p.caption(), p.groupCaption(), f.orgId(), f.businessDate(), f.propertyId(), f.salesChannelId(),
                p.kind(), p.menuItemId()};
    }

    /**
     * Update values (deltas, then the key) summed per key: numbers add up; a text value (a caption,
     * written as COALESCE(?, caption)) keeps the latest non-null one, as successive updates would.
     */
    private static final class RowSums {
        private final int keyFrom;
        private final Map<String, Object[]> byKey = new TreeMap<>();

        RowSums(int keyFrom) {
            this.keyFrom = keyFrom;
        }

        void add(Object[] values) {
            StringBuilder key = new StringBuilder();
            for (int i = keyFrom; i < values.length; i++) {
                key.append(values[i]).append('\n');
            }
            Object[] sum = byKey.get(key.toString());
            if (sum == null) {
                byKey.put(key.toString(), values.clone());
                return;
            }
            for (int i = 0; i < keyFrom; i++) {
                sum[i] = plus(sum[i], values[i]);
            }
        }

        private static Object plus(Object a, Object b) {
            if (a instanceof Long x && b instanceof Long y) {
                return x + y;
            }
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.add(y);
            }
            return b != null ? b : a;
        }

        List<Object[]> rows() {
            return new ArrayList<>(byKey.values());
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
        if (isSaleOfOrg(c, orgId, saleKey)) {
            // The key of a sale without a partner's reference: that sale's own order_placed counted it unclaimed.
            return false;
        }
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

    /** Whether {@code saleKey} is {@code sale:<id>} of a sale of the org (a partner's reference may look alike). */
    private static boolean isSaleOfOrg(Connection c, String orgId, String saleKey) throws SQLException {
        if (saleKey == null || !saleKey.startsWith(SaleRollups.SERVER_EVENT_PREFIX)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sales WHERE sale_id = ? AND org_id = ?")) {
            Sql.bind(ps, saleKey.substring(SaleRollups.SERVER_EVENT_PREFIX.length()), orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Many claims of {@link #claimOrderKey} at once: returns the ids of the events that are the first
     * order_placed for their sale key (keys already stored, or repeated earlier in the list, lose). If a
     * concurrent writer stores one of the keys meanwhile, falls back to claiming one by one.
     */
    Set<String> claimOrderKeys(Connection c, String orgId, List<AnalyticsEvent> orderPlaced) throws SQLException {
        Map<String, String> winners = new LinkedHashMap<>();
        Set<String> serverKeyed = new HashSet<>();
        for (AnalyticsEvent e : orderPlaced) {
            if (SaleRollups.keyedByItsSale(e)) {
                serverKeyed.add(e.eventId());
            } else {
                winners.putIfAbsent(e.saleKey(), e.eventId());
            }
        }
        if (winners.isEmpty()) {
            return serverKeyed;
        }
        // Keys already stored lose; looked up 500 at a time (a chunk of an import is thousands of sales).
        List<String> keys = new ArrayList<>(winners.keySet());
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement("SELECT sale_key FROM analytics_order_keys "
                    + "WHERE org_id = ? AND sale_key IN (" + Sql.marks(slice.size()) + ")")) {
                Object[] args = new Object[slice.size() + 1];
                args[0] = orgId;
                for (int i = 0; i < slice.size(); i++) {
                    args[i + 1] = slice.get(i);
                }
                Sql.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        winners.remove(rs.getString(1));
                    }
                }
            }
        }
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO analytics_order_keys (org_id, sale_key, event_id) VALUES (?,?,?)")) {
            for (Map.Entry<String, String> w : winners.entrySet()) {
                Sql.bind(ps, orgId, w.getKey(), w.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
            c.releaseSavepoint(savepoint);
            serverKeyed.addAll(winners.values());
            return serverKeyed;
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(savepoint);
            Set<String> first = new HashSet<>(serverKeyed);
            for (AnalyticsEvent event : orderPlaced) {
                if (!SaleRollups.keyedByItsSale(event) && claimOrderKey(c, orgId, event.saleKey(), event.eventId())) {
                    first.add(event.eventId());
                }
            }
            return first;
        }
    }

    // Batched form of upsert: one UPDATE per row in a batch, then the rows it did not find in one INSERT
    // batch. A concurrent writer inserting one of those rows first makes the INSERT batch fail on the
    // primary key: it is rolled back to its savepoint and those rows go through upsert one by one.
    private static void upsertAll(Connection c, String update, String insert, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(update)) {
            for (Object[] values : rows) {
                Sql.bind(ps, values);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (counts[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (Object[] values : missing) {
                Sql.bind(ps, values);
                ps.addBatch();
            }
            ps.executeBatch();
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(savepoint);
            for (Object[] values : missing) {
                upsert(c, update, insert, values);
            }
        }
    }

    // A batch reports the primary-key violation on the batch exception or on one chained to it (PostgreSQL).
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
            if (x.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
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
