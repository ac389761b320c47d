package io.brigade.server.money;

import io.brigade.protocol.money.MoneySettings;
import io.brigade.protocol.money.Voucher;
import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code money_settings}, {@code approvals} and {@code vouchers} tables. */
public final class ApprovalRepository {

    /** An approval as stored. */
    public record Row(String approvalId, String orgId, String propertyId, String action, BigDecimal amount,
                      String subject, String reason, String managerId, String managerName, String requestedBy,
                      String deviceId, String deviceName, Instant approvedAt, Instant expiresAt, Instant usedAt) {
    }

    public Optional<MoneySettings> settings(Connection c, String propertyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT discount_percent_limit, discount_amount_limit, "
                + "refunds_need_manager, voids_need_manager, no_sale_needs_manager, reopen_needs_manager "
                + "FROM money_settings WHERE property_id = ?")) {
            Sql.bind(ps, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new MoneySettings(Sql.money(rs, "discount_percent_limit"),
                        Sql.money(rs, "discount_amount_limit"), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getBoolean(6))) : Optional.empty();
            }
        }
    }

    public void saveSettings(Connection c, String orgId, String propertyId, MoneySettings s, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM money_settings WHERE property_id = ?")) {
            Sql.bind(ps, propertyId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO money_settings (property_id, org_id, "
                + "discount_percent_limit, discount_amount_limit, refunds_need_manager, voids_need_manager, "
                + "no_sale_needs_manager, reopen_needs_manager, updated_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, propertyId, orgId, s.discountPercentLimit(), s.discountAmountLimit(),
                    s.refundsNeedManager(), s.voidsNeedManager(), s.noSaleNeedsManager(), s.reopenNeedsManager(),
                    now);
            ps.executeUpdate();
        }
    }

    public void insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO approvals (approval_id, org_id, property_id, "
                + "action, amount, subject, reason, manager_id, manager_name, requested_by, device_id, device_name, "
                + "approved_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, r.approvalId(), r.orgId(), r.propertyId(), r.action(), r.amount(), r.subject(), r.reason(),
                    r.managerId(), r.managerName(), r.requestedBy(), r.deviceId(), r.deviceName(), r.approvedAt(),
                    r.expiresAt());
            ps.executeUpdate();
        }
    }

    /** The approval, its row locked for the action that uses it. */
    public Optional<Row> lock(Connection c, String orgId, String approvalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT approval_id, org_id, property_id, action, amount, "
                + "subject, reason, manager_id, manager_name, requested_by, device_id, device_name, approved_at, "
                + "expires_at, used_at FROM approvals WHERE approval_id = ? AND org_id = ? FOR UPDATE")) {
            Sql.bind(ps, approvalId, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Sql.money(rs, "amount"), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        Sql.instant(rs, "approved_at"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at")))
                        : Optional.empty();
            }
        }
    }

    public void use(Connection c, String approvalId, String usedFor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE approvals SET used_at = ?, used_for = ? WHERE approval_id = ?")) {
            Sql.bind(ps, now, usedFor, approvalId);
            ps.executeUpdate();
        }
    }

    // ---- vouchers ----

    private static final String VOUCHER_COLUMNS = "code, amount, valid_from, valid_to, max_uses, uses, note, "
            + "disabled_at";

    public boolean insertVoucher(Connection c, String orgId, Voucher v, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vouchers (org_id, code, amount, valid_from, "
                + "valid_to, max_uses, uses, note, created_at) VALUES (?,?,?,?,?,?,0,?,?)")) {
            Sql.bind(ps, orgId, v.code(), v.amount(), v.validFrom(), v.validTo(), v.maxUses(), v.note(), now);
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Voucher> voucher(Connection c, String orgId, String code) throws SQLException {
        List<Voucher> found = vouchers(c, "SELECT " + VOUCHER_COLUMNS + " FROM vouchers WHERE org_id = ? AND code = ?",
                orgId, code);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<Voucher> vouchers(Connection c, String orgId) throws SQLException {
        return vouchers(c, "SELECT " + VOUCHER_COLUMNS + " FROM vouchers WHERE org_id = ? ORDER BY created_at DESC, "
                + "code", orgId);
    }

    public boolean disableVoucher(Connection c, String orgId, String code, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vouchers SET disabled_at = ? WHERE org_id = ? "
                + "AND code = ? AND disabled_at IS NULL")) {
            Sql.bind(ps, now, orgId, code);
            return ps.executeUpdate() == 1;
        }
    }

    /** Counts one use of a voucher that is valid on {@code date} and has uses left; false when it has not. */
    public boolean useVoucher(Connection c, String orgId, String code, LocalDate date) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vouchers SET uses = uses + 1 WHERE org_id = ? "
                + "AND code = ? AND disabled_at IS NULL AND valid_from <= ? AND valid_to >= ? "
                + "AND (max_uses IS NULL OR uses < max_uses)")) {
            Sql.bind(ps, orgId, code, date, date);
            return ps.executeUpdate() == 1;
        }
    }

    private static List<Voucher> vouchers(Connection c, String sql, Object... args) throws SQLException {
        List<Voucher> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Voucher(rs.getString(1), Sql.money(rs, "amount"), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), Sql.nullableInt(rs, "max_uses"), rs.getInt(6),
                            rs.getString(7), Sql.instant(rs, "disabled_at") == null));
                }
            }
        }
        return out;
    }
}
