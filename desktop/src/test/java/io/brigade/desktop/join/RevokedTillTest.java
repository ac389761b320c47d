package io.brigade.desktop.join;

import static io.brigade.desktop.support.TillSales.line;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.client.StoreJoin;
import io.brigade.desktop.client.StoreLink;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.shell.BrigadeApp;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.TillSales;
import io.brigade.desktop.till.Receipt;
import io.brigade.protocol.devices.DevicePairing;
import io.brigade.protocol.devices.NewPairingCode;
import io.brigade.protocol.devices.PairingCode;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A till that a manager removes from the store while it holds unsent sales. */
class RevokedTillTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();

    @Test
    void aRevokedTillHandsInItsQueuedSalesAndSaysItWasRemoved() throws Exception {
        try (LiveServer server = LiveServer.startStore(home.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Brigade Bistro");
            BackOfficeClient manager = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
            manager.remember("9999");
            PairingCode code = manager.post("devices/pairing-codes", new NewPairingCode(tenant.propertyId(), "TILL",
                    null), PairingCode.class);
            DevicePairing p = new StoreJoin().pair(new StoreJoin.Store(server.httpsUrl(), "store",
                    server.fingerprint()), code.code(), "Bar till");
            TerminalSettings joined = TerminalSettings.joined(server.httpsUrl(), p.orgId(), p.propertyId(),
                    p.salesChannelId(), new StoreLink(p.deviceId(), p.credential(), server.fingerprint(), p.role(),
                            p.name(), p.displayPrefix(), p.orgName()));
            FxToolkit.registerPrimaryStage();
            BrigadeApp app = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() ->
                    new AppServices.Options(home.resolve("till")).settings(joined).menuRefresh(Duration.ofSeconds(1))
                            .startSync(false)));
            try {
                AppServices services = app.ready().get(60, TimeUnit.SECONDS);
                // Sync stays off until the removal below, as for a till that lost the store server for a while.
                ServerClient fetch = new ServerClient(joined, Clock.systemUTC());
                fetch.publishedMenu(null, 0).ifPresent(services.menus()::storeAnswer);
                fetch.close();
                for (char c : "1111".toCharArray()) {
                    robot.clickOn("#pin" + c);
                }
                robot.clickOn("#signIn");
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#connectionStatus").tryQuery()
                        .map(n -> n.getScene() != null).orElse(false));
                Receipt queued = new TillSales(services).ring(null, null, line(1, "Cola"));
                manager.delete("devices/" + p.deviceId());

                services.sync().start();

                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ((Labeled) robot.lookup("#connectionStatus")
                        .query()).getText().startsWith("A manager removed this PC from the store"));
                assertTrue(server.externalIds(tenant).size() == 1, "the sale rung before the removal was handed in");
                // Only the sale is handed in after a removal; the till's analytics events are refused with it.
                assertTrue(services.outbox().parked().stream().noneMatch(e -> e.kind() == OutboxEntry.Kind.SALE),
                        "no sale was refused");
                assertTrue(queued.displayId().startsWith("A-"));
            } finally {
                FxToolkit.cleanupApplication(app);
                FxToolkit.cleanupStages();
            }
        }
    }
}
