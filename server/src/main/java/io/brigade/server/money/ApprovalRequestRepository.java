package io.brigade.server.money;

import io.brigade.protocol.money.ApprovalPending;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code approval_requests} table: tills' requests for a manager, answered from the office. */
final class ApprovalRequestRepository {
    private static final String COLUMNS = "request_id, action, amount, subject, reason, requested_by, device_name, "
            + "requested_at, expires_at, status, manager_name, answer, decided_at, approval_id, org_id, property_id, "
            + "device_id";

    /** A request as stored, and whose it is. */
    record Row(ApprovalPending view, String orgId, String propertyId, String deviceId) {
    }

    void insert(Connection c, String orgId, String propertyId, String deviceId, ApprovalPending r)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO approval_requests (request_id, org_id, "
                + "property_id, action, amount, subject, reason, requested_by, device_id, device_name, requested_at, "
                + "expires_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, r.requestId(), orgId, propertyId, r.action(), r.amount(), r.subject(), r.reason(),
                    r.requestedBy(), deviceId, r.deviceName(), r.requestedAt(), r.expiresAt(), r.status());
            ps.executeUpdate();
        }
    }

    Optional<Row> find(Connection c, String orgId, String requestId, boolean lock) throws SQLException {
        List<Row> rows = query(c, "SELECT " + COLUMNS + " FROM approval_requests WHERE org_id = ? AND request_id = ?"
                + (lock ? " FOR UPDATE" : ""), orgId, requestId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The store's requests still waiting at {@code now}, oldest first. */
    List<Row> pending(Connection c, String orgId, String propertyId, Instant now) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM approval_requests WHERE property_id = ? AND status = ? "
                + "AND org_id = ? AND expires_at > ? ORDER BY requested_at, request_id", propertyId,
                ApprovalPending.PENDING, orgId, now);
    }

    void decide(Connection c, String requestId, String status, Instant at, String managerId, String managerName,
                String answer, String approvalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE approval_requests SET status = ?, decided_at = ?, "
                + "manager_id = ?, manager_name = ?, answer = ?, approval_id = ? WHERE request_id = ?")) {
            Sql.bind(ps, status, at, managerId, managerName, answer, approvalId, requestId);
            ps.executeUpdate();
        }
    }

    private static List<Row> query(Connection c, String sql, Object... args) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(new ApprovalPending(rs.getString(1), rs.getString(2), Sql.money(rs, "amount"),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            Sql.instant(rs, "requested_at"), Sql.instant(rs, "expires_at"), rs.getString(10),
                            rs.getString(11), rs.getString(12), Sql.instant(rs, "decided_at"), rs.getString(14)),
                            rs.getString(15), rs.getString(16), rs.getString(17)));
                }
            }
        }
        return out;
    }
}
