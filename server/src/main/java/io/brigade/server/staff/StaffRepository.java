package io.brigade.server.staff;

import io.brigade.protocol.staff.StaffCredential;
import io.brigade.protocol.staff.StaffMember;
import io.brigade.protocol.staff.StaffRole;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code staff} table: an org's members, their roles and PIN digests. */
public final class StaffRepository {

    public void insert(Connection c, String orgId, StaffMember member, String pinSalt, String pinDigest)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff (staff_id, org_id, name, role, pin_salt, "
                + "pin_digest, created_at) VALUES (?,?,?,?,?,?,?)")) {
            Sql.bind(ps, member.staffId(), orgId, member.name(), member.role().name(), pinSalt, pinDigest,
                    member.createdAt());
            ps.executeUpdate();
        }
    }

    /** The org's current staff with their PIN digests, oldest first. */
    public List<StaffCredential> credentials(Connection c, String orgId) throws SQLException {
        List<StaffCredential> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_id, name, role, pin_salt, pin_digest FROM staff "
                + "WHERE org_id = ? AND removed_at IS NULL ORDER BY created_at, staff_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StaffCredential(rs.getString(1), rs.getString(2), StaffRole.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** The org's current staff, oldest first. */
    public List<StaffMember> list(Connection c, String orgId) throws SQLException {
        List<StaffMember> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_id, name, role, created_at FROM staff "
                + "WHERE org_id = ? AND removed_at IS NULL ORDER BY created_at, staff_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StaffMember(rs.getString("staff_id"), rs.getString("name"),
                            StaffRole.valueOf(rs.getString("role")), Sql.instant(rs, "created_at")));
                }
            }
        }
        return out;
    }

    /**
     * Marks a current member removed; false if there was no such member. Their sessions stop at once: a session
     * is only valid while its member is current.
     */
    public boolean remove(Connection c, String orgId, String staffId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE staff SET removed_at = ? WHERE org_id = ? AND staff_id = ? AND removed_at IS NULL")) {
            Sql.bind(ps, now, orgId, staffId);
            return ps.executeUpdate() == 1;
        }
    }
}
