package io.brigade.server.auth;

import io.brigade.protocol.staff.StaffRole;
import io.brigade.server.access.Caller;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code staff_sessions} table: a digest of each session token with its member and expiry. Looking a session
 * up joins the member's row in {@code staff}, so a removed member's sessions stop at once and a changed role
 * applies to the next request, in the one read every back-office request makes.
 */
public final class SessionRepository {

    /** A session; {@code deviceId} (null when not opened on a paired device) ends it when the device is revoked. */
    public void insert(Connection c, String tokenHash, String staffId, String orgId, Instant expiresAt,
                       String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_sessions (token_hash, staff_id, org_id, "
                + "expires_at, device_id) VALUES (?,?,?,?,?)")) {
            Sql.bind(ps, tokenHash, staffId, orgId, expiresAt, deviceId);
            ps.executeUpdate();
        }
    }

    /**
     * The caller of an unexpired session whose member is still on the staff and whose device (if it was opened on
     * one) was not revoked; a member still to choose their own PIN is a {@link Caller.StaffChoosingPin}.
     */
    public Optional<Caller> find(Connection c, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.org_id, s.staff_id, m.role, m.pin_change_required "
                + "FROM staff_sessions s JOIN staff m ON m.staff_id = s.staff_id "
                + "LEFT JOIN devices d ON d.device_id = s.device_id "
                + "WHERE s.token_hash = ? AND s.expires_at > ? AND m.removed_at IS NULL AND d.revoked_at IS NULL")) {
            Sql.bind(ps, tokenHash, now);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(rs.getBoolean(4) ? new Caller.StaffChoosingPin(rs.getString(1), rs.getString(2))
                        : new Caller.Staff(rs.getString(1), rs.getString(2), StaffRole.valueOf(rs.getString(3))));
            }
        }
    }

    public boolean delete(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_sessions WHERE token_hash = ?")) {
            Sql.bind(ps, tokenHash);
            return ps.executeUpdate() > 0;
        }
    }

    /** Deletes the org's sessions that can no longer be used: expired, or of members who were removed. */
    public int deleteDead(Connection c, String orgId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_sessions WHERE org_id = ? AND "
                + "(expires_at <= ? OR staff_id IN (SELECT staff_id FROM staff WHERE org_id = ? "
                + "AND removed_at IS NOT NULL))")) {
            Sql.bind(ps, orgId, now, orgId);
            return ps.executeUpdate();
        }
    }
}
