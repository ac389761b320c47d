package io.brigade.desktop.client;

import io.brigade.protocol.devices.PinnedTrust;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * OkHttp over TLS that trusts only the store server a device paired with ({@link PinnedTrust}): the system's
 * authorities play no part. The host name is not checked because the pinned anchor signs this store's server and
 * nothing else, while the server's address on the store's network may change (DHCP).
 */
public final class PinnedHttp {
    private PinnedHttp() {
    }

    /** {@code builder} trusting only chains anchored in the certificate with {@code fingerprint} (hex SHA-256). */
    public static OkHttpClient.Builder pinned(OkHttpClient.Builder builder, String fingerprint) {
        return trusting(builder, PinnedTrust.to(fingerprint));
    }

    /** {@code builder} trusting through {@code trust} alone (pinned, or a first contact that only looks). */
    static OkHttpClient.Builder trusting(OkHttpClient.Builder builder, X509TrustManager trust) {
        return builder.sslSocketFactory(PinnedTrust.context(trust).getSocketFactory(), trust)
                .hostnameVerifier((host, session) -> true);
    }
}
