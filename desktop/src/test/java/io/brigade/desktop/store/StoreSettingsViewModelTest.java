package io.brigade.desktop.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.LocalDatabase;
import io.brigade.desktop.local.StoreCache;
import io.brigade.desktop.support.LiveServer;
import io.brigade.protocol.store.StoreSettings;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The back office's store settings form against a real server, signed in as the manager; without a screen. */
class StoreSettingsViewModelTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    @TempDir
    static Path dir;
    private static LiveServer server;
    private static BackOfficeClient office;
    private DemoBootstrap.Result tenant;
    private StoreSettingsViewModel model;
    private final List<StoreSettings> saved = new ArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        server = LiveServer.start(dir);
    }

    @AfterAll
    static void close() throws Exception {
        server.close();
    }

    @BeforeEach
    void manager() {
        tenant = server.bootstrap("Settings Bistro");
        office = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
        office.remember("9999");
        model = new StoreSettingsViewModel(office, tenant.propertyId(), Background.direct(), Texts.of(StoreTexts.class),
                saved::add);
    }

    @Test
    void theFormShowsThePropertysDetailsUntilAManagerSavesThem() {
        model.refresh();
        assertTrue(model.restaurantNameProperty().get().startsWith("Settings Bistro"),
                model.restaurantNameProperty().get());
        assertTrue(model.messageProperty().get().startsWith("Not saved yet"), model.messageProperty().get());
    }

    @Test
    void savedSettingsAreWhatATillOfTheStoreReadsAtItsNextSync() throws Exception {
        model.refresh();
        model.restaurantNameProperty().set("Casa Pepe");
        model.addressProperty().set("Calle Mayor 1\n28013 Madrid");
        model.taxNumberProperty().set("ESB12345678");
        model.currencyProperty().set("eur");
        model.localeProperty().set("es-ES");
        model.receiptFooterProperty().set("¡Gracias por su visita!");
        Path logo = Files.write(dir.resolve("logo.png"), PNG);
        model.chooseLogo(logo);

        model.save();

        assertEquals("Saved. Every till of the store prints with these at its next sync.", model.messageProperty().get());
        assertEquals(1, saved.size());
        LocalDatabase db = LocalDatabase.open(Files.createTempDirectory(dir, "till"));
        try {
            StoreCache cache = new StoreCache(db);
            ServerClient till = new ServerClient(server.terminal(tenant), Clock.systemUTC());
            till.storeSettings().ifPresent(cache::store);
            till.close();
            StoreSettings read = new StoreCache(db).settings().orElseThrow();
            assertEquals("Casa Pepe", read.restaurantName());
            assertEquals("Calle Mayor 1\n28013 Madrid", read.address());
            assertEquals("EUR", read.currency());
            assertEquals("es-ES", read.locale());
            assertEquals("¡Gracias por su visita!", read.receiptFooter());
            assertEquals(12, java.util.Base64.getDecoder().decode(read.logoPng()).length);
        } finally {
            db.close();
        }
    }

    @Test
    void aRefusedCurrencyShowsTheServersReasonAndSavesNothing() {
        model.refresh();
        model.currencyProperty().set("EURO");

        model.save();

        assertTrue(model.messageProperty().get().contains("currency"), model.messageProperty().get());
        assertTrue(saved.isEmpty());
        model.reload();
        assertTrue(model.messageProperty().get().startsWith("Not saved yet"), "nothing was stored");
    }

    @Test
    void aReadThatArrivesAfterTheManagerTypedKeepsWhatTheyTyped() throws Exception {
        model.refresh();
        model.restaurantNameProperty().set("Typed Before The Read");
        anotherManagerSaves("Saved Elsewhere", "+353 1 555 0100");

        model.refresh();

        assertEquals("Typed Before The Read", model.restaurantNameProperty().get());
        assertEquals("+353 1 555 0100", model.phoneProperty().get(), "a field not edited shows the server's");
        assertTrue(model.messageProperty().get().startsWith("Your changes are kept"), model.messageProperty().get());
        assertTrue(!model.busyProperty().get(), "the form is open again");
    }

    @Test
    void reloadDropsWhatTheManagerTypedButDidNotSave() throws Exception {
        model.refresh();
        model.restaurantNameProperty().set("Typed Then Dropped");
        anotherManagerSaves("Saved Elsewhere", "+353 1 555 0100");

        model.reload();

        assertEquals("Saved Elsewhere", model.restaurantNameProperty().get());
    }

    private void anotherManagerSaves(String name, String phone) throws Exception {
        StoreSettings now = office.get("store/settings?propertyId=" + tenant.propertyId(), StoreSettings.class);
        office.put("store/settings?propertyId=" + tenant.propertyId(), new StoreSettings(tenant.propertyId(), name,
                now.address(), now.taxNumber(), phone, now.currency(), now.locale(), now.receiptHeader(),
                now.receiptFooter(), null, null), StoreSettings.class);
    }

    @Test
    void aTillThatHoldsTheSettingsIsNotSentThemAgainUntilTheyChange() throws Exception {
        ServerClient till = new ServerClient(server.terminal(tenant), Clock.systemUTC());
        try {
            ServerClient.Tagged<StoreSettings> held = till.storeSettings(null).orElseThrow();
            assertTrue(till.storeSettings(held.tag()).isEmpty(), "unchanged: nothing sent");

            model.refresh();
            model.phoneProperty().set("+353 1 555 0199");
            model.save();

            assertEquals("+353 1 555 0199", till.storeSettings(held.tag()).orElseThrow().value().phone());
        } finally {
            till.close();
        }
    }

    @Test
    void aLogoThatIsNotAPngIsRefusedBeforeTheServer() throws Exception {
        Path text = Files.writeString(dir.resolve("logo.txt"), "not an image");
        model.chooseLogo(text);
        assertEquals("The logo must be a PNG image.", model.messageProperty().get());
        assertNull(model.logoProperty().get());
    }
}
