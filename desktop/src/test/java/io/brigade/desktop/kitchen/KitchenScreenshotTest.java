package io.brigade.desktop.kitchen;

import static io.brigade.desktop.kitchen.KitchenHttp.line;
import static io.brigade.desktop.kitchen.KitchenHttp.mod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.Json;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Tickets of different ages and stations from a real server (its clock set back while they were rung or sent),
 * rendered on the kitchen screen as the grill's station and as the expo, at 1024x768 and 1920x1080: the colours
 * follow the server's times, the type is large, and the pictures are written to {@code target/kitchen-*.png}
 * (copied to docs/ by hand after looking at them).
 */
class KitchenScreenshotTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();

    @Test
    void stationAndExpoScreensShowTheirTicketsInLargeType() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        OffsetClock clock = new OffsetClock();
        Database database = Database.open("jdbc:h2:file:" + dir.resolve("server"), "sa", "");
        try (BrigadeServer server = BrigadeServer.create(0, database, clock,
                BrigadeServer.Options.withKeyFile(dir.resolve("master.key"))).start()) {
            DemoBootstrap demo = new DemoBootstrap(database, Clock.systemUTC());
            DemoBootstrap.Result org = demo.run("The Brigade Kitchen");
            demo.addDemoStaff(org.orgId());
            demo.addDemoStations(org);
            KitchenHttp http = new KitchenHttp(server.uri().toString(), org);
            List<String> items = org.menuItemIds();
            List<String> mods = org.modifierItemIds();

            clock.back(Duration.ofSeconds(9 * 60 + 25));
            String late = http.sale("12", "0041", List.of(line(items.get(0), 1, "11.50", null, mod(mods.get(1), "1.00"),
                    mod(mods.get(0), "1.50")), line(items.get(4), 1, "12.00", "no onions, well done",
                    mod(mods.get(4), "0.00")), line(items.get(9), 2, "3.00", null)));
            clock.back(Duration.ofSeconds(6 * 60 + 10));
            String burgers = http.sale(null, "0042", List.of(line(items.get(5), 2, "13.00", null, mod(mods.get(6), "1.00")),
                    line(items.get(11), 2, "6.00", null)));
            clock.back(Duration.ofSeconds(3 * 60 + 40));
            Map<String, Object> round = http.round("T4", "4", 3, 2, List.of(
                    Map.of("lineId", "l1", "menuItemId", items.get(1), "quantity", 1, "seat", 1),
                    Map.of("lineId", "l2", "menuItemId", items.get(7), "quantity", 1, "seat", 2, "notes", "nut allergy"),
                    Map.of("lineId", "l3", "menuItemId", items.get(6), "quantity", 1, "seat", 3),
                    Map.of("lineId", "l4", "menuItemId", items.get(10), "quantity", 2)));
            String check = http.fire(round);
            clock.back(Duration.ofSeconds(70));
            String quick = http.sale("7", "0044", List.of(line(items.get(6), 1, "12.50", null, mod(mods.get(5), "0.00")),
                    line(items.get(8), 1, "2.50", null)));
            clock.back(Duration.ofSeconds(5 * 60));
            String ready = http.sale(null, "0045", List.of(line(items.get(2), 1, "12.50", null),
                    line(items.get(10), 1, "7.00", null)));
            clock.back(Duration.ZERO);
            http.post("kitchen/tickets/" + burgers + "/stations/grill/start", "{}");
            http.post("kitchen/tickets/" + late + "/stations/bar/bump", "{}");
            http.post("kitchen/tickets/" + check + "/stations/bar/bump", "{}");
            http.post("kitchen/tickets/" + check + "/lines/l1", "{\"done\":true}");
            http.voidLine("check-4", "l3", "guest left");
            http.post("kitchen/tickets/" + quick + "/stations/bar/bump", "{}");
            http.post("kitchen/tickets/" + ready + "/stations/pizza/bump", "{}");
            http.post("kitchen/tickets/" + ready + "/stations/bar/bump", "{}");
            KitchenSnapshot snapshot = Json.mapper().readValue(
                    http.get("kitchen/tickets?propertyId=" + org.propertyId()), KitchenSnapshot.class);
            assertEquals(5, snapshot.tickets().size());

            FxToolkit.registerPrimaryStage();
            KitchenViewModel model = new KitchenViewModel(Clock.systemUTC(), Texts.of(KitchenTexts.class));
            AtomicReference<Parent> view = new AtomicReference<>();
            robot.interact(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                FXMLLoader loader = Texts.loader(KitchenWorkspace.class, "KitchenView.fxml");
                try {
                    view.set(loader.load());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                ((KitchenController) loader.getController()).bind(model, Texts.of(KitchenTexts.class),
                        ZoneId.of("Europe/Dublin"));
                model.snapshot(snapshot);
                model.streamUp();
            });
            for (String screen : List.of("grill", KitchenStations.EXPO)) {
                for (int[] size : List.of(new int[] {1024, 768}, new int[] {1920, 1080})) {
                    robot.interact(() -> {
                        model.show(screen);
                        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
                        if (view.get().getParent() != null) {
                            ((javafx.scene.layout.Pane) view.get().getParent()).getChildren().clear();
                        }
                        stage.setScene(new Scene(new javafx.scene.layout.StackPane(view.get()), size[0], size[1]));
                        stage.show();
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    if (screen.equals("grill")) {
                        assertTrue(robot.lookup(".age-red").queryAll().size() >= 1, "the 9-minute ticket is red");
                        assertTrue(robot.lookup(".age-amber").queryAll().size() >= 1, "the 6-minute ticket is amber");
                        assertTrue(robot.lookup("#line-" + burgers + "-1").tryQuery().isPresent());
                        assertTrue(robot.lookup("#line-" + late + "-1").tryQuery().isEmpty(),
                                "the margherita is the pizza station's");
                        assertTrue(robot.lookup(".ticket-void-line").tryQuery().isPresent(), "the voided burger");
                    } else {
                        assertEquals(1, robot.lookup("#column-READY .ticket").queryAll().size());
                        assertTrue(robot.lookup("#progress-" + check + "-bar").tryQuery().isPresent());
                    }
                    assertTrue(robot.lookup(".ticket-id").queryAs(javafx.scene.control.Label.class).getFont()
                            .getSize() >= 24, "ticket numbers are large enough to read across a kitchen");
                    AtomicReference<WritableImage> image = new AtomicReference<>();
                    robot.interact(() -> image.set(view.get().getScene().getRoot().snapshot(null, null)));
                    Path out = Path.of("target", "kitchen-" + screen + "-" + size[0] + "x" + size[1] + ".png");
                    Files.createDirectories(out.getParent());
                    ImageIO.write(toBuffered(image.get()), "png", out.toFile());
                    assertTrue(Files.size(out) > 10_000);
                }
            }
            FxToolkit.cleanupStages();
        }
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    /** The server's clock, set back while a sale is rung so that its ticket is that old now. */
    static final class OffsetClock extends Clock {
        private volatile Duration back = Duration.ZERO;

        void back(Duration d) {
            back = d;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().minus(back);
        }
    }
}
