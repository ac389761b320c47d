package io.brigade.desktop.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.brigade.desktop.kitchen.Screens;
import io.brigade.desktop.support.LiveApp;
import io.brigade.desktop.till.TillViewModel;
import io.brigade.protocol.Json;
import io.brigade.protocol.checks.Check;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Table 4's dinner on the real app against a real store server, signed in as a manager who works the till and
 * then looks at the kitchen's screens: drinks sent, the mains held as course 2 and fired, a third round, a sent
 * drink voided with the manager's approval; each station's screen shows each round of the table once with the
 * void on it; the bill split by seat and paid part by part ends as one sale per seat with that seat's amount, and
 * the webhooks announce exactly those sales.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableDinnerScreenTest {
    private final FxRobot robot = new FxRobot();
    private final List<JsonNode> hooks = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private LiveApp app;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            hooks.add(Json.mapper().readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        app = LiveApp.start(home, "Table Four Dinner", true);
        app.server().addDemoStations(app.tenant());
        subscribe("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        app.signIn("9999");
        waitFor("the menu", () -> till().menuProperty().get() != null);
    }

    @AfterAll
    void close() throws Exception {
        // Off the table first: the till's once-a-second read of its check must not outlive the app.
        robot.interact(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && s.getModality() != javafx.stage.Modality.NONE)
                .toList().forEach(javafx.stage.Window::hide));
        robot.interact(() -> till().leaveCheck());
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void eachRoundReachesEachStationOnceAndThePartsEndAsTheirSales() throws Exception {
        workspace("workspace-till");
        robot.clickOn("#tableField").eraseText(4).write("4").type(KeyCode.ENTER);
        waitFor("table 4's check", () -> till().checkProperty().get() != null);
        String checkId = till().checkProperty().get().checkId();
        // Drinks, sent at once.
        seat(1);
        category("Drinks");
        robot.clickOn(item("Craft lager"));
        seat(2);
        robot.clickOn(item("Sparkling water")).clickOn(item("Cola"));
        robot.clickOn("#send");
        waitFor("the drinks on the check", () -> checkLines().size() == 3);
        // The mains as course 2, held, then fired.
        category("Pizzas");
        seat(1);
        robot.clickOn(item("Diavola"));
        for (String topping : List.of("Extra mozzarella", "Mushrooms", "Pepperoni")) {
            robot.clickOn(option(topping));
        }
        robot.clickOn("#addToTicket");
        category("Burgers");
        seat(2);
        robot.clickOn(item("Classic burger")).clickOn(option("Fries")).clickOn("#addToTicket");
        robot.clickOn("#hold");
        waitFor("the mains held", () -> checkLines().stream().filter(l -> Check.HELD.equals(l.status())).count()
                == 2);
        robot.clickOn("#fireNext");
        waitFor("the mains fired", () -> checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        // A third round.
        category("Pizzas");
        seat(1);
        robot.clickOn(item("Funghi")).clickOn("#addToTicket");
        robot.clickOn("#send");
        waitFor("the third round sent", () -> checkLines().size() == 6
                && checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        // Every topping of the Diavola shows on its line.
        assertEquals(List.of("Extra mozzarella", "Mushrooms", "Pepperoni"), checkLines().stream()
                .filter(l -> l.name().equals("Diavola")).findFirst().orElseThrow().modifiers());
        // The cola, sent already, voided with the manager's approval (scrolled to: the list shows the newest).
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<Check.Line> list = robot.lookup("#checkLines").queryAs(ListView.class);
            list.scrollTo(list.getItems().stream().filter(l -> l.name().equals("Cola")).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#checkLines .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getItem() instanceof Check.Line l && l.name().equals("Cola")).queryAs(Node.class));
        robot.clickOn("#voidLine");
        waitFor("the reason asked", () -> robot.lookup("#askField").tryQuery().isPresent());
        robot.clickOn("#askField").write("spilled").type(KeyCode.ENTER);
        waitFor("a manager asked", () -> robot.lookup("#managerPin").tryQuery().isPresent());
        robot.clickOn("#managerPin").write("9999").type(KeyCode.ENTER);
        waitFor("the cola voided on the store server", () -> get("/backoffice/v1/orgs/" + org() + "/checks/"
                + checkId).get("total").decimalValue().compareTo(new BigDecimal("50.99")) == 0);

        // The kitchen: each round of the table once, at the stations of its items, the void shown.
        Map<String, List<String>> rounds = roundsOf(checkId);
        assertEquals(3, rounds.size(), "three rounds, each one ticket: " + rounds);
        workspace("workspace-kitchen");
        Map<String, List<String>> seen = new TreeMap<>();
        for (Map.Entry<String, Integer> station : Map.of("Bar", 1, "Grill", 1, "Pizza", 2).entrySet()) {
            Screens.choose(robot, station.getKey());
            waitFor("the table's tickets at the " + station.getKey(),
                    () -> onScreen(rounds.keySet()).size() == station.getValue());
            for (String ticket : onScreen(rounds.keySet())) {
                assertEquals(1, robot.lookup("#ticket-" + ticket).queryAll().size(), ticket + " shown once");
                seen.computeIfAbsent(station.getKey(), k -> new ArrayList<>()).addAll(linesOf(ticket));
            }
        }
        assertEquals(Map.of("Bar", List.of("Craft lager", "Sparkling water", "Cola (voided)", "VOID 1: spilled"),
                "Grill", List.of("Classic burger"), "Pizza", List.of("Diavola", "Funghi")), seen,
                "each station shows its own lines of each round once");

        // Split by seat, each part paid by card.
        workspace("workspace-till");
        robot.clickOn("#split").clickOn("#splitBySeat").clickOn("#splitOk");
        waitFor("the bill split by seat", () -> till().nextPart() != null);
        robot.clickOn("#payCard");
        waitFor("seat 2's part to pay", () -> text("#checkHeader").contains("€14.50"));
        robot.clickOn("#payCard");
        waitFor("the table paid and closed", () -> till().checkProperty().get() == null);

        Set<String> saleIds = sales(checkId);
        Map<String, String> sold = new TreeMap<>();
        app.server().sales(app.tenant()).stream().filter(s -> saleIds.contains(s.get("saleId").asText()))
                .forEach(s -> sold.put(s.get("saleId").asText(), plain(s.get("totalSaleAmount")) + " paid "
                        + plain(s.get("totalPaidAmount"))));
        assertEquals(List.of("14.5 paid 14.5", "36.49 paid 36.49"), sold.values().stream().sorted().toList(),
                "one sale per seat, each paid in full, the voided cola in neither");
        waitFor("a sales.created.v1 webhook per part", () -> announced(saleIds).size() == 2);
        // sales.created.v1 names the sale (its amounts are the sale's, read above): each part's sale once.
        assertEquals(List.copyOf(sold.keySet()), announced(saleIds).stream().map(h -> h.findValue("saleId").asText())
                .sorted().toList(), "the webhooks announce exactly the parts' sales, each once");
    }

    /** The table's kitchen tickets (as the store server has them) and their items' names, in order. */
    private Map<String, List<String>> roundsOf(String checkId) throws Exception {
        Map<String, List<String>> rounds = new LinkedHashMap<>();
        for (JsonNode ticket : get("/backoffice/v1/orgs/" + org() + "/kitchen/tickets?propertyId="
                + app.tenant().propertyId()).get("tickets")) {
            if (checkId.equals(ticket.path("checkId").asText())) {
                List<String> names = new ArrayList<>();
                ticket.get("items").forEach(i -> names.add(i.get("name").asText()));
                rounds.put(ticket.get("ticketId").asText(), names);
            }
        }
        return rounds;
    }

    /** Which of {@code tickets} the kitchen screen shows now. */
    private List<String> onScreen(Set<String> tickets) throws Exception {
        return Screens.onFx(() -> tickets.stream().filter(t -> robot.lookup("#ticket-" + t).tryQuery().isPresent())
                .toList());
    }

    /**
     * A ticket's lines on the kitchen screen, in order: the item's name ("(voided)" after a line shown voided), and
     * a void's own line as shown.
     */
    private List<String> linesOf(String ticket) throws Exception {
        return Screens.onFx(() -> robot.lookup("#ticket-" + ticket).queryAs(javafx.scene.Parent.class)
                .getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("ticket-item")
                        || n.getStyleClass().contains("ticket-void-line")).map(n -> {
                    String text = ((Labeled) n).getText().strip();
                    if (n.getStyleClass().contains("ticket-void-line")) {
                        return text;
                    }
                    String name = text.replaceFirst("^.*?\\d+\\s*×\\s*", "").strip();
                    return n.getStyleClass().contains("item-void") ? name + " (voided)" : name;
                }).toList());
    }

    private void workspace(String id) {
        TabPane workspaces = robot.lookup("#workspaces").queryAs(TabPane.class);
        robot.interact(() -> workspaces.getSelectionModel().select(workspaces.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TillViewModel till() {
        return app.app().till();
    }

    /** The sales a closed check turned into, as the store server says. */
    private Set<String> sales(String checkId) throws Exception {
        waitFor("the check closed into sales", () -> get("/backoffice/v1/orgs/" + org() + "/checks/" + checkId)
                .path("saleIds").size() > 0);
        Set<String> ids = new java.util.HashSet<>();
        get("/backoffice/v1/orgs/" + org() + "/checks/" + checkId).get("saleIds").forEach(id -> ids.add(id.asText()));
        waitFor("the check's sales listed", () -> app.server().sales(app.tenant()).stream()
                .filter(s -> ids.contains(s.get("saleId").asText())).count() == ids.size());
        return ids;
    }

    private List<JsonNode> announced(Set<String> saleIds) {
        return hooks.stream().filter(h -> "sales.created.v1".equals(h.path("detail-type").asText()))
                .map(h -> h.path("detail")).filter(d -> saleIds.contains(d.findValue("saleId").asText())).toList();
    }

    private static String plain(JsonNode amount) {
        return amount.decimalValue().stripTrailingZeros().toPlainString();
    }

    private void subscribe(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        app.server().url() + "/webhooks/orgs/" + org() + "/subscriptions"))
                .header("Authorization", "Bearer " + app.server().token(app.tenant()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"callbackUrl\":\"" + url + "\",\"secret\":\""
                        + "table-four-secret-0123456789abcdef\",\"eventTypes\":[\"sales.created.v1\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                app.server().url() + path)).header("Authorization", "Bearer " + app.server().token(app.tenant()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    private String org() {
        return app.tenant().orgId();
    }

    private void seat(int n) {
        Node field = robot.lookup("#seat .text-field").query();
        robot.doubleClickOn(field).eraseText(3).write(String.valueOf(n)).type(KeyCode.TAB);
    }

    @SuppressWarnings("unchecked")
    private List<Check.Line> checkLines() {
        return List.copyOf(robot.lookup("#checkLines").queryAs(ListView.class).getItems());
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private void waitFor(String what, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("waited 20 s for " + what + "; the till says: "
                    + robot.lookup("#tillMessage").tryQuery().map(n -> ((Labeled) n).getText()).orElse("")
                    + "; the kitchen: " + Screens.dump(robot), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The till's menu tab {@code name} (a manager's other screens have words of the same name). */
    private void category(String name) {
        robot.clickOn(robot.from(robot.lookup("#categories").queryAll()).lookup(".tab-label")
                .match((Labeled l) -> name.equals(l.getText())).queryAs(Node.class));
    }

    private Node item(String caption) {
        var found = robot.lookup(".item-button").match((Labeled b) -> b.getText().startsWith(caption + "\n")
                && b.isVisible() && b.getScene() != null).tryQuery();
        if (found.isEmpty()) {
            throw new AssertionError("no item " + caption + "; dialogs: " + robot.lookup(".dialog-pane").queryAll()
                    .stream().map(d -> ((javafx.scene.control.DialogPane) d).getHeaderText() + " / "
                            + ((javafx.scene.control.DialogPane) d).getContentText()).toList());
        }
        return found.get();
    }

    private Node option(String caption) {
        return robot.lookup(".option-button").match((Labeled b) -> b.getText().startsWith(caption)).query();
    }
}
