package io.brigade.server.devices;

import io.brigade.protocol.devices.Device;
import io.brigade.protocol.devices.DeviceRole;
import io.brigade.server.access.Caller;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code devices} and {@code pairing_codes} tables. */
public final class DeviceRepository {
    private static final String COLUMNS = "device_id, property_id, name, role, display_prefix, paired_at, "
            + "last_seen_at, revoked_at";

    /** A pairing code's row. */
    public record Code(String orgId, String propertyId, DeviceRole role, String name, Instant expiresAt,
                       Instant usedAt) {
    }

    /** A device found by its credential, as a caller, with when it was last seen. */
    public record Holder(Caller.Device device, Instant lastSeenAt) {
    }

    public void insertCode(Connection c, String codeHash, String orgId, String propertyId, DeviceRole role,
                           String name, String createdBy, Instant now, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pairing_codes (code_hash, org_id, property_id, "
                + "role, name, created_by, created_at, expires_at) VALUES (?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, codeHash, orgId, propertyId, role, name, createdBy, now, expiresAt);
            ps.executeUpdate();
        }
    }

    /** The code's row, locked for the pairing that is about to use it. */
    public Optional<Code> lockCode(Connection c, String codeHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT org_id, property_id, role, name, expires_at, used_at "
                + "FROM pairing_codes WHERE code_hash = ? FOR UPDATE")) {
            Sql.bind(ps, codeHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Code(rs.getString(1), rs.getString(2),
                        DeviceRole.valueOf(rs.getString(3)), rs.getString(4), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "used_at"))) : Optional.empty();
            }
        }
    }

    public void useCode(Connection c, String codeHash, String deviceId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE pairing_codes SET used_at = ?, device_id = ? WHERE code_hash = ?")) {
            Sql.bind(ps, now, deviceId, codeHash);
            ps.executeUpdate();
        }
    }

    public void insert(Connection c, String deviceId, String orgId, String propertyId, String name, DeviceRole role,
                       String displayPrefix, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO devices (device_id, org_id, property_id, name, "
                + "role, display_prefix, token_hash, paired_at, last_seen_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, deviceId, orgId, propertyId, name, role, displayPrefix, tokenHash, now, now);
            ps.executeUpdate();
        }
    }

    /** Every display prefix a device of this store ever had (revoked ones too: their sales keep theirs). */
    public Set<String> prefixes(Connection c, String propertyId) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT display_prefix FROM devices WHERE property_id = ? AND display_prefix IS NOT NULL")) {
            Sql.bind(ps, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The device holding this credential, revoked or not (a revoked till may still hand in old sales). */
    public Optional<Holder> findByToken(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT org_id, " + COLUMNS
                + " FROM devices WHERE token_hash = ?")) {
            Sql.bind(ps, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Device d = device(rs);
                return Optional.of(new Holder(new Caller.Device(rs.getString("org_id"), d.deviceId(),
                        d.propertyId(), d.role(), d.name(), d.displayPrefix(), d.revokedAt()), d.lastSeenAt()));
            }
        }
    }

    public List<Device> list(Connection c, String orgId) throws SQLException {
        List<Device> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM devices WHERE org_id = ? "
                + "ORDER BY revoked_at NULLS FIRST, paired_at, device_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(device(rs));
                }
            }
        }
        return out;
    }

    public Optional<Device> find(Connection c, String orgId, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM devices WHERE org_id = ? AND device_id = ?")) {
            Sql.bind(ps, orgId, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(device(rs)) : Optional.empty();
            }
        }
    }

    public void update(Connection c, String deviceId, String name, DeviceRole role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET name = ?, role = ? WHERE device_id = ?")) {
            Sql.bind(ps, name, role, deviceId);
            ps.executeUpdate();
        }
    }

    /** Revokes the device and ends the staff sessions opened on it; false when it was already revoked. */
    public boolean revoke(Connection c, String deviceId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE devices SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL")) {
            Sql.bind(ps, now, deviceId);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_sessions WHERE device_id = ?")) {
            Sql.bind(ps, deviceId);
            ps.executeUpdate();
        }
        return true;
    }

    public void seen(Connection c, String deviceId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET last_seen_at = ? WHERE device_id = ?")) {
            Sql.bind(ps, now, deviceId);
            ps.executeUpdate();
        }
    }

    private static Device device(ResultSet rs) throws SQLException {
        return new Device(rs.getString("device_id"), rs.getString("property_id"), rs.getString("name"),
                DeviceRole.valueOf(rs.getString("role")), rs.getString("display_prefix"),
                Sql.instant(rs, "paired_at"), Sql.instant(rs, "last_seen_at"), Sql.instant(rs, "revoked_at"));
    }
}
