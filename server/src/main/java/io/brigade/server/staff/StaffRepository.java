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
import java.util.Optional;

/** The {@code staff} table: an org's members, their roles and PIN digests. */
public final class StaffRepository {

    /** A member found by their PIN's keyed digest, with whether their org is the demo restaurant. */
    public record Holder(String staffId, String orgId, String name, StaffRole role, boolean pinChangeRequired,
                         boolean demoOrg) {
    }

    public void insert(Connection c, String orgId, StaffMember member, String pinSalt, String pinDigest,
                       String pinIndex, boolean pinChangeRequired) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff (staff_id, org_id, name, role, pin_salt, "
                + "pin_digest, pin_index, pin_change_required, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, member.staffId(), orgId, member.name(), member.role().name(), pinSalt, pinDigest, pinIndex,
                    pinChangeRequired, member.createdAt());
            ps.executeUpdate();
        }
    }

    /** The current member whose PIN has this keyed digest: one indexed look-up, whatever the org. */
    public Optional<Holder> findByPinIndex(Connection c, String pinIndex) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.staff_id, s.org_id, s.name, s.role, "
                + "s.pin_change_required, o.demo FROM staff s JOIN orgs o ON o.org_id = s.org_id "
                + "WHERE s.pin_index = ? AND s.removed_at IS NULL")) {
            Sql.bind(ps, pinIndex);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Holder(rs.getString(1), rs.getString(2), rs.getString(3),
                        StaffRole.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6))) : Optional.empty();
            }
        }
    }

    /** Current members stored before the keyed digest existed (they get it at their next sign-in). */
    public List<StaffCredential> withoutPinIndex(Connection c, String orgId) throws SQLException {
        List<StaffCredential> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_id, name, role, pin_salt, pin_digest FROM staff "
                + "WHERE org_id = ? AND pin_index IS NULL AND removed_at IS NULL")) {
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

    public void setPinIndex(Connection c, String staffId, String pinIndex) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE staff SET pin_index = ? WHERE staff_id = ?")) {
            Sql.bind(ps, pinIndex, staffId);
            ps.executeUpdate();
        }
    }

    /** Replaces a current member's PIN; the one-time PIN requirement ends with it. */
    public boolean setPin(Connection c, String staffId, String pinSalt, String pinDigest, String pinIndex)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE staff SET pin_salt = ?, pin_digest = ?, pin_index = ?, "
                + "pin_change_required = FALSE WHERE staff_id = ? AND removed_at IS NULL")) {
            Sql.bind(ps, pinSalt, pinDigest, pinIndex, staffId);
            return ps.executeUpdate() > 0;
        }
    }

    /** Sets the language a member chose (null: each device's own); false when no current member has that id. */
    public boolean setLanguage(Connection c, String orgId, String staffId, String language) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE staff SET language = ? WHERE org_id = ? AND staff_id = ? "
                + "AND removed_at IS NULL")) {
            Sql.bind(ps, language, orgId, staffId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Whether the org is the demo restaurant (the only one whose staff may use the demo PINs). */
    public boolean isDemoOrg(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT demo FROM orgs WHERE org_id = ?")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public void markDemoOrg(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orgs SET demo = TRUE WHERE org_id = ?")) {
            Sql.bind(ps, orgId);
            ps.executeUpdate();
        }
    }

    /** The key of the PIN digests' index, made (32 random bytes, hex) by the first caller. */
    public String pinIndexKey(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key_value FROM staff_pin_key WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return rs.getString(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_pin_key (id, key_value) VALUES (1, ?)")) {
            String key = java.util.HexFormat.of().formatHex(io.brigade.server.webhooks.SecretBox.randomBytes(32));
            Sql.bind(ps, key);
            ps.executeUpdate();
            return key;
        }
    }


    /** The org's current staff with their PIN digests, oldest first. */
    public List<StaffCredential> credentials(Connection c, String orgId) throws SQLException {
        List<StaffCredential> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_id, name, role, pin_salt, pin_digest, language "
                + "FROM staff WHERE org_id = ? AND removed_at IS NULL ORDER BY created_at, staff_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StaffCredential(rs.getString(1), rs.getString(2), StaffRole.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
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
                "UPDATE staff SET removed_at = ?, pin_index = NULL WHERE org_id = ? AND staff_id = ? "
                        + "AND removed_at IS NULL")) {
            Sql.bind(ps, now, orgId, staffId);
            return ps.executeUpdate() == 1;
        }
    }
}
