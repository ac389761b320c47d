package io.brigade.server.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.devices.PinnedTrust;
import io.brigade.server.BrigadeServer;
import io.brigade.server.db.Database;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS of a store server: its own authority, pinning, renewal, operator certificates and plain HTTP's limits. */
class StoreTlsTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    /** One HTTPS server for the tests that only call it (a server start costs seconds on a busy machine). */
    private static StoreAuthority tls;
    private static BrigadeServer server;

    @BeforeAll
    static void startServer() throws Exception {
        tls = StoreAuthority.loadOrCreate(shared.resolve("tls"), Clock.systemUTC());
        Database database = Database.open(TestDatabases.freshUrl("h2"), TestDatabases.user("h2"), null);
        server = BrigadeServer.create(0, database, Clock.systemUTC(),
                BrigadeServer.Options.withKeyFile(shared.resolve("master.key")).withListening(Listening.https(tls)))
                .start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static HttpResponse<String> get(SSLContext tls, String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDevicePinningTheStoreAuthorityIsAnsweredOverHttps() throws Exception {
        HttpResponse<String> r = get(PinnedTrust.context(PinnedTrust.to(tls.fingerprint())),
                "https://localhost:" + server.port() + "/api/v1/openapi.json");
        assertEquals(200, r.statusCode());
    }

    @Test
    void aClientTrustingOnlyPublicAuthoritiesFailsTheHandshake() {
        assertThrows(SSLHandshakeException.class, () -> get(SSLContext.getDefault(),
                "https://localhost:" + server.port() + "/api/v1/openapi.json"));
    }

    @Test
    void aDevicePairedWithAnotherStoreRefusesThisServer() {
        StoreAuthority other = StoreAuthority.loadOrCreate(dir.resolve("other"), Clock.systemUTC());
        assertThrows(SSLHandshakeException.class, () -> get(PinnedTrust.context(PinnedTrust.to(other.fingerprint())),
                "https://localhost:" + server.port() + "/api/v1/openapi.json"));
    }

    @Test
    void plainHttpFromThisMachineIsAnsweredOnTheHttpsPort() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
    }

    @Test
    void plainHttpFromAnotherAddressIsRefusedWithTheHttpsAddress() throws Exception {
        Optional<InetAddress> own = nonLoopbackAddress();
        Assumptions.assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address to call itself on");
        // Bound to the machine's own address, the call arrives from a non-loopback address: a remote caller.
        String answer = rawGet(own.get(), server.port(), "/api/v1/openapi.json");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(answer.contains("use https://" + own.get().getHostAddress() + ":" + server.port()
                + "/api/v1/openapi.json"), answer);
    }

    @Test
    void theAuthorityIsMadeOnceAndKeptAcrossStarts() {
        StoreAuthority first = StoreAuthority.loadOrCreate(dir.resolve("tls"), Clock.systemUTC());
        StoreAuthority again = StoreAuthority.loadOrCreate(dir.resolve("tls"), Clock.systemUTC());
        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(first.notAfter(), again.notAfter());
    }

    @Test
    void aRenewedServerCertificateIsTrustedByDevicesPairedBeforeIt() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        StoreAuthority first = StoreAuthority.loadOrCreate(dir.resolve("tls"), clock);
        clock.set(first.notAfter().minus(Duration.ofDays(10)));
        StoreAuthority renewed = first.renewedIfDue(clock.instant(), Duration.ofDays(30));
        assertNotEquals(first.notAfter(), renewed.notAfter());
        assertEquals(first.fingerprint(), renewed.fingerprint());
        X509Certificate leaf = (X509Certificate) renewed.keyStore().getCertificate(TlsMaterial.ALIAS);
        leaf.verify(first.anchor().getPublicKey()); // throws unless the authority devices pinned signed it
        assertEquals(renewed.notAfter(),
                StoreAuthority.loadOrCreate(dir.resolve("tls"), clock).notAfter(), "the renewal is kept on disk");
    }

    @Test
    void anOperatorCertificateFromPemFilesIsServedAndPinnedByItsIssuer() throws Exception {
        // An operator's chain: here one issued by another authority, written out as the PEM files serve takes.
        StoreAuthority issuer = StoreAuthority.loadOrCreate(dir.resolve("operator-ca"), Clock.systemUTC());
        KeyStore ks = issuer.keyStore();
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        try (Writer w = Files.newBufferedWriter(cert); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            for (java.security.cert.Certificate c : ks.getCertificateChain(TlsMaterial.ALIAS)) {
                pem.writeObject(c);
            }
        }
        try (Writer w = Files.newBufferedWriter(key); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator((PrivateKey) ks.getKey(TlsMaterial.ALIAS, issuer.password().toCharArray()), null));
        }
        OperatorCertificate operator = OperatorCertificate.fromPem(cert, key);
        assertEquals(issuer.fingerprint(), operator.fingerprint(), "devices pin the issuer at the chain's top");
        X509Certificate[] chain = java.util.Arrays.stream(operator.keyStore().getCertificateChain(TlsMaterial.ALIAS))
                .map(c -> (X509Certificate) c).toArray(X509Certificate[]::new);
        PinnedTrust.to(operator.fingerprint()).checkServerTrusted(chain, "ECDHE_ECDSA"); // throws if not trusted
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefusedAtStart() throws Exception {
        StoreAuthority a = StoreAuthority.loadOrCreate(dir.resolve("a"), Clock.systemUTC());
        StoreAuthority b = StoreAuthority.loadOrCreate(dir.resolve("b"), Clock.systemUTC());
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        try (Writer w = Files.newBufferedWriter(cert); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(a.keyStore().getCertificate(TlsMaterial.ALIAS));
        }
        try (Writer w = Files.newBufferedWriter(key); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator((PrivateKey) b.keyStore().getKey(TlsMaterial.ALIAS, b.password().toCharArray()), null));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OperatorCertificate.fromPem(cert, key));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
    }

    @Test
    void servingTheStoreOpensHttpsBesideTheLoopbackConnector() throws Exception {
        Database database = Database.open(TestDatabases.freshUrl("h2"), TestDatabases.user("h2"), null);
        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC(),
                BrigadeServer.Options.withKeyFile(dir.resolve("master.key")).withListening(Listening.loopbackOnly()))
                .start()) {
            assertTrue(server.https().isEmpty());
            int port = server.serveStore(0, tls);
            assertEquals(port, server.serveStore(0, tls), "a second switch-on keeps the port");
            assertEquals(200, get(PinnedTrust.context(PinnedTrust.to(tls.fingerprint())),
                    "https://localhost:" + port + "/api/v1/openapi.json").statusCode());
            assertEquals(tls.fingerprint(), server.https().orElseThrow().fingerprint());
        }
    }

    static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    /** One plain HTTP/1.1 GET over a socket, the whole answer as text. */
    static String rawGet(InetAddress address, int port, String path) throws IOException {
        try (Socket socket = new Socket(address, port, address, 0)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + address.getHostAddress() + ":" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
