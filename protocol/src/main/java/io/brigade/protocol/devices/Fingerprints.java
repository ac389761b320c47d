package io.brigade.protocol.devices;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 fingerprints of certificates and the short form people compare by eye. */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** Lower-case hex SHA-256 of the certificate's DER encoding. */
    public static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /**
     * The first 80 bits of a hex fingerprint as five groups of four upper-case characters ({@code 3F2A 9C01 ...}):
     * short enough to read aloud, far too long for an attacker to match with a certificate of their own while a
     * pairing code is valid. Devices pin the whole fingerprint.
     */
    public static String display(String hexFingerprint) {
        String hex = hexFingerprint.replaceAll("[^0-9a-fA-F]", "").toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20 && i < hex.length(); i += 4) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(hex, i, Math.min(i + 4, hex.length()));
        }
        return out.toString();
    }
}
