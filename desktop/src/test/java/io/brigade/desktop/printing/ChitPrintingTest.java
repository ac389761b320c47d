package io.brigade.desktop.printing;

import static io.brigade.desktop.support.Tills.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.local.LocalDatabase;
import io.brigade.desktop.local.PrintQueue;
import io.brigade.desktop.local.SettingsRepository;
import io.brigade.desktop.local.StoreCache;
import io.brigade.desktop.support.EscPosReceiver;
import io.brigade.desktop.support.LiveServer;
import io.brigade.protocol.Json;
import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StorePrinters;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kitchen chits from the store's kitchen stream on real ESC/POS receivers: a round sent from a till prints each
 * station's lines on that station's printer, a voided line prints as a void, and nothing prints twice.
 */
class ChitPrintingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Charset CP858 = Charset.forName("cp858");
    @TempDir
    static Path dir;
    private static LiveServer server;
    private DemoBootstrap.Result tenant;
    private LocalDatabase db;
    private EscPosReceiver grill;
    private EscPosReceiver bar;
    private Printing printing;
    private ServerClient client;
    private ChitPrinting chits;
    private String token;

    @BeforeAll
    static void open() throws Exception {
        server = LiveServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void close() throws Exception {
        server.close();
    }

    @BeforeEach
    void kitchenWithPrinters() throws Exception {
        tenant = server.bootstrap("Chit Bistro");
        grill = EscPosReceiver.start();
        bar = EscPosReceiver.start();
        db = LocalDatabase.open(Files.createTempDirectory(dir, "till"));
        StoreCache store = new StoreCache(db);
        store.store(new StorePrinters(null, List.of(
                new StorePrinter("grill", "Grill", StorePrinter.NETWORK, grill.address(), 80, "CP858_Euro",
                        List.of("grill"), null),
                new StorePrinter("bar", "Bar", StorePrinter.NETWORK, bar.address(), 58, "CP858_Euro",
                        List.of("bar"), null))));
        printing = new Printing(new PrintQueue(db), store::printers, PrinterLink.defaults(), Clock.systemUTC(),
                Duration.ofMillis(200)).start();
        client = new ServerClient(server.terminal(tenant), Clock.systemUTC());
        token = server.token(tenant);
        chits = follow(store);
    }

    private ChitPrinting follow(StoreCache store) {
        ChitPrinting c = new ChitPrinting(printing, store, new SettingsRepository(db), new ReceiptPrinting(printing,
                store, Optional::empty, "till-1", "Chit Bistro", ZoneId.of("Europe/Dublin")),
                ZoneId.of("Europe/Dublin"), l -> client.kitchenStream(l, Duration.ofMillis(500))).start();
        await("the kitchen stream", WAIT, c::caughtUp);
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        chits.close();
        printing.close();
        client.close();
        grill.close();
        bar.close();
        db.close();
    }

    @Test
    void aSentRoundPrintsEachStationsLinesOnItsPrinterInLargeType() throws Exception {
        fire("T4", Map.of("lineId", "l1", "menuItemId", tenant.menuItemIds().get(4), "quantity", 2, "seat", 3,
                "notes", "no onions", "modifierItems", List.of()), Map.of("lineId", "l2", "menuItemId",
                tenant.menuItemIds().get(11), "quantity", 1, "modifierItems", List.of()));

        await("the grill's chit", WAIT, () -> grill.jobs().size() == 1);
        byte[] chit = grill.jobs().get(0);
        for (String text : List.of("Grill", "Table T4", "2 x Classic burger", "\"no onions\"", "Seat 3",
                "Course 1")) {
            assertTrue(EscPosReceiver.holds(chit, text, CP858), "the chit holds " + text);
        }
        int large = EscPosReceiver.indexOf(chit, new byte[] {0x1d, '!', 0x11});
        assertTrue(large >= 0 && large < EscPosReceiver.indexOf(chit, "2 x Classic burger".getBytes(CP858)),
                "the lines in double width and height");
        assertTrue(EscPosReceiver.indexOf(chit, new byte[] {0x1d, 'V', 49}) > 0, "cut");
        await("the bar's chit", WAIT, () -> bar.jobs().size() == 1);
        assertTrue(EscPosReceiver.holds(bar.jobs().get(0), "1 x Craft lager", CP858));
        assertTrue(!EscPosReceiver.holds(bar.jobs().get(0), "Classic burger", CP858), "the bar gets only its own");
    }

    @Test
    void aLineVoidedAfterItWasSentPrintsAsAVoid() throws Exception {
        fire("T5", Map.of("lineId", "l1", "menuItemId", tenant.menuItemIds().get(4), "quantity", 1,
                "modifierItems", List.of()));
        await("the grill's chit", WAIT, () -> grill.jobs().size() == 1);

        post("kitchen/voids", Map.of("operationId", UUID.randomUUID().toString(), "checkId", "check-T5", "lineId",
                "l1", "reason", "guest left"));

        await("the void chit", WAIT, () -> grill.jobs().size() == 2);
        byte[] voided = grill.jobs().get(1);
        for (String text : List.of("*** VOID ***", "VOID 1 x Classic burger", "Reason: guest left")) {
            assertTrue(EscPosReceiver.holds(voided, text, CP858), "the void chit holds " + text);
        }
    }

    @Test
    void aRestartedChitPrinterPrintsOnlyWhatIsNew() throws Exception {
        fire("T6", Map.of("lineId", "l1", "menuItemId", tenant.menuItemIds().get(11), "quantity", 1,
                "modifierItems", List.of()));
        await("the bar's chit", WAIT, () -> bar.jobs().size() == 1);
        chits.close();
        StoreCache store = new StoreCache(db);

        chits = follow(store);
        fire("T7", Map.of("lineId", "l1", "menuItemId", tenant.menuItemIds().get(11), "quantity", 2,
                "modifierItems", List.of()));

        await("the second chit", WAIT, () -> bar.jobs().size() == 2);
        assertTrue(EscPosReceiver.holds(bar.jobs().get(1), "2 x Craft lager", CP858), "the new round, not T6 again");
        await("nothing waits", WAIT, () -> printing.status().stream().allMatch(s -> s.waitingTotal() == 0));
        assertEquals(2, bar.jobs().size());
    }

    @SafeVarargs
    private void fire(String table, Map<String, Object>... lines) throws Exception {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("operationId", UUID.randomUUID().toString());
        round.put("propertyId", tenant.propertyId());
        round.put("checkId", "check-" + table);
        round.put("displayId", table);
        round.put("dispatchType", "DineIn");
        round.put("table", table);
        round.put("guests", 2);
        round.put("round", 1);
        round.put("course", 1);
        round.put("sentAt", Instant.now().toString());
        round.put("menuId", tenant.menuId());
        round.put("menuRevisionId", tenant.menuRevisionId());
        round.put("lines", List.of(lines));
        post("kitchen/rounds", round);
    }

    private void post(String relative, Object body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + "/backoffice/v1/orgs/" + tenant.orgId() + "/" + relative)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
    }
}
