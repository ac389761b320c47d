package io.brigade.desktop.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.support.BackOfficeTabs;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The back office's floor editor on a real store server: a manager places tables and the saved plan holds them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloorEditorScreenTest {
    private final FxRobot robot = new FxRobot();
    private LiveApp live;

    @BeforeAll
    void openTheFloorTab(@TempDir Path home) throws Exception {
        live = LiveApp.start(home, "Floor Bistro", false);
        live.signIn("9999");
        TabPane workspaces = robot.lookup("#workspaces").queryAs(TabPane.class);
        robot.interact(() -> workspaces.getSelectionModel().select(tab(workspaces, "workspace-back_office")));
        TabPane office = robot.lookup("#backOffice").queryAs(TabPane.class);
        BackOfficeTabs.open(robot, "tab-floor");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    void close() throws Exception {
        live.close();
    }

    @Test
    void aTableDraggedToItsPlaceIsSavedThere() throws Exception {
        robot.clickOn("#areaName").write("Dining room").clickOn("#addArea");
        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("D1").clickOn("#addTable");
        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("D2").clickOn("#addTable");
        robot.clickOn("#saveFloor");
        waitFor("the plan saved", () -> table("D2") != null);
        JsonNode before = table("D2");
        Region board = robot.lookup("#floorBoard").queryAs(Region.class);
        double scale = (Math.min(board.getWidth(), board.getHeight()) - 16) / 1000;

        robot.drag("#floor-table-D2", MouseButton.PRIMARY).dropBy(60, 90);
        robot.clickOn("#saveFloor");

        waitFor("the new place saved", () -> table("D2").get("y").asInt() != before.get("y").asInt());
        JsonNode after = table("D2");
        assertTrue(Math.abs(after.get("x").asInt() - (before.get("x").asInt() + 60 / scale)) <= 3,
                "x moved by the drag: " + before + " -> " + after + " at scale " + scale);
        assertTrue(Math.abs(after.get("y").asInt() - (before.get("y").asInt() + 90 / scale)) <= 3,
                "y moved by the drag: " + before + " -> " + after + " at scale " + scale);
        boolean inDiningRoom = false;
        for (JsonNode area : plan().get("areas")) {
            for (JsonNode t : area.get("tables")) {
                inDiningRoom |= "Dining room".equals(area.get("name").asText()) && "D2".equals(t.get("table").asText());
            }
        }
        assertTrue(inDiningRoom, plan().toString());
    }

    @Test
    void aTableNamedTwiceIsRefusedOnTheSpot() throws Exception {
        robot.clickOn("#areaName").write("Terrace").clickOn("#addArea");
        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("T1").clickOn("#addTable");
        long shown = robot.lookup(".floor-table").queryAll().size();

        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("t1").type(KeyCode.TAB).clickOn("#addTable");

        assertEquals("Table t1 is on the floor already", robot.lookup("#floorMessage").queryAs(Labeled.class)
                .getText());
        assertEquals(shown, robot.lookup(".floor-table").queryAll().size(), "no second table drawn");
    }

    @Test
    void aTableRenamedRoundWithMoreSeatsIsSavedSo() throws Exception {
        robot.clickOn("#areaName").write("Garden").clickOn("#addArea");
        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("G1").clickOn("#addTable");
        robot.clickOn("#floor-table-G1");

        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("G9");
        robot.interact(() -> robot.lookup("#tableShape").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue("round"));
        robot.clickOn("#tableSeats .text-field").push(KeyCode.CONTROL, KeyCode.A).write("6");
        robot.clickOn("#changeTable").clickOn("#saveFloor");

        waitFor("G9 saved", () -> table("G9") != null);
        assertEquals("round", table("G9").get("shape").asText());
        assertEquals(6, table("G9").get("seats").asInt());
        assertEquals(null, table("G1"), "the old name is gone");
    }

    @Test
    void aTableRenamedToAnotherTablesNameIsRefusedOnTheSpot() throws Exception {
        robot.clickOn("#areaName").write("Lounge").clickOn("#addArea");
        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("L1").clickOn("#addTable");
        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("L2").clickOn("#addTable");
        robot.clickOn("#floor-table-L2");

        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("L1").clickOn("#changeTable");

        assertEquals("Table L1 is on the floor already", robot.lookup("#floorMessage").queryAs(Labeled.class)
                .getText());
        assertEquals(1, robot.lookup("#floor-table-L2").queryAll().size(), "L2 keeps its name");
    }

    @Test
    void anAreaRenamedIsSavedUnderItsNewName() throws Exception {
        robot.clickOn("#areaName").write("Patio").clickOn("#addArea");
        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("P1").clickOn("#addTable");

        robot.clickOn("#areaName").write("Courtyard").clickOn("#renameArea").clickOn("#saveFloor");

        waitFor("the courtyard saved", () -> areaNames().contains("Courtyard"));
        assertTrue(!areaNames().contains("Patio"), areaNames().toString());
    }

    @Test
    void aRemovedAreaLeavesThePlanWithItsTables() throws Exception {
        robot.clickOn("#areaName").write("Cellar").clickOn("#addArea");
        robot.clickOn("#tableName").push(KeyCode.CONTROL, KeyCode.A).write("C1").clickOn("#addTable");
        robot.clickOn("#saveFloor");
        waitFor("the cellar saved", () -> areaNames().contains("Cellar"));

        robot.clickOn("#removeArea").clickOn("#saveFloor");

        waitFor("the cellar gone", () -> !areaNames().contains("Cellar"));
        assertEquals(null, table("C1"));
    }

    private java.util.List<String> areaNames() throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        plan().get("areas").forEach(a -> names.add(a.get("name").asText()));
        return names;
    }

    /** Table {@code name} as the store server has it, or null. */
    private JsonNode table(String name) throws Exception {
        for (JsonNode area : plan().get("areas")) {
            for (JsonNode t : area.get("tables")) {
                if (name.equals(t.get("table").asText())) {
                    return t;
                }
            }
        }
        return null;
    }

    private JsonNode plan() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                live.server().url() + "/backoffice/v1/orgs/" + live.tenant().orgId() + "/floor?propertyId="
                        + live.tenant().propertyId())).header("Authorization", "Bearer "
                        + live.server().token(live.tenant())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Tab tab(TabPane pane, String id) {
        return pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }
}
