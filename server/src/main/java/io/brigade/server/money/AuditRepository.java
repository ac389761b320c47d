package io.brigade.server.money;

import io.brigade.protocol.money.AuditEntry;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.server.Ids;
import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code audit_log} table (only ever inserted into), and the money-affecting lines the sales themselves hold:
 * their discounts and their cancellations, read with it so that nothing is written twice.
 */
public final class AuditRepository {

    /** One action to record. */
    public record Entry(String orgId, String propertyId, Instant at, String action, String staffId, String staffName,
                        String deviceId, String deviceName, BigDecimal amount, String reason, String subject,
                        String approvalId, String approvedBy) {
    }

    public void insert(Connection c, Entry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (audit_id, org_id, property_id, at, "
                + "action, staff_id, staff_name, device_id, device_name, amount, reason, subject, approval_id, "
                + "approved_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, Ids.uuid(), e.orgId(), e.propertyId(), e.at(), e.action(), e.staffId(),
                    clip(e.staffName(), 200), e.deviceId(), clip(e.deviceName(), 100), e.amount(),
                    clip(e.reason(), 500), clip(e.subject(), 100), e.approvalId(), clip(e.approvedBy(), 200));
            ps.executeUpdate();
        }
    }

    /** The number of the Z report that closed the business day of sale {@code saleId}, if one did. */
    public java.util.Optional<Long> zOfSaleDay(Connection c, String orgId, String saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT z.z_number FROM sales s JOIN z_reports z "
                + "ON z.org_id = s.org_id AND z.property_id = s.property_id AND z.business_date = s.business_date "
                + "WHERE s.org_id = ? AND s.sale_id = ?")) {
            Sql.bind(ps, orgId, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getLong(1)) : java.util.Optional.empty();
            }
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The store's recorded actions in [from, to), oldest first. */
    public List<AuditEntry> between(Connection c, String orgId, String propertyId, Instant from, Instant to)
            throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at, action, staff_name, device_name, amount, reason, "
                + "subject, approved_by FROM audit_log WHERE org_id = ? AND property_id = ? AND at >= ? AND at < ? "
                + "ORDER BY at, audit_id")) {
            Sql.bind(ps, orgId, propertyId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(Sql.instant(rs, "at"), rs.getString(2), rs.getString(3), rs.getString(4),
                            Sql.money(rs, "amount"), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /**
     * The discount lines of the store's sales rung in [from, to), with the sale's metadata (who rang it, where,
     * and the approval it carried).
     */
    public List<SaleLine> discounts(Connection c, String orgId, String propertyId, Instant from, Instant to)
            throws SQLException {
        // The business date brackets the times (a day either side covers any zone), so the date index is used.
        java.time.LocalDate first = from.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1);
        java.time.LocalDate last = to.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1);
        List<SaleLine> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.date_time, s.display_id, s.metadata, d.type, "
                + "d.amount, d.code, a.manager_name FROM sale_discounts d JOIN sales s ON s.sale_id = d.sale_id "
                + "LEFT JOIN approvals a ON a.used_for = CONCAT('sale ', s.sale_id) WHERE s.org_id = ? "
                + "AND s.business_date BETWEEN ? AND ? AND s.property_id = ? AND s.date_time >= ? AND s.date_time < ? "
                + "ORDER BY s.date_time, d.sale_id, d.line_no")) {
            Sql.bind(ps, orgId, first, last, propertyId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SaleLine(Sql.instant(rs, "date_time"), rs.getString(2), rs.getString(3),
                            rs.getString(4) + (rs.getString(6) == null ? "" : " " + rs.getString(6)),
                            Sql.money(rs, "amount"), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** The store's sales cancelled in [from, to): when, which, the reason and the amount. */
    public List<SaleLine> cancellations(Connection c, String orgId, String propertyId, Instant from, Instant to)
            throws SQLException {
        List<SaleLine> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cancelled_at, display_id, metadata, "
                + "cancellation_reason, total_sale_amount FROM sales WHERE org_id = ? AND property_id = ? "
                + "AND status = 'SALE_CANCELLED' AND cancelled_at >= ? AND cancelled_at < ? ORDER BY cancelled_at")) {
            Sql.bind(ps, orgId, propertyId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SaleLine(Sql.instant(rs, "cancelled_at"), rs.getString(2), rs.getString(3),
                            rs.getString(4), Sql.money(rs, "total_sale_amount"), null));
                }
            }
        }
        return out;
    }

    /**
     * The voids of lines the kitchen had (action {@code VOID}) in [from, to), of one device when {@code deviceId} is
     * given, by reason: how many and how much they took off, reasons in order.
     */
    public List<MoneyReport.Line> lineVoids(Connection c, String orgId, String propertyId, Instant from, Instant to,
                                            String deviceId) throws SQLException {
        List<MoneyReport.Line> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT reason, COUNT(*), SUM(amount) FROM audit_log "
                + "WHERE property_id = ? AND at >= ? AND at < ? AND org_id = ? AND action = 'VOID'"
                + (deviceId == null ? "" : " AND device_id = ?") + " GROUP BY reason ORDER BY reason")) {
            if (deviceId == null) {
                Sql.bind(ps, propertyId, from, to, orgId);
            } else {
                Sql.bind(ps, propertyId, from, to, orgId, deviceId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal amount = rs.getBigDecimal(3);
                    out.add(new MoneyReport.Line(rs.getString(1) == null ? "" : rs.getString(1), rs.getInt(2),
                            DayFigures.money(amount == null ? BigDecimal.ZERO : amount)));
                }
            }
        }
        return out;
    }

    /** A money line of a sale: when, the sale's display id, its metadata, what (or why) and how much. */
    public record SaleLine(Instant at, String displayId, String metadata, String what, BigDecimal amount,
                           String approvedBy) {
    }
}
