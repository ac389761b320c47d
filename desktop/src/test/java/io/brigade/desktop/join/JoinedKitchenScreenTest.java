package io.brigade.desktop.join;

import static io.brigade.desktop.support.TillSales.line;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.StoreJoin;
import io.brigade.desktop.client.StoreLink;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.TillSales;
import io.brigade.desktop.till.Receipt;
import io.brigade.protocol.devices.DevicePairing;
import io.brigade.protocol.devices.NewPairingCode;
import io.brigade.protocol.devices.PairingCode;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two PCs joined to one store server over TLS: a till's sale reaches the kitchen screen, whose staff bump it. */
class JoinedKitchenScreenTest {
    @TempDir
    Path home;

    @Test
    void aSaleOnAJoinedTillReachesAJoinedKitchenScreen() throws Exception {
        try (LiveServer server = LiveServer.startStore(home.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Brigade Bistro");
            BackOfficeClient manager = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
            manager.remember("9999");
            try (AppServices till = AppServices.start(new AppServices.Options(home.resolve("till"))
                    .settings(join(server, manager, tenant, "TILL", "Counter till")));
                 AppServices kitchen = AppServices.start(new AppServices.Options(home.resolve("kitchen"))
                         .settings(join(server, manager, tenant, "KITCHEN_SCREEN", "Kitchen wall")))) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> till.menus().current().isPresent());
                Receipt sale = new TillSales(till).ring(null, null, line(2, "Margherita", "Mushrooms"));

                // Kitchen staff sign in on the kitchen screen, which opens their session as that device.
                kitchen.backOffice().signIn("2222");
                String path = "kitchen/tickets?propertyId=" + kitchen.settings().propertyId();
                JsonNode ticket = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                        find(kitchen.backOffice().get(path, JsonNode.class), sale.displayId()), Optional::isPresent)
                        .orElseThrow();
                JsonNode bumped = kitchen.backOffice().post("kitchen/tickets/" + ticket.path("saleId").asText()
                        + "/bump", null, JsonNode.class);

                assertTrue(bumped.hasNonNull("bumpedAt"), bumped.toString());
            }
        }
    }

    private static TerminalSettings join(LiveServer server, BackOfficeClient manager, DemoBootstrap.Result tenant,
                                         String role, String name) throws Exception {
        PairingCode code = manager.post("devices/pairing-codes", new NewPairingCode(tenant.propertyId(), role, null),
                PairingCode.class);
        StoreJoin.Store store = new StoreJoin().hello(server.httpsUrl());
        DevicePairing p = new StoreJoin().pair(store, code.code(), name);
        return TerminalSettings.joined(store.url(), p.orgId(), p.propertyId(), p.salesChannelId(),
                new StoreLink(p.deviceId(), p.credential(), store.fingerprint(), p.role(), p.name(), p.displayPrefix(),
                        p.orgName()));
    }

    private static Optional<JsonNode> find(JsonNode snapshot, String displayId) {
        JsonNode tickets = snapshot.has("tickets") ? snapshot.path("tickets") : snapshot.path("data");
        return StreamSupport.stream(tickets.spliterator(), false)
                .filter(t -> displayId.equals(t.path("displayId").asText())).findFirst();
    }
}
