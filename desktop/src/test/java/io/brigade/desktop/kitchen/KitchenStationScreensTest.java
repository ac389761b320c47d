package io.brigade.desktop.kitchen;

import static io.brigade.desktop.kitchen.KitchenHttp.line;
import static io.brigade.desktop.kitchen.KitchenHttp.mod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app, headless, signed in as kitchen staff against a real server whose store has the demo stations
 * (Pizza, Grill, Bar): tickets come from sales over HTTP; the cook taps, types and chooses screens. One app for
 * the class (each test rings its own tickets and looks only at them).
 */
class KitchenStationScreensTest {
    private static final FxRobot ROBOT = new FxRobot();
    private static Path home;
    private static LiveApp app;
    private static KitchenHttp http;

    @BeforeAll
    static void open() throws Exception {
        home = Files.createTempDirectory("kitchen-screens");
        app = LiveApp.start(home, "Station Bistro", false);
        http = new KitchenHttp(app.server().url(), app.tenant());
        app.signIn("2222");
        await("the kitchen screen, live", () -> ROBOT.lookup("#liveStatus").tryQuery()
                .map(n -> ((Labeled) n).getText().contains("Live")).orElse(false));
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    @Test
    void enterBumpsTheTicketThatWasTappedNotAnotherOne() throws Exception {
        show("Grill");
        List<String> ids = List.of(burger("0101"), burger("0102"), burger("0103"));
        await("three tickets at the grill", () -> tickets("#column-NEW").containsAll(ids.stream()
                .map(id -> "ticket-" + id).toList()));
        ROBOT.type(KeyCode.DIGIT1); // something else selected first, as a cook would have
        ROBOT.clickOn("#line-" + ids.get(1) + "-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ROBOT.lookup("#ticket-" + ids.get(1)).query().getStyleClass().contains("selected"),
                "the tapped ticket is highlighted");

        ROBOT.type(KeyCode.ENTER);

        await("the tapped ticket bumped", () -> tickets("#column-BUMPED").contains("ticket-" + ids.get(1)));
        assertTrue(bumpedAt(ids.get(1), "grill"), "bumped on the server");
        assertFalse(bumpedAt(ids.get(0), "grill"), "the oldest one is still waiting");
        assertFalse(bumpedAt(ids.get(2), "grill"));
    }

    @Test
    void aStationScreenShowsOnlyItsOwnLinesOfATicket() throws Exception {
        String id = http.sale("9", "0201", List.of(line(item(0), 1, "11.50", null),
                line(item(4), 1, "12.00", null, mod(app.tenant().modifierItemIds().get(4), "0.00")),
                line(item(11), 1, "6.00", null)));

        show("Pizza");
        await("the ticket at the pizza station", () -> ROBOT.lookup("#ticket-" + id).tryQuery().isPresent());
        assertEquals(List.of("line-" + id + "-1"), lines(id));

        show("Bar");
        await("the ticket at the bar", () -> ROBOT.lookup("#line-" + id + "-3").tryQuery().isPresent());
        assertEquals(List.of("line-" + id + "-3"), lines(id));
    }

    @Test
    void theExpoServesAReadyTicketOffEveryScreen() throws Exception {
        String id = http.sale(null, "0301", List.of(line(item(1), 1, "13.99", null), line(item(8), 1, "2.50", null)));
        http.post("kitchen/tickets/" + id + "/stations/pizza/bump", "{}");
        http.post("kitchen/tickets/" + id + "/stations/bar/bump", "{}");

        show("Expo (whole tickets)");
        await("the ticket ready at the pass", () -> tickets("#column-READY").contains("ticket-" + id));
        ROBOT.clickOn("#ticket-" + id);
        ROBOT.type(KeyCode.ENTER);

        await("the served ticket gone from the expo", () -> ROBOT.lookup("#ticket-" + id).tryQuery().isEmpty());
        assertFalse(http.get("kitchen/tickets?propertyId=" + app.tenant().propertyId()).contains(id),
                "off every screen: the server shows it nowhere");
        show("Bar");
        assertTrue(ROBOT.lookup("#ticket-" + id).tryQuery().isEmpty(), "not among the bar's bumped tickets either");
    }

    @Test
    void choosingAScreenWithTheKeyboardActsOnNoTicket() throws Exception {
        show("Pizza");
        String id = http.sale(null, "0401", List.of(line(item(0), 1, "11.50", null)));
        await("the ticket at the pizza station", () -> tickets("#column-NEW").contains("ticket-" + id));
        ROBOT.clickOn("#ticket-" + id);

        ROBOT.clickOn("#stationFilter");
        ROBOT.type(KeyCode.DOWN); // Pizza -> Grill
        ROBOT.type(KeyCode.ENTER);

        await("the grill's screen", () -> "Grill".equals(Screens.onFx(() -> ((Labeled) ROBOT
                .lookup("#stationFilter .list-cell").query()).getText())));
        assertFalse(bumpedAt(id, "pizza"), "the Enter that chose the screen bumped nothing");
        assertEquals("", Screens.onFx(() -> ((Labeled) ROBOT.lookup("#kitchenMessage").query()).getText()));
    }

    private static String item(int index) {
        return app.tenant().menuItemIds().get(index);
    }

    private static String burger(String displayId) throws Exception {
        return http.sale(null, displayId, List.of(line(item(4), 1, "12.00", null,
                mod(app.tenant().modifierItemIds().get(4), "0.00"))));
    }

    private static void show(String name) throws Exception {
        Screens.choose(ROBOT, name);
    }

    private static List<String> tickets(String column) throws Exception {
        return Screens.tickets(ROBOT, column);
    }

    private static List<String> lines(String ticketId) throws Exception {
        return Screens.onFx(() -> ROBOT.lookup("#ticket-" + ticketId + " .ticket-item").queryAll().stream()
                .map(Node::getId).toList());
    }

    private static boolean bumpedAt(String ticketId, String station) throws Exception {
        JsonNode snapshot = Json.mapper().readTree(http.get("kitchen/tickets?propertyId="
                + app.tenant().propertyId()));
        for (JsonNode t : snapshot.get("tickets")) {
            if (t.get("ticketId").asText().equals(ticketId)) {
                for (JsonNode s : t.get("stations")) {
                    if (s.get("stationId").asText().equals(station)) {
                        return s.hasNonNull("bumpedAt");
                    }
                }
            }
        }
        throw new AssertionError("no ticket " + ticketId + " with a part at " + station);
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; the screen: " + Screens.dump(ROBOT), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
