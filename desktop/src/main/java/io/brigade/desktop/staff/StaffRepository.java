package io.brigade.desktop.staff;

import io.brigade.desktop.local.LocalDatabase;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Staff of this terminal, with PINs stored as salted PBKDF2 digests. */
public final class StaffRepository {
    private static final int ITERATIONS = 20_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final LocalDatabase db;

    public StaffRepository(LocalDatabase db) {
        this.db = db;
    }

    /** Adds a staff member; PINs are 4 to 8 digits and unique at this terminal. */
    public StaffMember add(String name, Role role, String pin) {
        if (pin == null || !pin.matches("\\d{4,8}")) {
            throw new IllegalArgumentException("a PIN is 4 to 8 digits");
        }
        if (signIn(pin).isPresent()) {
            throw new IllegalArgumentException("another staff member already uses this PIN");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        StaffMember member = new StaffMember(UUID.randomUUID().toString(), name, role);
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO staff (staff_id, name, role, pin_salt, pin_hash) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, member.staffId());
                ps.setString(2, name);
                ps.setString(3, role.name());
                ps.setString(4, HexFormat.of().formatHex(salt));
                ps.setString(5, HexFormat.of().formatHex(hash(pin, salt)));
                ps.executeUpdate();
            }
            return null;
        });
        return member;
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
            if (MessageDigest.isEqual(s.hash(), hash(pin, s.salt()))) {
                return Optional.of(s.member());
            }
        }
        return Optional.empty();
    }

    private record Stored(StaffMember member, byte[] salt, byte[] hash) {
    }

    private List<Stored> all() {
        return db.inTransaction(c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT staff_id, name, role, pin_salt, pin_hash FROM staff ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(new StaffMember(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))),
                            HexFormat.of().parseHex(rs.getString(4)), HexFormat.of().parseHex(rs.getString(5))));
                }
            }
            return out;
        });
    }

    private static byte[] hash(String pin, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }
}
