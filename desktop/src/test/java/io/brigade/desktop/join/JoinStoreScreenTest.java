package io.brigade.desktop.join;

import static io.brigade.desktop.support.TillSales.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.shell.BrigadeApp;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.TillSales;
import io.brigade.desktop.till.Receipt;
import io.brigade.protocol.devices.Fingerprints;
import io.brigade.protocol.devices.NewPairingCode;
import io.brigade.protocol.devices.PairingCode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.network.StoreAddresses;
import io.brigade.server.network.StoreAnnouncer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A new PC's first start, joining a store server over real TLS with a pairing code made in its back office. */
class JoinStoreScreenTest {
    @TempDir
    Path home;
    private LiveServer server;
    private DemoBootstrap.Result tenant;
    private BrigadeApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void openTheFirstStartScreen() throws Exception {
        server = LiveServer.startStore(home.resolve("server"));
        tenant = server.bootstrap("Brigade Bistro");
        FxToolkit.registerPrimaryStage();
        app = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() ->
                new AppServices.Options(home.resolve("till")).askFirst(true).announce(false)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#joinScreen").tryQuery().isPresent());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        server.close();
    }

    @Test
    void aWrongPairingCodeIsRefusedWithAClearMessage() throws Exception {
        connect();
        type("#pairingCode", "ABCD-EFGH");
        robot.clickOn("#joinStore");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#joinMessage").contains(
                "not a pairing code of this store"));
        assertTrue(robot.lookup("#joinScreen").tryQuery().isPresent());
        assertFalse(Files.exists(home.resolve("till").resolve("till.mv.db")), "nothing is set up on a refusal");
    }

    @Test
    void aJoinedTillSellsToTheStoreServerOverItsOwnCredential() throws Exception {
        PairingCode code = managerOf().post("devices/pairing-codes",
                new NewPairingCode(tenant.propertyId(), "TILL", null), PairingCode.class);
        connect();
        type("#pairingCode", code.code().toLowerCase());
        type("#deviceName", "Counter till");
        robot.clickOn("#joinStore");
        AppServices services = app.ready().get(60, TimeUnit.SECONDS);

        assertTrue(services.isJoined());
        assertEquals("A", services.settings().link().displayPrefix());
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(home.resolve("till").resolve("till.mv.db")));
        TillSales sales = new TillSales(services);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> services.menus().current()
                .isPresent());
        Receipt receipt = sales.ring(null, null, line(1, "Cola"));
        sales.awaitSent(Duration.ofSeconds(30));

        assertTrue(receipt.displayId().startsWith("A-"), receipt.displayId());
        assertTrue(server.sales(tenant).stream().anyMatch(sale -> sale.path("displayId").asText()
                .equals(receipt.displayId()) && sale.path("metadata").asText()
                .contains("\"posTerminal\":\"Counter till\"")), "the till's sale reached the store server");
    }

    @Test
    void aStoreAnnouncedOnTheNetworkIsListedAndPickingItShowsTheFingerprintItPresents() throws Exception {
        Assumptions.assumeFalse(StoreAddresses.addresses().isEmpty(),
                "this machine has no non-loopback IPv4 interface for mDNS");
        String name = "Bistro " + UUID.randomUUID().toString().substring(0, 8);
        // Announced as the store server itself announces (BrigadeServer): its port and its fingerprint.
        try (StoreAnnouncer announcer = StoreAnnouncer.start(name, server.port(), server.fingerprint())) {
            // mDNS probes for its name before it answers: a store appears after a few seconds.
            WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> foundStore(name).isPresent());
            robot.clickOn(foundStore(name).orElseThrow());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#storeFingerprint").equals(
                    Fingerprints.display(server.fingerprint())));
        }
        String url = "https://" + StoreAddresses.addresses().get(0).getHostAddress() + ":" + server.port();
        assertEquals(url, robot.lookup("#storeAddress").queryAs(TextField.class).getText());
        assertTrue(text("#storeName").contains(url), text("#storeName"));
    }

    private Optional<ListCell<?>> foundStore(String name) {
        return robot.lookup("#foundStores .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getText() != null && cell.getText().startsWith(name))
                .<ListCell<?>>map(cell -> cell).findFirst();
    }

    private void connect() throws Exception {
        type("#storeAddress", "127.0.0.1:" + server.port());
        robot.clickOn("#connectStore");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#storeFingerprint").equals(
                Fingerprints.display(server.fingerprint())));
    }

    private BackOfficeClient managerOf() {
        BackOfficeClient office = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
        office.remember("9999");
        return office;
    }

    private void type(String field, String text) {
        robot.interact(() -> robot.lookup(field).queryAs(TextField.class).setText(text));
    }

    private String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }
}
