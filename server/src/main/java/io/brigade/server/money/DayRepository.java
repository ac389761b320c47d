package io.brigade.server.money;

import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a store's business day of sales for the X and Z reports: a few queries over the day's rows (by the
 * sales' org and business date index), put together in memory.
 */
public final class DayRepository {

    /** A stored sale of the day with its lines. */
    public static final class DaySale {
        final String saleId;
        final LocalDate businessDate;
        final String status;
        final String dispatchType;
        final Instant dateTime;
        final String menuId;
        final long revisionId;
        final Integer guests;
        final String metadata;
        final BigDecimal items;
        final BigDecimal charges;
        final BigDecimal discounts;
        final BigDecimal saleAmount;
        final List<Line> lines = new ArrayList<>();
        final List<Amount> chargeLines = new ArrayList<>();
        final List<Amount> discountLines = new ArrayList<>();
        final List<Payment> payments = new ArrayList<>();
        private DayFigures.Origin origin;

        DaySale(String saleId, LocalDate businessDate, String status, String dispatchType, Instant dateTime, String menuId, long revisionId,
                Integer guests, String metadata, BigDecimal items, BigDecimal charges, BigDecimal discounts,
                BigDecimal saleAmount) {
            this.saleId = saleId;
            this.businessDate = businessDate;
            this.status = status;
            this.dispatchType = dispatchType;
            this.dateTime = dateTime;
            this.menuId = menuId;
            this.revisionId = revisionId;
            this.guests = guests;
            this.metadata = metadata;
            this.items = items;
            this.charges = charges;
            this.discounts = discounts;
            this.saleAmount = saleAmount;
        }

        /** Where the sale and its payments were taken, read once from its metadata. */
        DayFigures.Origin origin() {
            if (origin == null) {
                origin = DayFigures.Origin.of(metadata);
            }
            return origin;
        }
    }

    /** An item line (flattened: a modifier names its parent line). */
    record Line(int lineNo, Integer parentLineNo, String menuItemId, int quantity, BigDecimal unitPrice) {
    }

    /** A charge or discount line. */
    record Amount(String type, BigDecimal amount, String code) {
    }

    /** A payment line. */
    record Payment(int lineNo, String type, String method, BigDecimal amount, Instant paidAt) {
    }

    /** A refund given after its sale (by the refund route), on the day it was given. */
    record GivenRefund(String saleId, int paymentLineNo, String method, BigDecimal amount, String shiftId,
                       String deviceId, String deviceName) {
    }

    /** The refunds given at the store on {@code date} (whatever day their sales were rung). */
    public List<GivenRefund> refundsOf(Connection c, String orgId, String propertyId, LocalDate date)
            throws SQLException {
        List<GivenRefund> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sale_id, payment_line_no, payment_method, amount, "
                + "shift_id, device_id, device_name FROM sale_refunds WHERE property_id = ? AND business_date = ? "
                + "AND org_id = ? ORDER BY refunded_at, refund_id")) {
            Sql.bind(ps, propertyId, date, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GivenRefund(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** The payment lines (sale id, line) of the day's sales that are refunds given later by the refund route. */
    public java.util.Set<String> laterRefundLines(Connection c, String orgId, String propertyId, LocalDate date)
            throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.sale_id, r.payment_line_no FROM sale_refunds r "
                + "JOIN sales s ON s.sale_id = r.sale_id WHERE s.org_id = ? AND s.property_id = ? "
                + "AND s.business_date = ?")) {
            Sql.bind(ps, orgId, propertyId, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + '/' + rs.getInt(2));
                }
            }
        }
        return out;
    }

    private static final String OF_DAY = " JOIN sales s ON s.sale_id = x.sale_id WHERE s.org_id = ? "
            + "AND s.property_id = ? AND s.business_date = ? ORDER BY x.sale_id, x.line_no";

    /** The store's sales of {@code date}, cancelled ones too, in sale id order. */
    public Map<String, DaySale> sales(Connection c, String orgId, String propertyId, LocalDate date)
            throws SQLException {
        Map<String, DaySale> sales = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sale_id, status, dispatch_type, date_time, menu_id, "
                + "menu_revision_id, dine_in_guests, metadata, total_items, total_charges, total_discounts, "
                + "total_sale_amount FROM sales WHERE org_id = ? AND property_id = ? AND business_date = ? "
                + "ORDER BY sale_id")) {
            Sql.bind(ps, orgId, propertyId, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DaySale s = new DaySale(rs.getString(1), date, rs.getString(2), rs.getString(3),
                            Sql.instant(rs, "date_time"), rs.getString(5), rs.getLong(6),
                            Sql.nullableInt(rs, "dine_in_guests"), rs.getString(8), rs.getBigDecimal(9),
                            rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12));
                    sales.put(s.saleId, s);
                }
            }
        }
        if (sales.isEmpty()) {
            return sales;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT x.sale_id, x.line_no, x.parent_line_no, "
                + "x.menu_item_id, x.quantity, x.unit_price FROM sale_items x" + OF_DAY)) {
            Sql.bind(ps, orgId, propertyId, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sales.get(rs.getString(1)).lines.add(new Line(rs.getInt(2), Sql.nullableInt(rs, "parent_line_no"),
                            rs.getString(4), rs.getInt(5), rs.getBigDecimal(6)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT x.sale_id, x.type, x.amount FROM sale_charges x"
                + OF_DAY)) {
            Sql.bind(ps, orgId, propertyId, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sales.get(rs.getString(1)).chargeLines.add(new Amount(rs.getString(2), rs.getBigDecimal(3), null));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT x.sale_id, x.type, x.amount, x.code "
                + "FROM sale_discounts x" + OF_DAY)) {
            Sql.bind(ps, orgId, propertyId, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sales.get(rs.getString(1)).discountLines.add(new Amount(rs.getString(2), rs.getBigDecimal(3),
                            rs.getString(4)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT x.sale_id, x.line_no, x.type, x.payment_method, "
                + "x.amount, x.paid_at FROM sale_payments x" + OF_DAY)) {
            Sql.bind(ps, orgId, propertyId, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sales.get(rs.getString(1)).payments.add(new Payment(rs.getInt(2), rs.getString(3),
                            rs.getString(4), rs.getBigDecimal(5), Sql.instant(rs, "paid_at")));
                }
            }
        }
        return sales;
    }
}
