package io.brigade.server.network;

import io.brigade.protocol.devices.Fingerprints;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * What the store server's HTTPS needs: a key store holding its key and certificate chain, and the certificate
 * devices pin at pairing (the trust anchor). A device trusts the anchor, not the server certificate itself, so a
 * renewed server certificate from the same anchor needs no new pairing.
 */
public interface TlsMaterial {
    /** The server's private key and certificate chain under {@link #ALIAS}. */
    KeyStore keyStore();

    /** The password of {@link #keyStore()} and of its key entry. */
    String password();

    /** The certificate devices pin: the store's own authority, or the top of an operator's chain. */
    X509Certificate anchor();

    /** When the served certificate stops being valid. */
    Instant notAfter();

    /** The anchor's SHA-256 fingerprint, lower-case hex of its DER encoding. */
    default String fingerprint() {
        return Fingerprints.sha256(anchor());
    }

    /**
     * Renews the served certificate when it ends within {@code margin} of {@code now}: this material with a new
     * key store (same anchor), or this material unchanged when renewal is not due or not possible.
     */
    default TlsMaterial renewedIfDue(Instant now, java.time.Duration margin) {
        return this;
    }

    /** The alias of the server's key entry. */
    String ALIAS = "server";
}
