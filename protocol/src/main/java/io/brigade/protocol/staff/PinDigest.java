package io.brigade.protocol.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Staff PINs as salted PBKDF2-HMAC-SHA256 digests. The server and the till share this one recipe, so a
 * till can check a PIN offline against digests it synced from the server.
 */
public final class PinDigest {
    /** PBKDF2 rounds: about 10 ms per check on a store PC, which bounds offline guessing a little. */
    public static final int ITERATIONS = 20_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PinDigest() {
    }

    /** A PIN is 4 to 8 digits. */
    public static boolean isWellFormed(String pin) {
        return pin != null && pin.matches("\\d{4,8}");
    }

    /** A new random 16-byte salt, hex encoded. */
    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** The hex digest of {@code pin} with the hex {@code salt}. */
    public static String digest(String pin, String salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), HexFormat.of().parseHex(salt), ITERATIONS, 256);
            return HexFormat.of().formatHex(
                    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code pin} has this digest; compares in constant time. */
    public static boolean matches(String pin, String salt, String digest) {
        if (pin == null || pin.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(HexFormat.of().parseHex(digest), HexFormat.of().parseHex(digest(pin, salt)));
    }
}
