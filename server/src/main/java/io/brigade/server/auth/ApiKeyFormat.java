package io.brigade.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * API key format: {@code bk_live_} + 32 base62 characters (about 190 random bits) + a 6-character
 * base62 CRC32 of the random part, so a secret scanner can tell a real key from noise offline.
 */
public final class ApiKeyFormat {
    public static final String PREFIX = "bk_live_";
    private static final int RANDOM_LENGTH = 32;
    private static final int CHECKSUM_LENGTH = 6;

    private ApiKeyFormat() {
    }

    public static String generate() {
        String random = Secrets.base62(RANDOM_LENGTH);
        return PREFIX + random + checksum(random);
    }

    /** True when {@code key} has the prefix, the length, the alphabet and a matching checksum. */
    public static boolean isWellFormed(String key) {
        if (key == null || !key.startsWith(PREFIX)
                || key.length() != PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH) {
            return false;
        }
        String body = key.substring(PREFIX.length());
        for (char c : body.toCharArray()) {
            if (!Character.isLetterOrDigit(c) || c > 127) {
                return false;
            }
        }
        String random = body.substring(0, RANDOM_LENGTH);
        return checksum(random).equals(body.substring(RANDOM_LENGTH));
    }

    /** What may be shown of a key after creation: its prefix and first four random characters. */
    public static String displayPrefix(String key) {
        return key.substring(0, PREFIX.length() + 4);
    }

    public static String lastFour(String key) {
        return key.substring(key.length() - 4);
    }

    private static String checksum(String random) {
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        return Secrets.base62(crc.getValue(), CHECKSUM_LENGTH);
    }
}
