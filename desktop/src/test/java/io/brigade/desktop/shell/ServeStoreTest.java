package io.brigade.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.StoreJoin;
import io.brigade.desktop.embedded.EmbeddedServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "This PC serves the store": the built-in server stays on this PC until a manager opens it to the network. */
class ServeStoreTest {
    @TempDir
    Path home;

    @Test
    void theBuiltInServerAnswersOnThisPcOnlyUntilItServesTheStore() throws Exception {
        InetAddress lan = lanAddress();
        try (AppServices services = AppServices.start(new AppServices.Options(home).announce(false))) {
            int port = HttpUrl.get(services.settings().serverUrl()).port();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> answers(InetAddress.getLoopbackAddress(),
                    port));

            assertTrue(services.serving().isEmpty());
            assertThrows(IOException.class, () -> connect(lan, port));
        }
    }

    @Test
    void servingTheStoreIsRememberedAcrossRestarts() throws Exception {
        EmbeddedServer.Serving serving;
        try (AppServices services = AppServices.start(new AppServices.Options(home).announce(false))) {
            serving = services.serveStore();
            StoreJoin.Store store = new StoreJoin().hello("127.0.0.1:" + serving.port());
            assertEquals(serving.fingerprint(), store.fingerprint());
        }
        try (AppServices again = AppServices.start(new AppServices.Options(home).announce(false))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> again.serving().isPresent());
            assertEquals(serving.port(), again.serving().get().port());
            assertEquals(serving.fingerprint(), again.serving().get().fingerprint());
        }
    }

    private static InetAddress lanAddress() throws IOException {
        Optional<InetAddress> found = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(n -> {
                    try {
                        return n.isUp() && !n.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLinkLocalAddress()).findFirst();
        Assumptions.assumeTrue(found.isPresent(), "this machine has no network address besides loopback");
        return found.get();
    }

    private static boolean answers(InetAddress address, int port) {
        try {
            connect(address, port);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2_000);
        }
    }
}
