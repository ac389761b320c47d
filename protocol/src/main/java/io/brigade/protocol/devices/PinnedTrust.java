package io.brigade.protocol.devices;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * How a device trusts its store server: only a chain that ends in the certificate it pinned at pairing (by
 * SHA-256 fingerprint) and that validates from it (signatures, dates, CA constraints). The system's authorities
 * play no part, and neither does the host name: the pinned anchor signs this store's server and nothing else,
 * while the server's address may change.
 */
public final class PinnedTrust implements X509TrustManager {
    private final String fingerprint;

    private PinnedTrust(String fingerprint) {
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint == null").toLowerCase();
    }

    /** Trusts chains anchored in the certificate with this SHA-256 fingerprint (hex). */
    public static PinnedTrust to(String fingerprint) {
        return new PinnedTrust(fingerprint.replaceAll("[^0-9a-fA-F]", ""));
    }

    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        X509Certificate anchor = null;
        int at = -1;
        for (int i = 0; i < chain.length; i++) {
            if (Fingerprints.sha256(chain[i]).equals(fingerprint)) {
                anchor = chain[i];
                at = i;
                break;
            }
        }
        if (anchor == null) {
            throw new CertificateException("this is not the store server this device was paired with (its "
                    + "certificate fingerprint is " + Fingerprints.display(Fingerprints.sha256(chain[chain.length - 1]))
                    + ", expected " + Fingerprints.display(fingerprint) + ")");
        }
        if (at == 0) {
            anchor.checkValidity();
            return; // the pinned certificate itself (an operator's self-signed one)
        }
        try {
            List<X509Certificate> path = new ArrayList<>(Arrays.asList(chain).subList(0, at));
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("the store server's certificate does not validate from the pinned "
                    + "authority: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a device does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** A TLS context that trusts only through {@code trust}. */
    public static SSLContext context(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every JDK", e);
        }
    }

    /**
     * First contact before pairing: accepts whatever chain the server shows and remembers it, so the person can
     * compare its fingerprint with the one in the back office before anything secret is sent. Never used after.
     */
    public static final class FirstContact implements X509TrustManager {
        private final AtomicReference<X509Certificate[]> seen = new AtomicReference<>();

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            seen.set(chain.clone());
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a device does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        /** The fingerprint of the top certificate the server showed (what pairing pins), once it has shown one. */
        public java.util.Optional<String> anchorFingerprint() {
            X509Certificate[] chain = seen.get();
            return chain == null ? java.util.Optional.empty()
                    : java.util.Optional.of(Fingerprints.sha256(chain[chain.length - 1]));
        }
    }
}
