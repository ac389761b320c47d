package io.brigade.desktop.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.brigade.protocol.Json;
import io.brigade.protocol.kitchen.KitchenSnapshot;
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
 * Tickets of different ages from a real server (its clock set back while they were rung), rendered on the kitchen
 * screen: the colours follow the server's times, the type is large, and the picture is written to
 * {@code target/kitchen.png} (copied to docs/kitchen.png by hand after looking at it).
 */
class KitchenScreenshotTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();

    @Test
    void ticketsOfDifferentAgesShowTheirColoursInLargeType() throws Exception {
        OffsetClock clock = new OffsetClock();
        Database database = Database.open("jdbc:h2:file:" + dir.resolve("server"), "sa", "");
        try (BrigadeServer server = BrigadeServer.create(0, database, clock,
                BrigadeServer.Options.withKeyFile(dir.resolve("master.key"))).start()) {
            DemoBootstrap demo = new DemoBootstrap(database, Clock.systemUTC());
            DemoBootstrap.Result org = demo.run("The Brigade Kitchen");
            demo.addDemoStaff(org.orgId());
            Http http = new Http(server.uri().toString(), org);
            List<String> items = org.menuItemIds();
            List<String> mods = org.modifierItemIds();

            clock.back(Duration.ofSeconds(9 * 60 + 25));
            http.sale("12", List.of(line(items.get(0), 1, "11.50", null, mod(mods.get(1), "1.00"), mod(mods.get(0), "1.50")),
                    line(items.get(9), 2, "3.00", null)));
            clock.back(Duration.ofSeconds(6 * 60 + 10));
            String burger = http.sale(null, List.of(line(items.get(4), 1, "12.00", "no onions", mod(mods.get(4), "0.00")),
                    line(items.get(11), 2, "6.00", null)));
            clock.back(Duration.ofSeconds(3 * 60 + 40));
            String started = http.sale("4", List.of(line(items.get(1), 1, "13.99", null),
                    line(items.get(6), 1, "12.50", "nut allergy", mod(mods.get(5), "0.00"))));
            clock.back(Duration.ofSeconds(70));
            http.sale("7", List.of(line(items.get(2), 2, "12.50", null), line(items.get(8), 1, "2.50", null)));
            clock.back(Duration.ofSeconds(5 * 60));
            String ready = http.sale(null, List.of(line(items.get(5), 1, "13.00", null, mod(mods.get(6), "1.00"))));
            clock.back(Duration.ZERO);
            http.post("kitchen/tickets/" + started + "/start", "{}");
            http.post("kitchen/tickets/" + started + "/items/1", "{\"done\":true}");
            http.post("kitchen/tickets/" + ready + "/bump", "{}");
            KitchenSnapshot snapshot = Json.mapper().readValue(
                    http.get("kitchen/tickets?propertyId=" + org.propertyId()), KitchenSnapshot.class);
            assertEquals(5, snapshot.tickets().size());

            FxToolkit.registerPrimaryStage();
            AtomicReference<Parent> view = new AtomicReference<>();
            KitchenViewModel model = new KitchenViewModel(Clock.systemUTC(), ZoneId.of("Europe/Dublin"));
            robot.interact(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                FXMLLoader loader = new FXMLLoader(KitchenWorkspace.class.getResource("KitchenView.fxml"));
                try {
                    view.set(loader.load());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                ((KitchenController) loader.getController()).bind(model, ZoneId.of("Europe/Dublin"));
                model.stations(List.of("Pizzas", "Burgers", "Drinks"));
                model.snapshot(snapshot);
                model.streamUp();
                Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
                stage.setScene(new Scene(view.get(), 1280, 800));
                stage.show();
            });
            WaitForAsyncUtils.waitForFxEvents();

            assertTrue(robot.lookup(".age-red").queryAll().size() >= 1, "the 9-minute ticket is red");
            assertTrue(robot.lookup(".age-amber").queryAll().size() >= 1, "the 6-minute ticket is amber");
            assertEquals(1, robot.lookup("#readyColumn .ticket").queryAll().size());
            assertTrue(robot.lookup(".ticket-id").queryAs(javafx.scene.control.Label.class).getFont().getSize() >= 24,
                    "ticket numbers are large enough to read across a kitchen");
            assertTrue(robot.lookup(".item-done").tryQuery().isPresent(), "a done item is struck through");
            assertTrue(model.allDayCounts().contains(Map.entry("Craft lager", 2)));
            assertTrue(!burger.isEmpty());

            AtomicReference<WritableImage> image = new AtomicReference<>();
            robot.interact(() -> image.set(view.get().snapshot(null, null)));
            Path out = Path.of("target", "kitchen.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(toBuffered(image.get()), "png", out.toFile());
            assertTrue(Files.size(out) > 10_000);
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

    private static Map<String, Object> mod(String id, String price) {
        return line(id, 1, price, null);
    }

    @SafeVarargs
    private static Map<String, Object> line(String id, int qty, String price, String notes, Map<String, Object>... mods) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("menuItemId", id);
        m.put("quantity", qty);
        m.put("unitPrice", new BigDecimal(price));
        if (notes != null) {
            m.put("notes", notes);
        }
        m.put("modifierItems", List.of(mods));
        return m;
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

    /** Plain HTTP as the org's till client (sales) and as the kitchen (PIN 2222). */
    private static final class Http {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final DemoBootstrap.Result org;
        private final String tillToken;
        private final String kitchenToken;

        Http(String base, DemoBootstrap.Result org) throws Exception {
            this.base = base;
            this.org = org;
            String form = "grant_type=client_credentials&client_id=" + org.clientId() + "&client_secret="
                    + java.net.URLEncoder.encode(org.clientSecret(), java.nio.charset.StandardCharsets.UTF_8);
            tillToken = Json.mapper().readTree(send(HttpRequest.newBuilder(URI.create(base + "/identity/connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), 200)).get("access_token").asText();
            kitchenToken = Json.mapper().readTree(send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/sessions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"orgId\":\"" + org.orgId() + "\",\"pin\":\"2222\"}")), 201)).get("token").asText();
        }

        String sale(String table, List<Map<String, Object>> lines) throws Exception {
            BigDecimal total = BigDecimal.ZERO;
            for (Map<String, Object> l : lines) {
                BigDecimal unit = (BigDecimal) l.get("unitPrice");
                for (Object m : (List<?>) l.get("modifierItems")) {
                    unit = unit.add((BigDecimal) ((Map<?, ?>) m).get("unitPrice"));
                }
                total = total.add(unit.multiply(BigDecimal.valueOf((Integer) l.get("quantity"))));
            }
            String now = Instant.now().toString();
            Map<String, Object> sale = new LinkedHashMap<>();
            sale.put("salesChannelId", org.salesChannelId());
            sale.put("source", "POS");
            sale.put("requestedFulfillmentTime", now);
            sale.put("desiredAsap", true);
            sale.put("dispatchType", table == null ? "TakeAway" : "DineIn");
            if (table != null) {
                sale.put("dineIn", Map.of("tableId", table, "guests", 2));
            }
            sale.put("menuId", org.menuId());
            sale.put("menuRevisionId", org.menuRevisionId());
            sale.put("items", lines);
            sale.put("charges", List.of());
            sale.put("discounts", List.of());
            sale.put("payments", List.of(Map.of("type", "Sale", "paymentMethod", "Cash", "amount", total,
                    "paidAt", now)));
            String body = send(HttpRequest.newBuilder(URI.create(base + "/salesManagement/orgs/" + org.orgId()
                    + "/sales")).header("Authorization", "Bearer " + tillToken).header("Content-Type", "application/json")
                    .header("x-idempotency-key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(sale))), 201);
            return Json.mapper().readTree(body).get("saleId").asText();
        }

        String get(String relative) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/orgs/" + org.orgId() + "/" + relative))
                    .header("Authorization", "Bearer " + kitchenToken).GET(), 200);
        }

        void post(String relative, String json) throws Exception {
            send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/orgs/" + org.orgId() + "/" + relative))
                    .header("Authorization", "Bearer " + kitchenToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), 200);
        }

        private String send(HttpRequest.Builder request, int expected) throws Exception {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, r.statusCode(), r.body());
            return r.body();
        }
    }
}
