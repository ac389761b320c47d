package io.brigade.desktop.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.Tills;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The floor a manager placed (through the store server's floor API), as a till draws it in the room its floor has at
 * 1024x768 (584 x 572 px beside the ticket pane), on a stage of its own: the tables keep their places relative to
 * each other, their shapes and proportions, a chair per seat, and none is drawn under a finger's tap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloorPlanDrawnTest {
    private static final double MIN_TAP = 56;
    private final FxRobot robot = new FxRobot();
    private LiveServer server;
    private AppServices till;
    private Stage stage;
    private final Map<String, Bounds> drawn = new TreeMap<>();
    private final Map<String, Integer> chairs = new TreeMap<>();
    private final Map<String, List<String>> styles = new TreeMap<>();

    @BeforeAll
    void drawTheFloorOnATill(@TempDir Path dir) throws Exception {
        server = LiveServer.start(dir.resolve("server"));
        DemoBootstrap.Result tenant = server.bootstrap("Drawn Floor Bistro");
        // Table 1 at the top left; 2 round to its right; 3 long below 1; 4 a round table of eight below 2; 5 in the
        // grid's far corner, so that the room is drawn small; a terrace apart.
        String body = "{\"areas\":[{\"name\":\"Dining room\",\"tables\":["
                + table("1", "square", 4, 40, 60) + "," + table("2", "round", 2, 500, 60) + ","
                + table("3", "rectangle", 6, 40, 420) + "," + table("4", "round", 8, 500, 420) + ","
                + table("5", "square", 4, 880, 880) + "]},"
                + "{\"name\":\"Terrace\",\"tables\":[" + table("T1", "round", 2, 80, 80) + "]}]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                        + "/backoffice/v1/orgs/" + tenant.orgId() + "/floor?propertyId=" + tenant.propertyId()))
                .header("Authorization", "Bearer " + server.token(tenant)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        till = AppServices.start(new AppServices.Options(dir.resolve("till")).settings(server.terminal(tenant)));
        List<FloorViewModel.Area> areas = Tills.awaitValue("the floor plan on the till", Duration.ofSeconds(30),
                () -> java.util.Optional.of(till.checks().floorAreas()).filter(a -> a.size() == 2));

        FloorViewModel floor = new FloorViewModel(Clock.systemUTC());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            floor.areas(areas);
            floor.show(List.of());
            FloorPane pane = new FloorPane(floor, tile -> { }, () -> { });
            pane.getStylesheets().add(FloorPane.class.getResource("tables.css").toExternalForm());
            stage = new Stage();
            stage.setScene(new Scene(pane, 584, 572));
            stage.show();
        });
        // The board is scaled once its scroll pane knows its viewport, a pulse or two after it is shown.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                stage.getScene().getRoot().lookupAll(".table-plan").stream().filter(n -> n.getLayoutBounds()
                        .getWidth() > 0).count() == 5).get());
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.setupFixture(() -> {
            for (Node n : stage.getScene().getRoot().lookupAll(".table-plan")) {
                String table = n.getId().substring("table-".length());
                drawn.put(table, n.localToScene(n.getLayoutBounds()));
                chairs.put(table, (int) ((Parent) n.getParent()).getChildrenUnmodifiable().stream()
                        .filter(c -> c instanceof Circle && c.getStyleClass().contains("plan-chair")).count());
                styles.put(table, List.copyOf(n.getStyleClass()));
            }
        });
    }

    @AfterAll
    void close() throws Exception {
        if (stage != null) {
            FxToolkit.setupFixture(() -> stage.close());
        }
        if (till != null) {
            till.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theFirstAreaIsDrawnWithEveryTableOfItsOwn() {
        assertEquals(List.of("1", "2", "3", "4", "5"), List.copyOf(drawn.keySet()));
    }

    @Test
    void tablesKeepTheirPlacesRelativeToEachOther() {
        assertTrue(centreX("2") > right("1"), "2 right of 1: " + drawn);
        assertEquals(centreY("1"), centreY("2"), 1, "1 and 2 in a row");
        assertTrue(drawn.get("3").getMinY() > drawn.get("1").getMaxY(), "3 below 1: " + drawn);
        assertEquals(drawn.get("1").getMinX(), drawn.get("3").getMinX(), 1, "3 under 1, left edges aligned");
        assertTrue(centreX("4") > right("3") && drawn.get("4").getMinY() > drawn.get("2").getMaxY(),
                "4 right of 3 and below 2: " + drawn);
        assertTrue(drawn.get("5").getMinX() > right("4") && drawn.get("5").getMinY() > drawn.get("4").getMaxY(),
                "5 in the far corner: " + drawn);
    }

    @Test
    void distancesAreDrawnToTheTablesScale() {
        double scale = drawn.get("1").getWidth() / 120;
        assertEquals((500 - 40) * scale, drawn.get("2").getMinX() - drawn.get("1").getMinX(), 1.5);
        assertEquals((420 - 60) * scale, drawn.get("3").getMinY() - drawn.get("1").getMinY(), 1.5);
    }

    @Test
    void shapesKeepTheirProportions() {
        assertEquals(1.0, ratio("1"), 0.02, "a square table");
        assertEquals(200.0 / 120, ratio("3"), 0.02, "a long table");
        assertEquals(1.0, ratio("2"), 0.02, "a round table");
        assertTrue(styles.get("2").contains("plan-round") && styles.get("4").contains("plan-round"), styles.toString());
        assertTrue(styles.get("1").contains("plan-square") && styles.get("3").contains("plan-rectangle"),
                styles.toString());
    }

    @Test
    void eachSeatIsAChair() {
        assertEquals(Map.of("1", 4, "2", 2, "3", 6, "4", 8, "5", 4), chairs);
    }

    @Test
    void noTableIsSmallerThanAFingersTap() {
        drawn.forEach((table, b) -> assertTrue(b.getWidth() >= MIN_TAP && b.getHeight() >= MIN_TAP,
                "table " + table + " drawn " + b.getWidth() + " x " + b.getHeight()));
    }

    @Test
    void theTablesNameIsOnIt() throws Exception {
        for (String table : drawn.keySet()) {
            String text = WaitForAsyncUtils.asyncFx(() -> robot.from(stage.getScene().getRoot())
                    .lookup("#table-" + table).queryAs(Button.class).getText()).get();
            assertTrue(text.startsWith("Table " + table + "\n") || text.startsWith(table + "\n"), text);
        }
    }

    private static String table(String name, String shape, int seats, int x, int y) {
        return "{\"table\":\"" + name + "\",\"shape\":\"" + shape + "\",\"seats\":" + seats + ",\"x\":" + x
                + ",\"y\":" + y + "}";
    }

    private double centreX(String t) {
        return drawn.get(t).getCenterX();
    }

    private double centreY(String t) {
        return drawn.get(t).getCenterY();
    }

    private double right(String t) {
        return drawn.get(t).getMaxX();
    }

    private double ratio(String t) {
        return drawn.get(t).getWidth() / drawn.get(t).getHeight();
    }
}
