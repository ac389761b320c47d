package io.brigade.desktop.support;

import static io.brigade.desktop.support.TillSales.line;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.client.StoreJoin;
import io.brigade.desktop.client.StoreLink;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.till.Receipt;
import io.brigade.protocol.devices.DevicePairing;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * A desktop in its own JVM, headless (the app's services without a window), that joins a store as a person would:
 * first contact, fingerprint, pairing code. Arguments: {@code till|kitchen DATA_DIR ADDRESS CODE}. It prints
 * {@code JOINED <fingerprint>}, then a till prints {@code SOLD <displayId>} once its sale reached the store and
 * {@code REVOKED} when the store refuses it; a kitchen screen prints {@code TICKET <displayId>} for each new ticket
 * and {@code BUMPED <displayId> <status>} once its kitchen staff bumped it at every station. {@code REFUSED <why>} when the store says no.
 */
public final class DesktopDevice {
    private DesktopDevice() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String role = args[0];
        StoreJoin join = new StoreJoin();
        DevicePairing p;
        StoreJoin.Store store;
        try {
            store = join.hello(args[2]);
            p = join.pair(store, args[3], role.equals("till") ? "Counter till" : "Kitchen wall");
        } catch (StoreJoin.JoinException refused) {
            out.println("REFUSED " + refused.getMessage());
            out.flush();
            return;
        }
        out.println("JOINED " + store.fingerprint());
        out.flush();
        TerminalSettings settings = TerminalSettings.joined(store.url(), p.orgId(), p.propertyId(), p.salesChannelId(),
                new StoreLink(p.deviceId(), p.credential(), store.fingerprint(), p.role(), p.name(), p.displayPrefix(),
                        p.orgName()));
        try (AppServices services = AppServices.start(new AppServices.Options(Path.of(args[1])).settings(settings)
                .menuRefresh(Duration.ofSeconds(1)))) {
            if (role.equals("till")) {
                till(services, out);
            } else {
                kitchen(services, out);
            }
        }
    }

    private static void till(AppServices services, PrintStream out) throws Exception {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> services.menus().current()
                .isPresent());
        TillSales sales = new TillSales(services);
        Receipt receipt = sales.ring(null, null, line(1, "Margherita", "Mushrooms"));
        sales.awaitSent(Duration.ofSeconds(60));
        out.println("SOLD " + receipt.displayId());
        out.flush();
        Object revoked = new Object();
        services.onStatus(s -> {
            if (s.revoked() != null) {
                synchronized (revoked) {
                    revoked.notifyAll();
                }
            }
        });
        synchronized (revoked) {
            revoked.wait(120_000);
        }
        out.println("REVOKED");
        out.flush();
    }

    private static void kitchen(AppServices services, PrintStream out) throws Exception {
        services.backOffice().signIn("2222");
        String path = "kitchen/tickets?propertyId=" + services.settings().propertyId();
        Set<String> seen = new HashSet<>();
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            JsonNode snapshot = services.backOffice().get(path, JsonNode.class);
            JsonNode tickets = snapshot.has("tickets") ? snapshot.path("tickets")
                    : snapshot.path("data").has("tickets") ? snapshot.path("data").path("tickets") : snapshot.path("data");
            for (JsonNode t : tickets) {
                String displayId = t.path("displayId").asText();
                if (seen.add(displayId)) {
                    out.println("TICKET " + displayId);
                    out.flush();
                    // Each station with something to make on this ticket bumps it.
                    String status = t.path("status").asText();
                    for (JsonNode station : t.path("stations")) {
                        status = services.backOffice().post("kitchen/tickets/" + t.path("ticketId").asText()
                                + "/stations/" + station.path("stationId").asText() + "/bump", null, JsonNode.class)
                                .path("status").asText();
                    }
                    out.println("BUMPED " + displayId + " " + status);
                    out.flush();
                }
            }
            Thread.sleep(200); // polling a screen's feed, not proving an absence
        }
    }
}
