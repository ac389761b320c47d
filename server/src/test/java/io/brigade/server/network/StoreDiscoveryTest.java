package io.brigade.server.network;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** "Join a store" finds store servers announced on the local network, with the fingerprint they claim. */
class StoreDiscoveryTest {

    @Test
    void aBrowserFindsAnAnnouncedStoreServerWithItsFingerprint() throws Exception {
        Assumptions.assumeFalse(StoreAddresses.addresses().isEmpty(),
                "this machine has no non-loopback IPv4 interface for mDNS");
        String fingerprint = "0123456789abcdef".repeat(4);
        List<StoreBrowser.Found> seen = new CopyOnWriteArrayList<>();
        // mDNS probes for names before it answers: finding a server takes a few seconds.
        try (StoreAnnouncer announcer = StoreAnnouncer.start("discovery-test", 48443, fingerprint);
             StoreBrowser browser = StoreBrowser.start(seen::add)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> find(seen).isPresent());
            StoreBrowser.Found found = find(seen).orElseThrow();
            assertEquals(fingerprint, found.fingerprint());
            assertEquals("https://" + StoreAddresses.addresses().get(0).getHostAddress() + ":48443", found.url());
        }
    }

    private static Optional<StoreBrowser.Found> find(List<StoreBrowser.Found> seen) {
        return seen.stream().filter(f -> f.name().startsWith("discovery-test")).findFirst();
    }
}
