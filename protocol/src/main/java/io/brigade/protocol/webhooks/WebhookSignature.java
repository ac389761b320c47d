package io.brigade.protocol.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The v3 webhook signature: {@code X-Flipdish-Signature: t=<timestamp>,sha256=<hex>} where the hex is
 * HMAC-SHA256(secret, timestamp + "." + rawBody). For senders ({@link #sign}) and receivers
 * ({@link #verify}), with a constant-time compare and a five-minute tolerance on the timestamp.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Flipdish-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** A parsed header: the signed timestamp and every {@code sha256=} value in it (several during a rotation). */
    public record Parsed(String timestamp, List<String> signatures) {
    }

    /** The header value for {@code rawBody} signed with {@code secret} at {@code timestamp}. */
    public static String sign(String secret, String timestamp, String rawBody) {
        Objects.requireNonNull(secret, "secret == null");
        Objects.requireNonNull(timestamp, "timestamp == null");
        Objects.requireNonNull(rawBody, "rawBody == null");
        return "t=" + timestamp + ",sha256=" + hmacHex(secret, timestamp + "." + rawBody);
    }

    /**
     * Signs a body given in pieces (a large body streamed from storage): {@link Signer#update} with the body's
     * bytes as they are sent, then {@link Signer#header()}; the same value as {@link #sign} over the whole body.
     */
    public static Signer signer(String secret, String timestamp) {
        Objects.requireNonNull(secret, "secret == null");
        Objects.requireNonNull(timestamp, "timestamp == null");
        Signer signer = new Signer(mac(secret), timestamp);
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        signer.update(prefix, 0, prefix.length);
        return signer;
    }

    /** An HMAC-SHA256 over {@code timestamp + "." + body} fed in pieces; see {@link #signer}. */
    public static final class Signer {
        private final Mac mac;
        private final String timestamp;

        private Signer(Mac mac, String timestamp) {
            this.mac = mac;
            this.timestamp = timestamp;
        }

        public void update(byte[] bytes, int offset, int length) {
            mac.update(bytes, offset, length);
        }

        /** The header value; the signer is used up. */
        public String header() {
            return "t=" + timestamp + ",sha256=" + HexFormat.of().formatHex(mac.doFinal());
        }
    }

    /** Splits a header into its timestamp and signatures; null when it has either part missing. */
    public static Parsed parse(String header) {
        if (header == null) {
            return null;
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=") && timestamp == null) {
                timestamp = p.substring(2);
            } else if (p.startsWith("sha256=")) {
                signatures.add(p.substring(7));
            }
        }
        return timestamp == null || timestamp.isEmpty() || signatures.isEmpty() ? null
                : new Parsed(timestamp, List.copyOf(signatures));
    }

    /**
     * True when one of {@code secrets} (the current one and, during a rotation, the previous) signed
     * {@code rawBody} in {@code header}, and the timestamp is within {@code tolerance} of the clock.
     */
    public static boolean verify(String header, String rawBody, List<String> secrets, Clock clock,
                                 Duration tolerance) {
        Parsed parsed = parse(header);
        if (parsed == null || rawBody == null || secrets == null) {
            return false;
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(parsed.timestamp());
        } catch (DateTimeParseException e) {
            return false;
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(tolerance)) || signedAt.isAfter(now.plus(tolerance))) {
            return false;
        }
        boolean match = false;
        for (String secret : secrets) {
            byte[] expected = hmacHex(secret, parsed.timestamp() + "." + rawBody).getBytes(StandardCharsets.US_ASCII);
            for (String candidate : parsed.signatures()) {
                // Check every pair without stopping early, so timing says nothing about which matched.
                match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return match;
    }

    /** {@link #verify(String, String, List, Clock, Duration)} with one secret, the system clock and five minutes. */
    public static boolean verify(String header, String rawBody, String secret) {
        return verify(header, rawBody, List.of(secret), Clock.systemUTC(), DEFAULT_TOLERANCE);
    }

    /** Lower-case hex HMAC-SHA256 of {@code message} under {@code secret}, both UTF-8. */
    public static String hmacHex(String secret, String message) {
        return HexFormat.of().formatHex(mac(secret).doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
