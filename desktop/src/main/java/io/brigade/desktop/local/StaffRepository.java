package io.brigade.desktop.local;

import io.brigade.protocol.staff.PinDigest;
import io.brigade.protocol.staff.StaffCredential;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Staff of this terminal, with PINs stored as salted PBKDF2 digests (synced from the server). */
public final class StaffRepository {
    private final LocalDatabase db;

    public StaffRepository(LocalDatabase db) {
        this.db = db;
    }

    /** Adds a staff member; PINs are 4 to 8 digits and unique at this terminal. */
    public StaffMember add(String name, Role role, String pin) {
        if (!PinDigest.isWellFormed(pin)) {
            throw new IllegalArgumentException("a PIN is 4 to 8 digits");
        }
        if (signIn(pin).isPresent()) {
            throw new IllegalArgumentException("another staff member already uses this PIN");
        }
        String salt = PinDigest.newSalt();
        StaffMember member = new StaffMember(UUID.randomUUID().toString(), name, role);
        db.inDurableTransaction(c -> {
            insert(c, member, salt, PinDigest.digest(pin, salt));
            return null;
        });
        return member;
    }

    /** Replaces this terminal's staff with the server's list, so that sign-in works offline with current PINs. */
    public void replaceAll(List<StaffCredential> fromServer) {
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff")) {
                ps.executeUpdate();
            }
            for (StaffCredential s : fromServer) {
                insert(c, new StaffMember(s.staffId(), s.name(), Role.valueOf(s.role().name()), s.language()),
                        s.pinSalt(), s.pinDigest());
            }
            return null;
        });
    }

    private static void insert(Connection c, StaffMember member, String salt, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO staff (staff_id, name, role, pin_salt, pin_hash, language) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, member.staffId());
            ps.setString(2, member.name());
            ps.setString(3, member.role().name());
            ps.setString(4, salt);
            ps.setString(5, digest);
            ps.setString(6, member.language());
            ps.executeUpdate();
        }
    }

    /**
     * Keeps the language {@code staffId} chose at this terminal until the next sync brings the store server's
     * (which has it too once they chose it online).
     */
    public void setLanguage(String staffId, String code) {
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff SET language = ? WHERE staff_id = ?")) {
                ps.setString(1, code);
                ps.setString(2, staffId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public boolean isEmpty() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM staff");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /** The staff member whose PIN this is, if any. */
    public Optional<StaffMember> signIn(String pin) {
        if (pin == null || pin.isEmpty()) {
            return Optional.empty();
        }
        for (Stored s : all()) {
            if (PinDigest.matches(pin, s.salt(), s.digest())) {
                return Optional.of(s.member());
            }
        }
        return Optional.empty();
    }

    private record Stored(StaffMember member, String salt, String digest) {
    }

    private List<Stored> all() {
        return db.inTransaction(c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT staff_id, name, role, pin_salt, pin_hash, language FROM staff ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(new StaffMember(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                            rs.getString(6)), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }
}
