package io.brigade.desktop.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.Json;
import io.brigade.protocol.checks.Check;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Table service on the real till against a real store server: a table served in rounds and courses, split by
 * seat and paid part by part, the kitchen given each round once and the sales (and their webhooks) matching the
 * parts.
 */
class TableServiceScreenTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private LiveApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void tableFourIsServedInCoursesSplitBySeatAndPaidPartByPart() throws Exception {
        List<JsonNode> hooks = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            hooks.add(Json.mapper().readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try {
            app = LiveApp.start(home, "Table Four Trattoria", true);
            app.server().addDemoStations(app.tenant());
            subscribe("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            app.signIn("1111");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.app().till().menuProperty().get() != null);

            robot.clickOn("#tableField").write("4").type(KeyCode.ENTER);
            waitFor("table 4's check", () -> visible("#checkBar"));
            seat(1);
            robot.clickOn("Drinks").clickOn(item("Craft lager"));
            seat(2);
            robot.clickOn(item("Sparkling water"));
            robot.clickOn("#send");
            waitFor("the drinks on the check", () -> checkLines().size() == 2);

            robot.clickOn("Pizzas");
            seat(1);
            robot.clickOn(item("Diavola"));
            for (String topping : List.of("Extra mozzarella", "Mushrooms", "Pepperoni")) {
                robot.clickOn(option(topping));
            }
            robot.clickOn("#addToTicket");
            robot.clickOn("Burgers");
            seat(2);
            robot.clickOn(item("Classic burger")).clickOn(option("Fries")).clickOn("#addToTicket");
            robot.clickOn("#hold");
            waitFor("the mains held", () -> checkLines().stream().filter(l -> Check.HELD.equals(l.status()))
                    .count() == 2);
            robot.clickOn("#fireNext");
            waitFor("the mains fired", () -> checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
            robot.clickOn("Pizzas");
            seat(1);
            robot.clickOn(item("Funghi")).clickOn("#addToTicket");
            robot.clickOn("#send");
            waitFor("the third round on the check", () -> checkLines().size() == 5
                    && checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
            // Every topping of the Diavola shows on its line.
            Check.Line diavola = checkLines().stream().filter(l -> l.name().equals("Diavola")).findFirst().orElseThrow();
            assertEquals(List.of("Extra mozzarella", "Mushrooms", "Pepperoni"), diavola.modifiers());

            robot.clickOn("#split").clickOn("#splitBySeat");
            waitFor("the bill split by seat", () -> app.app().till().nextPart() != null);
            assertTrue(text("#checkHeader").contains("€36.49"), text("#checkHeader")); // lager, Diavola with 3, Funghi
            robot.clickOn("#payCard");
            waitFor("seat 2's part to pay", () -> text("#checkHeader").contains("€14.50"));
            robot.clickOn("#payCard");
            waitFor("the table paid and closed", () -> !visible("#checkBar"));

            List<List<String>> rounds = new ArrayList<>();
            for (JsonNode ticket : get("/backoffice/v1/orgs/" + org() + "/kitchen/tickets?propertyId="
                    + app.tenant().propertyId()).get("tickets")) {
                List<String> names = new ArrayList<>();
                ticket.get("items").forEach(i -> names.add(i.get("name").asText()));
                rounds.add(names);
            }
            assertEquals(List.of(List.of("Craft lager", "Sparkling water"), List.of("Diavola", "Classic burger"),
                    List.of("Funghi")), rounds, "each round reached the kitchen once");
            waitFor("both sales on the server", () -> app.server().sales(app.tenant()).size() == 2);
            List<String> totals = new ArrayList<>();
            List<String> saleIds = new ArrayList<>();
            for (JsonNode sale : app.server().sales(app.tenant())) {
                totals.add(sale.get("totalSaleAmount").decimalValue().stripTrailingZeros().toPlainString() + " paid "
                        + sale.get("totalPaidAmount").decimalValue().stripTrailingZeros().toPlainString());
                saleIds.add(sale.get("saleId").asText());
            }
            assertEquals(List.of("14.5 paid 14.5", "36.49 paid 36.49"), totals.stream().sorted().toList(),
                    "one sale per seat, each paid in full");
            waitFor("a sales.created.v1 webhook per part", () -> hooks.stream()
                    .filter(h -> "sales.created.v1".equals(h.path("detail-type").asText())).count() == 2);
            List<String> announced = new ArrayList<>();
            hooks.forEach(h -> announced.add(h.path("detail").findValue("saleId").asText()));
            assertEquals(saleIds.stream().sorted().toList(), announced.stream().sorted().toList(),
                    "the webhooks announce exactly the parts' sales");
        } finally {
            receiver.stop(0);
        }
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

    private boolean visible(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited 20 s for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node item(String caption) {
        return robot.lookup(".item-button").match((Labeled b) -> b.getText().startsWith(caption + "\n")
                && b.isVisible() && b.getScene() != null).query();
    }

    private Node option(String caption) {
        return robot.lookup(".option-button").match((Labeled b) -> b.getText().startsWith(caption)).query();
    }
}
