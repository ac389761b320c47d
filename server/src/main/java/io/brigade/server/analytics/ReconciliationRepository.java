package io.brigade.server.analytics;

import io.brigade.protocol.analytics.Reconciliation;
import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-sale check of the POS guide: the line roll-up (items with their modifiers, charges, discounts,
 * payments and refunds) must equal the header totals. What a sale's lines add up to is kept with them when they
 * are written ({@code sale_line_totals}); the check compares each header of the range with it in the database and
 * reads only the sales that differ, so its cost is one pass over the range's headers (the range is capped by the
 * caller).
 */
final class ReconciliationRepository {

    private static final String[] FIELDS = {"totalItems", "totalCharges", "totalDiscounts", "totalRefunds",
            "totalSaleAmount", "totalPaidAmount"};

    Reconciliation check(Connection c, AnalyticsFilter f) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = salesWhere(f, params);
        long checked;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sales s" + where)) {
            Sql.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                checked = rs.getLong(1);
            }
        }
        List<Reconciliation.Mismatch> mismatches = new ArrayList<>();
        List<Reconciliation.PaymentMismatch> paymentMismatches = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.sale_id, s.sales_channel_id, s.total_items, "
                + "s.total_charges, s.total_discounts, s.total_refunds, s.total_sale_amount, s.total_paid_amount, "
                + "s.payment_mismatch, COALESCE(t.items, 0), COALESCE(t.charges, 0), COALESCE(t.discounts, 0), "
                + "COALESCE(t.refunds, 0), COALESCE(t.paid, 0) "
                + "FROM sales s LEFT JOIN sale_line_totals t ON t.sale_id = s.sale_id" + where
                + " AND (s.payment_mismatch <> 0 OR t.sale_id IS NULL OR s.total_items <> t.items "
                + "OR s.total_charges <> t.charges OR s.total_discounts <> t.discounts OR s.total_refunds <> t.refunds "
                + "OR s.total_sale_amount <> t.items + t.charges - t.discounts OR s.total_paid_amount <> t.paid) "
                + "ORDER BY s.business_date, s.sale_id")) {
            Sql.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String saleId = rs.getString(1);
                    String channelId = rs.getString(2);
                    BigDecimal[] header = new BigDecimal[6];
                    for (int i = 0; i < 6; i++) {
                        header[i] = rs.getBigDecimal(3 + i);
                    }
                    BigDecimal paymentMismatch = rs.getBigDecimal(9);
                    if (paymentMismatch.signum() != 0) {
                        paymentMismatches.add(new Reconciliation.PaymentMismatch(saleId, channelId, plain(header[4]),
                                plain(header[5]), plain(header[3]), plain(paymentMismatch)));
                    }
                    BigDecimal items = rs.getBigDecimal(10);
                    BigDecimal charges = rs.getBigDecimal(11);
                    BigDecimal discounts = rs.getBigDecimal(12);
                    BigDecimal[] fromLines = {items, charges, discounts, rs.getBigDecimal(13),
                            items.add(charges).subtract(discounts), rs.getBigDecimal(14)};
                    for (int i = 0; i < 6; i++) {
                        if (header[i].compareTo(fromLines[i]) != 0) {
                            mismatches.add(new Reconciliation.Mismatch(saleId, channelId, FIELDS[i],
                                    plain(header[i]), plain(fromLines[i])));
                        }
                    }
                }
            }
        }
        return new Reconciliation(f.fromDate(), f.toDate(), checked, mismatches, paymentMismatches);
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
