package io.brigade.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
}
