package io.brigade.server.analytics;

import io.brigade.protocol.analytics.Reconciliation;
import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-sale check of the POS guide: the line roll-up (items with their modifiers, charges, discounts,
 * payments and refunds) must equal the header totals. Reads the sales tables of the range, so its cost
 * grows with the sales in the range (the range is capped by the caller).
 */
final class ReconciliationRepository {

    private static final class Totals {
        final String saleId;
        final String channelId;
        final BigDecimal[] header = new BigDecimal[6];
        BigDecimal paymentMismatch;
        BigDecimal charges = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        final Map<Integer, Line> lines = new LinkedHashMap<>();

        Totals(String saleId, String channelId) {
            this.saleId = saleId;
            this.channelId = channelId;
        }
    }

    private record Line(Integer parent, int quantity, BigDecimal unitPrice, List<Line> children) {
        // Quantity times (unit price plus the children's totals per unit), as the server prices a line.
        BigDecimal total() {
            BigDecimal unit = unitPrice;
            for (Line child : children) {
                unit = unit.add(child.total());
            }
            return unit.multiply(BigDecimal.valueOf(quantity));
        }
    }

    private static final String[] FIELDS = {"totalItems", "totalCharges", "totalDiscounts", "totalRefunds",
            "totalSaleAmount", "totalPaidAmount"};

    Reconciliation check(Connection c, AnalyticsFilter f) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = salesWhere(f, params);
        Map<String, Totals> sales = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.sale_id, s.sales_channel_id, s.total_items, "
                + "s.total_charges, s.total_discounts, s.total_refunds, s.total_sale_amount, s.total_paid_amount, "
                + "s.payment_mismatch "
                + "FROM sales s" + where + " ORDER BY s.business_date, s.sale_id")) {
            Sql.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Totals t = new Totals(rs.getString(1), rs.getString(2));
                    for (int i = 0; i < 6; i++) {
                        t.header[i] = rs.getBigDecimal(3 + i);
                    }
                    t.paymentMismatch = rs.getBigDecimal(9);
                    sales.put(t.saleId, t);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT i.sale_id, i.line_no, i.parent_line_no, i.quantity, "
                + "i.unit_price FROM sale_items i JOIN sales s ON s.sale_id = i.sale_id" + where
                + " ORDER BY i.sale_id, i.line_no")) {
            Sql.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Totals t = sales.get(rs.getString(1));
                    if (t != null) {
                        t.lines.put(rs.getInt(2), new Line(Sql.nullableInt(rs, "parent_line_no"), rs.getInt(4),
                                rs.getBigDecimal(5), new ArrayList<>()));
                    }
                }
            }
        }
        sumInto(c, "SELECT x.sale_id, SUM(x.amount) FROM sale_charges x JOIN sales s ON s.sale_id = x.sale_id"
                + where + " GROUP BY x.sale_id", params, sales, (t, v) -> t.charges = v);
        sumInto(c, "SELECT x.sale_id, SUM(x.amount) FROM sale_discounts x JOIN sales s ON s.sale_id = x.sale_id"
                + where + " GROUP BY x.sale_id", params, sales, (t, v) -> t.discounts = v);
        sumInto(c, "SELECT x.sale_id, SUM(x.amount) FROM sale_payments x JOIN sales s ON s.sale_id = x.sale_id"
                + where + " AND x.type <> 'Refund' GROUP BY x.sale_id", params, sales, (t, v) -> t.paid = v);
        sumInto(c, "SELECT x.sale_id, SUM(x.amount) FROM sale_payments x JOIN sales s ON s.sale_id = x.sale_id"
                + where + " AND x.type = 'Refund' GROUP BY x.sale_id", params, sales, (t, v) -> t.refunds = v);

        List<Reconciliation.Mismatch> mismatches = new ArrayList<>();
        List<Reconciliation.PaymentMismatch> paymentMismatches = new ArrayList<>();
        for (Totals t : sales.values()) {
            if (t.paymentMismatch.signum() != 0) {
                paymentMismatches.add(new Reconciliation.PaymentMismatch(t.saleId, t.channelId, plain(t.header[4]),
                        plain(t.header[5]), plain(t.header[3]), plain(t.paymentMismatch)));
            }
            BigDecimal items = BigDecimal.ZERO;
            for (Line line : t.lines.values()) {
                if (line.parent() == null) {
                    continue;
                }
                Line parent = t.lines.get(line.parent());
                if (parent != null) {
                    parent.children().add(line);
                }
            }
            for (Line line : t.lines.values()) {
                if (line.parent() == null) {
                    items = items.add(line.total());
                }
            }
            BigDecimal[] fromLines = {items, t.charges, t.discounts, t.refunds,
                    items.add(t.charges).subtract(t.discounts), t.paid};
            for (int i = 0; i < 6; i++) {
                if (t.header[i].compareTo(fromLines[i]) != 0) {
                    mismatches.add(new Reconciliation.Mismatch(t.saleId, t.channelId, FIELDS[i],
                            plain(t.header[i]), plain(fromLines[i])));
                }
            }
        }
        return new Reconciliation(f.fromDate(), f.toDate(), sales.size(), mismatches, paymentMismatches);
    }

    private interface Setter {
        void set(Totals t, BigDecimal value);
    }

    private static void sumInto(Connection c, String sql, List<Object> params, Map<String, Totals> sales,
                                Setter setter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Totals t = sales.get(rs.getString(1));
                    if (t != null) {
                        setter.set(t, rs.getBigDecimal(2));
                    }
                }
            }
        }
    }

    private static String salesWhere(AnalyticsFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE s.org_id = ? AND s.business_date BETWEEN ? AND ?");
        params.add(f.orgId());
        params.add(f.fromDate());
        params.add(f.toDate());
        if (f.propertyId() != null) {
            sql.append(" AND s.property_id = ?");
            params.add(f.propertyId());
        }
        if (f.salesChannelId() != null) {
            sql.append(" AND s.sales_channel_id = ?");
            params.add(f.salesChannelId());
        }
        if (f.salesChannelType() != null) {
            sql.append(" AND s.sales_channel_id IN (SELECT sales_channel_id FROM sales_channels WHERE org_id = ? "
                    + "AND sales_channel_type = ?)");
            params.add(f.orgId());
            params.add(f.salesChannelType());
        }
        return sql.toString();
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
