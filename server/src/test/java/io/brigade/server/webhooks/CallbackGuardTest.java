package io.brigade.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF rules on their own: every private kind of address is refused unless the development flag is on. */
class CallbackGuardTest {
    private final CallbackGuard guard = new CallbackGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "[::1]", "[fc00::1]", "[::ffff:10.0.0.1]", "0.0.0.0", "[::]", "[fe80::1]", "[::10.0.0.1]",
        "[64:ff9b::a00:1]", "[2002:a00:1::]", "[2001:0:a00:1::]", "224.0.0.1", "100.127.255.254", "172.31.255.255",
        "127.1.2.3"})
    void privateAndEmbeddedAddressesAreRefused(String host) {
        String why = guard.refusal("https://" + host + "/hook");
        assertNotNull(why, host + " must be refused");
        assertTrue(why.contains("public address"), why);
    }

    /** Every IPv6 form that carries an IPv4 address, carrying a loopback or private one. */
    @ParameterizedTest
    @ValueSource(strings = {"[::ffff:0:7f00:1]", "[::ffff:0:a00:1]", "[::ffff:0:a9fe:a9fe]", "[::127.0.0.1]",
        "[64:ff9b::7f00:1]", "[64:ff9b::c0a8:101]", "[64:ff9b:1::808:808]", "[2002:7f00:1::1]", "[2002:c0a8:101::]",
        "[2001:0:4136:e378:8000:63bf:80ff:fffe]", "[2001:0:7f00:1:8000:63bf:f7f7:f7f7]"})
    void ipv6FormsCarryingAPrivateIpv4AddressAreRefused(String host) {
        String why = guard.refusal("https://" + host + "/hook");
        assertNotNull(why, host + " must be refused");
        assertTrue(why.contains("public address"), why);
    }

    /** The same forms carrying a public IPv4 address are as public as that address. */
    @ParameterizedTest
    @ValueSource(strings = {"[::ffff:0:808:808]", "[64:ff9b::808:808]", "[2002:808:808::1]",
        "[2001:0:4136:e378:8000:63bf:f7f7:f7f7]"})
    void ipv6FormsCarryingAPublicIpv4AddressPass(String host) {
        assertNull(guard.refusal("https://" + host + "/hook"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "[2606:4700:4700::1111]"})
    void publicAddressesPass(String host) {
        assertNull(guard.refusal("https://" + host + "/hook"));
    }

    @Test
    void httpsIsRequiredWithoutTheFlag() {
        assertTrue(guard.refusal("http://8.8.8.8/hook").contains("https"));
        assertTrue(guard.refusal("ftp://8.8.8.8/hook").contains("https"));
        assertNotNull(guard.refusal("/relative"));
        assertNotNull(guard.refusal("https://user:pw@8.8.8.8/hook"));
        assertNotNull(guard.refusal("not a url"));
    }

    @Test
    void localhostByNameIsRefusedAfterResolution() {
        assertNotNull(guard.refusal("https://localhost/hook"));
        assertThrows(UnknownHostException.class, () -> guard.lookup("localhost"));
    }

    @Test
    void theDevelopmentFlagAllowsLoopbackOverHttp() throws Exception {
        CallbackGuard dev = new CallbackGuard(true);
        assertNull(dev.refusal("http://127.0.0.1:8080/hook"));
        assertTrue(dev.lookup("127.0.0.1").contains(InetAddress.getByName("127.0.0.1")));
    }

    /** A DNS server under an attacker's control: a public answer for the check, loopback afterwards. */
    private static CallbackGuard.Resolver rebinding(AtomicInteger lookups) {
        return host -> {
            if (!host.equals("rebind.example")) {
                return InetAddress.getAllByName(host);
            }
            return new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")};
        };
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsRefusedWhenConnecting() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger hits = new AtomicInteger();
        receiver.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try {
            AtomicInteger lookups = new AtomicInteger();
            CallbackGuard guard = new CallbackGuard(false, rebinding(lookups));
            assertNull(guard.refusal("https://rebind.example/hook"), "the first answer is public, so saving passes");
            OkHttpClient client = Dispatcher.vettedClient(guard, 1).build();
            Request send = new Request.Builder().url("http://rebind.example:" + receiver.getAddress().getPort() + "/hook")
                    .post(RequestBody.create(new byte[0])).build();
            UnknownHostException refused = assertThrows(UnknownHostException.class,
                    () -> client.newCall(send).execute().close());
            assertTrue(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
            assertEquals(0, hits.get(), "nothing reached the loopback receiver");

            // Control: the same client and receiver do connect when loopback is allowed, so the refusal above
            // came from the guard at connect time and not from the test's set-up.
            OkHttpClient dev = Dispatcher.vettedClient(new CallbackGuard(true, rebinding(new AtomicInteger(1))), 1).build();
            try (Response ok = dev.newCall(send).execute()) {
                assertEquals(204, ok.code());
            }
            assertEquals(1, hits.get());
        } finally {
            receiver.stop(0);
        }
    }
}
