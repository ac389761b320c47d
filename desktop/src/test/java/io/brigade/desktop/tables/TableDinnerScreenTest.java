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
    private TillAtTable at;

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
        at = new TillAtTable(robot, app);
        app.server().addDemoStations(app.tenant());
        subscribe("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        app.signIn("9999");
        at.waitFor("the menu", () -> at.till().menuProperty().get() != null);
    }

    @org.junit.jupiter.api.AfterEach
    void backToDineIn() {
        robot.interact(() -> at.till().setDispatch(io.brigade.protocol.sales.DispatchType.DineIn));
    }

    @AfterAll
    void close() throws Exception {
        robot.interact(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && s.getModality() != javafx.stage.Modality.NONE)
                .toList().forEach(javafx.stage.Window::hide));
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
        at.workspace("workspace-till");
        robot.clickOn("#tableField").eraseText(4).write("4").type(KeyCode.ENTER);
        at.waitFor("table 4's check", () -> at.till().checkProperty().get() != null);
        String checkId = at.till().checkProperty().get().checkId();
        // Drinks, sent at once.
        at.seat(1);
        at.category("Drinks");
        robot.clickOn(at.item("Craft lager"));
        at.seat(2);
        robot.clickOn(at.item("Sparkling water")).clickOn(at.item("Cola"));
        robot.clickOn("#send");
        at.waitFor("the drinks on the check", () -> at.checkLines().size() == 3);
        // The mains as course 2, held, then fired.
        at.category("Pizzas");
        at.seat(1);
        robot.clickOn(at.item("Diavola"));
        for (String topping : List.of("Extra mozzarella", "Mushrooms", "Pepperoni")) {
            robot.clickOn(at.option(topping));
        }
        robot.clickOn("#addToTicket");
        at.category("Burgers");
        at.seat(2);
        robot.clickOn(at.item("Classic burger")).clickOn(at.option("Fries")).clickOn("#addToTicket");
        robot.clickOn("#hold");
        at.waitFor("the mains held", () -> at.checkLines().stream().filter(l -> Check.HELD.equals(l.status())).count()
                == 2);
        robot.clickOn("#fireNext");
        at.waitFor("the mains fired", () -> at.checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        // A third round.
        at.category("Pizzas");
        at.seat(1);
        robot.clickOn(at.item("Funghi")).clickOn("#addToTicket");
        robot.clickOn("#send");
        at.waitFor("the third round sent", () -> at.checkLines().size() == 6
                && at.checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        // Every topping of the Diavola shows on its line.
        assertEquals(List.of("Extra mozzarella", "Mushrooms", "Pepperoni"), at.checkLines().stream()
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
        at.waitFor("the reason asked", () -> robot.lookup("#askField").tryQuery().isPresent());
        robot.clickOn("#askField").write("spilled").type(KeyCode.ENTER);
        at.waitFor("a manager asked", () -> robot.lookup("#managerPin").tryQuery().isPresent());
        robot.clickOn("#managerPin").write("9999").type(KeyCode.ENTER);
        at.waitFor("the cola voided on the store server", () -> at.get("/backoffice/v1/orgs/" + at.org() + "/checks/"
                + checkId).get("total").decimalValue().compareTo(new BigDecimal("50.99")) == 0);

        // The kitchen: each round of the table once, at the stations of its items, the void shown.
        Map<String, List<String>> rounds = roundsOf(checkId);
        assertEquals(3, rounds.size(), "three rounds, each one ticket: " + rounds);
        at.workspace("workspace-kitchen");
        Map<String, List<String>> seen = new TreeMap<>();
        for (Map.Entry<String, Integer> station : Map.of("Bar", 1, "Grill", 1, "Pizza", 2).entrySet()) {
            Screens.choose(robot, station.getKey());
            at.waitFor("the table's tickets at the " + station.getKey(),
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
        at.workspace("workspace-till");
        robot.clickOn("#split").clickOn("#splitBySeat").clickOn("#splitOk");
        at.waitFor("the bill split by seat", () -> at.till().nextPart() != null);
        robot.clickOn("#payCard");
        at.waitFor("seat 2's part to pay", () -> at.text("#checkDetail").contains("€14.50"));
        robot.clickOn("#payCard");
        at.waitFor("the table paid and closed", () -> at.till().checkProperty().get() == null);

        Set<String> saleIds = at.sales(checkId);
        Map<String, String> sold = new TreeMap<>();
        app.server().sales(app.tenant()).stream().filter(s -> saleIds.contains(s.get("saleId").asText()))
                .forEach(s -> sold.put(s.get("saleId").asText(), plain(s.get("totalSaleAmount")) + " paid "
                        + plain(s.get("totalPaidAmount"))));
        assertEquals(List.of("14.5 paid 14.5", "36.49 paid 36.49"), sold.values().stream().sorted().toList(),
                "one sale per seat, each paid in full, the voided cola in neither");
        at.waitFor("a sales.created.v1 webhook per part", () -> announced(saleIds).size() == 2);
        // sales.created.v1 names the sale (its amounts are the sale's, read above): each part's sale once.
        assertEquals(List.copyOf(sold.keySet()), announced(saleIds).stream().map(h -> h.findValue("saleId").asText())
                .sorted().toList(), "the webhooks announce exactly the parts' sales, each once");
    }

    @Test
    void aTakeawaySentBeforePaymentReachesTheKitchenOnceLineByLine() throws Exception {
        at.workspace("workspace-till");
        robot.clickOn("#takeAway");
        at.category("Drinks");
        robot.clickOn(at.item("Cola"));
        at.category("Pizzas");
        robot.clickOn(at.item("Margherita")).clickOn("#addToTicket");

        robot.clickOn("#send");

        at.waitFor("the takeaway sent", () -> at.till().checkProperty().get() != null
                && at.checkLines().size() == 2 && at.checkLines().stream().allMatch(l -> Check.SENT.equals(l.status()))
                && app.services().checks().unconfirmed() == 0);
        Check sent = at.till().checkProperty().get();
        String checkId = sent.checkId();
        assertEquals(io.brigade.protocol.sales.DispatchType.TakeAway, sent.dispatchType());
        assertEquals("Takeaway " + sent.name(), at.text("#checkHeader"));
        assertEquals("Leave order", at.text("#leaveTable"), "a takeaway is left as an order, not a table");
        // Each line's "sent" shares the row of its total: at 1024x768 the check shows a line more for it.
        java.util.Set<javafx.scene.Node> statuses = robot.lookup("#checkLines .line-status").queryAll();
        assertEquals(2, statuses.size());
        for (javafx.scene.Node status : statuses) {
            assertTrue(status.getParent().getChildrenUnmodifiable().stream()
                    .anyMatch(n -> n.getStyleClass().contains("line-total")), "beside the total");
        }
        assertEquals(List.of(List.of("Cola", "Margherita")), List.copyOf(roundsOf(checkId).values()),
                "one ticket at once");

        // A line added after the Send, then paid: only that line goes to the kitchen.
        at.category("Drinks");
        robot.clickOn(at.item("Craft lager"));
        robot.clickOn("#payCard");
        at.waitFor("the takeaway paid and closed", () -> at.till().checkProperty().get() == null);

        Map<String, List<String>> rounds = roundsOf(checkId);
        assertEquals(List.of(List.of("Cola", "Margherita"), List.of("Craft lager")), List.copyOf(rounds.values()),
                "the paid takeaway's new line alone on a second ticket");
        at.kitchenLineIds();
        at.workspace("workspace-kitchen");
        Screens.choose(robot, "Bar");
        at.waitFor("both tickets at the bar", () -> onScreen(rounds.keySet()).size() == 2);
        Map<String, List<String>> atTheBar = new LinkedHashMap<>();
        for (String ticket : rounds.keySet()) {
            assertEquals(1, robot.lookup("#ticket-" + ticket).queryAll().size(), ticket + " shown once");
            atTheBar.put(ticket, linesOf(ticket));
        }
        assertEquals(List.of(List.of("Cola"), List.of("Craft lager")), List.copyOf(atTheBar.values()),
                "the bar's lines of each ticket");
        Set<String> saleIds = at.sales(checkId);
        List<JsonNode> sold = at.sold(saleIds);
        assertEquals(1, sold.size(), "one sale for the takeaway");
        JsonNode sale = at.get("/salesManagement/orgs/" + at.org() + "/salesChannels/"
                + app.tenant().salesChannelId() + "/sales/" + sold.get(0).get("saleId").asText()).path("data");
        List<String> items = new ArrayList<>();
        sale.path("items").forEach(i -> items.add(i.get("menuItemId").asText()));
        List<String> lines = new ArrayList<>();
        at.check(checkId).get("lines").forEach(l -> lines.add(l.get("menuItemId").asText()));
        assertEquals(3, lines.size());
        assertEquals(lines.stream().sorted().toList(), items.stream().sorted().toList(),
                "every line of the takeaway on its sale: " + sale);
        assertEquals(0, at.check(checkId).get("total").decimalValue().compareTo(
                sold.get(0).get("totalPaidAmount").decimalValue()), "paid in full");
        for (JsonNode ticket : at.kitchenTickets()) {
            assertTrue(!saleIds.contains(ticket.path("saleId").asText()), "no ticket of the sale itself: " + ticket);
        }
        at.workspace("workspace-till");
    }

    /** The table's kitchen tickets (as the store server has them) and their items' names, in order. */
    private Map<String, List<String>> roundsOf(String checkId) throws Exception {
        Map<String, List<String>> rounds = new LinkedHashMap<>();
        for (JsonNode ticket : at.get("/backoffice/v1/orgs/" + at.org() + "/kitchen/tickets?propertyId="
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




    private List<JsonNode> announced(Set<String> saleIds) {
        return hooks.stream().filter(h -> "sales.created.v1".equals(h.path("detail-type").asText()))
                .map(h -> h.path("detail")).filter(d -> saleIds.contains(d.findValue("saleId").asText())).toList();
    }

    private static String plain(JsonNode amount) {
        return amount.decimalValue().stripTrailingZeros().toPlainString();
    }

    private void subscribe(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        app.server().url() + "/webhooks/orgs/" + at.org() + "/subscriptions"))
                .header("Authorization", "Bearer " + app.server().token(app.tenant()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"callbackUrl\":\"" + url + "\",\"secret\":\""
                        + "table-four-secret-0123456789abcdef\",\"eventTypes\":[\"sales.created.v1\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }









}
