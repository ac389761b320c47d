package io.brigade.server.sales;

import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code sale_refunds} and {@code sale_refund_lines} tables, and a refund's payment line on its sale. */
public final class RefundRepository {

    /** A refund as stored. */
    public record Row(String refundId, String orgId, String propertyId, String saleId, int paymentLineNo,
                      String paymentMethod, BigDecimal amount, String reason, String staffId, String staffName,
                      String deviceId, String deviceName, String shiftId, String approvalId, Instant refundedAt,
                      LocalDate businessDate) {
    }

    public Optional<Row> find(Connection c, String orgId, String refundId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT refund_id, org_id, property_id, sale_id, "
                + "payment_line_no, payment_method, amount, reason, staff_id, staff_name, device_id, device_name, "
                + "shift_id, approval_id, refunded_at, business_date FROM sale_refunds WHERE refund_id = ? "
                + "AND org_id = ?")) {
            Sql.bind(ps, refundId, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), Sql.money(rs, "amount"), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getString(14), Sql.instant(rs, "refunded_at"), rs.getObject(16, LocalDate.class)))
                        : Optional.empty();
            }
        }
    }

    /** How many of each item line (1 = the sale's first item) were refunded before. */
    public Map<Integer, Integer> refundedQuantities(Connection c, String saleId) throws SQLException {
        Map<Integer, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.item_line_no, SUM(l.quantity) FROM sale_refund_lines l "
                + "JOIN sale_refunds r ON r.refund_id = l.refund_id WHERE r.sale_id = ? GROUP BY l.item_line_no")) {
            Sql.bind(ps, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /** The lines of a refund: item line and how many. */
    public List<int[]> lines(Connection c, String refundId) throws SQLException {
        List<int[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item_line_no, quantity FROM sale_refund_lines "
                + "WHERE refund_id = ? ORDER BY item_line_no")) {
            Sql.bind(ps, refundId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new int[] {rs.getInt(1), rs.getInt(2)});
                }
            }
        }
        return out;
    }

    /** Adds a Refund payment line to the sale and its amount to the sale's refunds; answers the line's number. */
    public int addRefundPayment(Connection c, String saleId, String method, BigDecimal amount, Instant at,
                                String description) throws SQLException {
        int lineNo;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(line_no), -1) + 1 FROM sale_payments WHERE sale_id = ?")) {
            Sql.bind(ps, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                lineNo = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_payments (sale_id, line_no, type, "
                + "payment_method, amount, paid_at, description1) VALUES (?,?,?,?,?,?,?)")) {
            Sql.bind(ps, saleId, lineNo, "Refund", method, amount, at, description);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sales SET total_refunds = total_refunds + ?, "
                + "updated_at = ? WHERE sale_id = ?")) {
            Sql.bind(ps, amount, at, saleId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sale_line_totals SET refunds = refunds + ? "
                + "WHERE sale_id = ?")) {
            Sql.bind(ps, amount, saleId);
            ps.executeUpdate();
        }
        return lineNo;
    }

    public void insert(Connection c, Row r, Map<Integer, Integer> lines, Map<Integer, BigDecimal> lineAmounts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_refunds (refund_id, org_id, property_id, "
                + "sale_id, payment_line_no, payment_method, amount, reason, staff_id, staff_name, device_id, "
                + "device_name, shift_id, approval_id, refunded_at, business_date) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, r.refundId(), r.orgId(), r.propertyId(), r.saleId(), r.paymentLineNo(), r.paymentMethod(),
                    r.amount(), r.reason(), r.staffId(), r.staffName(), r.deviceId(), r.deviceName(), r.shiftId(),
                    r.approvalId(), r.refundedAt(), r.businessDate());
            ps.executeUpdate();
        }
        if (lines.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_refund_lines (refund_id, item_line_no, "
                + "quantity, amount) VALUES (?,?,?,?)")) {
            for (Map.Entry<Integer, Integer> l : lines.entrySet()) {
                Sql.bind(ps, r.refundId(), l.getKey(), l.getValue(), lineAmounts.get(l.getKey()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
