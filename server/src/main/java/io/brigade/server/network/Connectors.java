package io.brigade.server.network;

import io.brigade.server.http.SecurityHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty connectors of the server. A TLS connector also takes plain HTTP on the same port (Jetty's detector looks
 * at the first bytes), so a till on the store server's own PC keeps its loopback address and a device elsewhere
 * gets a clear refusal instead of a broken handshake ({@link PlainHttpGuard}). Its certificate can be swapped
 * while it runs ({@link #renewIfDue}).
 */
public final class Connectors {
    private static final Logger LOG = LoggerFactory.getLogger(Connectors.class);

    private Connectors() {
    }

    /** Plain HTTP on {@code host} (null: every interface) and {@code port} (0: any free port). */
    public static ServerConnector plain(Server server, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** A TLS connector serving {@code tls}; plain HTTP on the same port is detected and left to the guard. */
    public static Secure tls(Server server, String host, int port, TlsMaterial tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(tls.password());
        ssl.setCertAlias(TlsMaterial.ALIAS);
        // Devices reach the store server by an address that can change with DHCP; they check the pinned anchor.
        ssl.setSniRequired(false);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration config = httpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);
        HttpConnectionFactory http = new HttpConnectionFactory(config);
        SslConnectionFactory sslFactory = new SslConnectionFactory(ssl, http.getProtocol());
        ServerConnector connector = new ServerConnector(server, new DetectorConnectionFactory(sslFactory), http);
        connector.setHost(host);
        connector.setPort(port);
        return new Secure(connector, ssl, new AtomicReference<>(tls));
    }

    private static HttpConfiguration httpConfiguration() {
        return SecurityHeaders.configure(new HttpConfiguration()); // no Server or X-Powered-By header
    }

    /** A TLS connector with the material it serves now. */
    public record Secure(ServerConnector connector, SslContextFactory.Server ssl, AtomicReference<TlsMaterial> tls) {

        /** Renews the served certificate when it ends within 30 days; new handshakes get the new one. */
        public void renewIfDue(Clock clock) {
            TlsMaterial now = tls.get();
            TlsMaterial next = now.renewedIfDue(clock.instant(), Duration.ofDays(30));
            if (next != now) {
                try {
                    ssl.reload(f -> f.setKeyStore(next.keyStore()));
                    tls.set(next);
                } catch (Exception e) {
                    LOG.warn("the renewed certificate could not be loaded; still serving the old one", e);
                }
            }
        }
    }
}
