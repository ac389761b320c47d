package io.brigade.desktop.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.kitchen.Screens;
import io.brigade.desktop.support.LiveApp;
import io.brigade.desktop.till.TillViewModel;
import io.brigade.protocol.Json;
import io.brigade.protocol.checks.Check;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.awaitility.Awaitility;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the table-service screen tests do at the real till and ask the store server: tap items, options and seats,
 * read the table's lines, wait (saying what the till and the kitchen show when a wait times out), and read checks,
 * sales and kitchen tickets over the back office's HTTP as the org's own client.
 */
final class TillAtTable {
    private final FxRobot robot;
    private final LiveApp app;

    TillAtTable(FxRobot robot, LiveApp app) {
        this.robot = robot;
        this.app = app;
    }

    TillViewModel till() {
        return app.app().till();
    }

    String org() {
        return app.tenant().orgId();
    }

    /** Shows a workspace of the shell ("workspace-till", "workspace-kitchen"). */
    void workspace(String id) {
        TabPane workspaces = robot.lookup("#workspaces").queryAs(TabPane.class);
        robot.interact(() -> workspaces.getSelectionModel().select(workspaces.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The till's menu tab {@code name} (a manager's other screens have words of the same name). */
    void category(String name) {
        robot.clickOn(robot.from(robot.lookup("#categories").queryAll()).lookup(".tab-label")
                .match((Labeled l) -> name.equals(l.getText())).queryAs(Node.class));
    }

    Node item(String caption) {
        var found = robot.lookup(".item-button").match((Labeled b) -> b.getText().startsWith(caption + "\n")
                && b.isVisible() && b.getScene() != null).tryQuery();
        if (found.isEmpty()) {
            throw new AssertionError("no item " + caption + "; dialogs: " + robot.lookup(".dialog-pane").queryAll()
                    .stream().map(d -> ((javafx.scene.control.DialogPane) d).getHeaderText() + " / "
                            + ((javafx.scene.control.DialogPane) d).getContentText()).toList());
        }
        return found.get();
    }

    Node option(String caption) {
        return robot.lookup(".option-button").match((Labeled b) -> b.getText().startsWith(caption)).query();
    }

    void seat(int n) {
        Node field = robot.lookup("#seat .text-field").query();
        robot.doubleClickOn(field).eraseText(3).write(String.valueOf(n)).type(javafx.scene.input.KeyCode.TAB);
    }

    /** The table's lines as the till lists them. */
    @SuppressWarnings("unchecked")
    List<Check.Line> checkLines() {
        return List.copyOf(robot.lookup("#checkLines").queryAs(ListView.class).getItems());
    }

    boolean visible(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    void waitFor(String what, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("waited 20 s for " + what + "; the till says: "
                    + robot.lookup("#tillMessage").tryQuery().map(n -> ((Labeled) n).getText()).orElse("")
                    + "; the kitchen: " + Screens.dump(robot), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** GET {@code path} on the store server as the org's own client; the answer must be 200. */
    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                app.server().url() + path)).header("Authorization", "Bearer " + app.server().token(app.tenant()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    JsonNode check(String checkId) throws Exception {
        return get("/backoffice/v1/orgs/" + org() + "/checks/" + checkId);
    }

    /** The store's kitchen tickets, as its screens' snapshot has them. */
    JsonNode kitchenTickets() throws Exception {
        return get("/backoffice/v1/orgs/" + org() + "/kitchen/tickets?propertyId=" + app.tenant().propertyId())
                .get("tickets");
    }

    /** Every line id on the store's kitchen tickets, in order; a line on two tickets fails here. */
    List<String> kitchenLineIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode ticket : kitchenTickets()) {
            ticket.get("items").forEach(i -> ids.add(i.get("lineId").asText()));
        }
        assertEquals(ids.size(), Set.copyOf(ids).size(), "no line on two kitchen tickets: " + ids);
        return ids;
    }

    /** The sales a closed check turned into, as the store server says, once it lists them all. */
    Set<String> sales(String checkId) throws Exception {
        waitFor("the check closed into sales", () -> check(checkId).path("saleIds").size() > 0);
        Set<String> ids = new HashSet<>();
        check(checkId).get("saleIds").forEach(id -> ids.add(id.asText()));
        waitFor("the check's sales listed", () -> app.server().sales(app.tenant()).stream()
                .filter(s -> ids.contains(s.get("saleId").asText())).count() == ids.size());
        return ids;
    }

    /** The store's sales of {@code saleIds}. */
    List<JsonNode> sold(Set<String> saleIds) throws Exception {
        return app.server().sales(app.tenant()).stream().filter(s -> saleIds.contains(s.get("saleId").asText()))
                .toList();
    }
}
