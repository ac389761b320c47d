package io.brigade.desktop.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.support.LiveApp;
import io.brigade.desktop.till.TillViewModel;
import io.brigade.protocol.Json;
import io.brigade.protocol.checks.Check;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Table service on the real till against a real store server, one app for the class (each test serves a table of
 * its own): a check served from the keyboard alone; the split dialog; a void with a manager's approval; a tab by
 * name; a check moved, merged, and lines transferred with nothing sent to the kitchen again. Table 4's whole
 * dinner with the kitchen's screens is {@link TableDinnerScreenTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableServiceScreenTest {
    private final FxRobot robot = new FxRobot();
    private LiveApp app;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        app = LiveApp.start(home, "Table Four Trattoria", true);
        app.server().addDemoStations(app.tenant());
        app.signIn("1111");
        waitFor("the menu", () -> till().menuProperty().get() != null);
    }

    @AfterEach
    void leaveTheTable() {
        // A dialog a failed test left open would stop every click of the next.
        robot.interact(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && s.getModality() != javafx.stage.Modality.NONE)
                .toList().forEach(javafx.stage.Window::hide));
        robot.interact(() -> till().leaveCheck());
    }

    @AfterAll
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCheckIsServedFromTheKeyboardAlone() throws Exception {
        focusTill();
        robot.push(KeyCode.CONTROL, KeyCode.T).write("7").type(KeyCode.ENTER);
        // The model's check, not the header's text: the last test's table can still be on screen for a moment.
        waitFor("table 7's check", () -> visible("#checkBar") && till().checkProperty().get() != null
                && "7".equals(till().checkProperty().get().table()));
        String checkId = till().checkProperty().get().checkId();
        robot.push(KeyCode.CONTROL, KeyCode.F).write("lager").type(KeyCode.ENTER);
        robot.write("cola").type(KeyCode.ENTER);
        robot.write("marg").type(KeyCode.ENTER); // a pizza: its toppings dialog, where Enter adds it as it is
        waitFor("the toppings dialog", () -> robot.lookup("#addToTicket").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitFor("three new lines", () -> till().lines().size() == 3);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitFor("the round sent", () -> checkLines().size() == 3
                && checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        robot.type(KeyCode.ENTER); // Enter with nothing typed: cash for what the table owes

        waitFor("table 7 paid and closed", () -> !visible("#checkBar"));
        Set<String> saleIds = sales(checkId);
        List<JsonNode> sold = app.server().sales(app.tenant()).stream()
                .filter(s -> saleIds.contains(s.get("saleId").asText())).toList();
        assertEquals(1, sold.size(), "one sale for the table");
        assertEquals("20.5", sold.get(0).get("totalPaidAmount").decimalValue().stripTrailingZeros().toPlainString());
    }

    @Test
    void aSplitByItemWithAnEmptyPartIsRefusedInTheDialog() throws Exception {
        serveThreeLines("9");
        robot.clickOn("#split").clickOn("#splitByItem");

        robot.clickOn("#splitOk");

        assertEquals("Part 2 has no line: tap a line's 2 to put it there, or choose fewer parts",
                text("#splitMessage"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), till().checkProperty().get().parts(), "the bill is not split");
    }

    @Test
    void aSplitByItemMakesThePartsTheWaiterChose() throws Exception {
        String checkId = serveThreeLines("10");
        robot.clickOn("#split").clickOn("#splitEvenly");
        assertEquals("Part 1: €10.25  ·  Part 2: €10.25", text("#splitPreview"));
        robot.clickOn("#splitByItem").clickOn("#line-1-part-2").clickOn("#line-2-part-2");
        assertEquals("Part 1: €6.00  ·  Part 2: €14.50", text("#splitPreview"));

        robot.clickOn("#splitOk");

        waitFor("two parts on the check", () -> till().checkProperty().get() != null
                && till().checkProperty().get().parts().size() == 2);
        List<Check.Part> parts = till().checkProperty().get().parts();
        List<String> first = checkLines().stream().filter(l -> l.name().equals("Craft lager"))
                .map(Check.Line::lineId).toList();
        assertEquals(first, parts.get(0).lineIds());
        assertEquals(0, new java.math.BigDecimal("14.50").compareTo(parts.get(1).total()), parts.toString());
        robot.clickOn("#payCard");
        waitFor("part 2 to pay", () -> text("#checkHeader").contains("€14.50"));
        robot.clickOn("#payCard");
        waitFor("the table paid and closed", () -> !visible("#checkBar"));
        assertEquals(2, sales(checkId).size(), "a sale per part");
    }

    @Test
    void aSentLineVoidedWithAManagersApprovalIsNotCharged() throws Exception {
        String checkId = serveThreeLines("11");
        robot.clickOn(robot.lookup("#checkLines .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getItem() instanceof Check.Line l && l.name().equals("Cola")).queryAs(Node.class));
        robot.clickOn("#voidLine");
        waitFor("the reason asked", () -> robot.lookup("#askField").tryQuery().isPresent());
        robot.clickOn("#askField").write("spilled").type(KeyCode.ENTER);
        waitFor("a manager asked", () -> robot.lookup("#managerPin").tryQuery().isPresent());

        robot.clickOn("#managerPin").write("9999").type(KeyCode.ENTER);

        waitFor("the cola voided on the store server", () -> {
            JsonNode check = get("/backoffice/v1/orgs/" + org() + "/checks/" + checkId);
            return check.get("total").decimalValue().compareTo(new java.math.BigDecimal("17.50")) == 0;
        });
        Check.Line cola = checkLines().stream().filter(l -> l.name().equals("Cola")).findFirst().orElseThrow();
        waitFor("the cola shown voided", () -> checkLines().stream().anyMatch(l -> l.name().equals("Cola")
                && l.liveQuantity() == 0));
        assertEquals("spilled", checkLines().stream().filter(l -> l.lineId().equals(cola.lineId())).findFirst()
                .orElseThrow().voidReason());
    }

    @Test
    void aTabOpenedByNameIsFoundAgainOnTheFloorAndPaid() throws Exception {
        robot.clickOn("#tables").clickOn("#newTab");
        waitFor("the tab's name asked", () -> robot.lookup("#tabName").tryQuery().isPresent());
        robot.clickOn("#tabName").write("Anna at the bar").type(KeyCode.ENTER);
        waitFor("Anna's tab", () -> till().checkProperty().get() != null
                && "Anna at the bar".equals(till().checkProperty().get().name()));
        String checkId = till().checkProperty().get().checkId();
        assertEquals(null, till().checkProperty().get().table(), "a tab has no table");
        robot.clickOn("Drinks").clickOn(item("Craft lager")).clickOn(item("Cola"));
        robot.clickOn("#send");
        waitFor("two lines sent", () -> checkLines().size() == 2
                && checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        robot.clickOn("#leaveTable");
        waitFor("back to a plain ticket", () -> !visible("#checkBar"));

        robot.clickOn("#tables");
        waitFor("Anna's tab on the floor", () -> robot.lookup(".table-tile").match((Labeled b) ->
                b.getText().contains("Anna at the bar")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".table-tile").match((Labeled b) -> b.getText().contains("Anna at the bar"))
                .queryAs(Node.class));
        waitFor("Anna's tab again", () -> till().checkProperty().get() != null
                && checkId.equals(till().checkProperty().get().checkId()));
        robot.clickOn("#payCash");

        waitFor("the tab paid and closed", () -> !visible("#checkBar"));
        Set<String> saleIds = sales(checkId);
        List<JsonNode> sold = app.server().sales(app.tenant()).stream()
                .filter(s -> saleIds.contains(s.get("saleId").asText())).toList();
        assertEquals(1, sold.size(), "one sale for the tab");
        assertEquals("9", sold.get(0).get("totalPaidAmount").decimalValue().stripTrailingZeros().toPlainString());
    }

    @Test
    void aCheckMovedToAFreeTableIsThereWithNothingSentAgain() throws Exception {
        String checkId = serveThreeLines("12");
        List<String> before = kitchenLineIds();

        robot.clickOn("#checkMoves").clickOn("Move to another table…");
        waitFor("the move dialog", () -> robot.lookup("#moveTable").tryQuery().isPresent());
        robot.clickOn("#moveTable").write("14").clickOn("#moveOk");

        waitFor("the check at table 14 on the store server", () -> "14".equals(
                get("/backoffice/v1/orgs/" + org() + "/checks/" + checkId).path("table").asText()));
        assertEquals(before, kitchenLineIds(), "the kitchen got nothing again");
        waitFor("the till showing table 14", () -> "14".equals(till().checkProperty().get().table()));
    }

    @Test
    void aMoveOntoATableWithACheckIsRefusedInTheDialog() throws Exception {
        serveThreeLines("20");
        String checkId = serveThreeLines("21");

        robot.clickOn("#checkMoves").clickOn("Move to another table…");
        waitFor("the move dialog", () -> robot.lookup("#moveTable").tryQuery().isPresent());
        robot.clickOn("#moveTable").write("20").clickOn("#moveOk");

        assertEquals("Table 20 has a check open: merge the two instead", text("#moveMessage"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, app.services().checks().unconfirmed(), "nothing was queued");
        assertEquals("21", get("/backoffice/v1/orgs/" + org() + "/checks/" + checkId).path("table").asText());
    }

    @Test
    void aMergedCheckBringsItsLinesWithNothingSentAgain() throws Exception {
        String from = serveThreeLines("15");
        String into = serveThreeLines("16");
        List<String> before = kitchenLineIds();

        robot.clickOn("#checkMoves").clickOn("Merge another check into this…");
        waitFor("the open checks to merge", () -> robot.lookup("#merge-table-15").tryQuery().isPresent());
        robot.clickOn("#merge-table-15").clickOn("#mergeOk");

        waitFor("table 16 holding both rounds on the store server", () -> get("/backoffice/v1/orgs/" + org()
                + "/checks/" + into).path("lines").size() == 6);
        JsonNode merged = get("/backoffice/v1/orgs/" + org() + "/checks/" + from);
        assertEquals(Check.MERGED, merged.path("state").asText());
        assertEquals(into, merged.path("mergedInto").asText());
        assertEquals(before, kitchenLineIds(), "the kitchen got nothing again");
        waitFor("the till showing six lines", () -> checkLines().size() == 6);
    }

    @Test
    void transferredLinesMoveToATableWithNothingSentAgain() throws Exception {
        String checkId = serveThreeLines("17");
        List<String> before = kitchenLineIds();

        robot.clickOn("#checkMoves").clickOn("Transfer lines to another check…");
        waitFor("the transfer dialog", () -> robot.lookup("#transferTable").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".transfer-line").match((Labeled b) -> b.getText().contains("Cola"))
                .queryAs(Node.class));
        robot.clickOn("#transferTable").write("18").clickOn("#transferOk");

        waitFor("table 17 without the cola on the store server", () -> get("/backoffice/v1/orgs/" + org()
                + "/checks/" + checkId).path("lines").size() == 2);
        JsonNode open = get("/backoffice/v1/orgs/" + org() + "/checks?propertyId=" + app.tenant().propertyId());
        List<String> at18 = new ArrayList<>();
        open.get("checks").forEach(c -> {
            if ("18".equals(c.path("table").asText())) {
                c.get("lines").forEach(l -> at18.add(l.get("name").asText() + " " + l.get("status").asText()));
            }
        });
        assertEquals(List.of("Cola SENT"), at18, "the cola is on table 18, sent as it was");
        assertEquals(before, kitchenLineIds(), "the kitchen got nothing again");
    }

    /** Every line id on the store's kitchen tickets, in order (a line sent twice would be there twice). */
    private List<String> kitchenLineIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode ticket : get("/backoffice/v1/orgs/" + org() + "/kitchen/tickets?propertyId="
                + app.tenant().propertyId()).get("tickets")) {
            ticket.get("items").forEach(i -> ids.add(i.get("lineId").asText()));
        }
        assertEquals(ids.size(), Set.copyOf(ids).size(), "no line on two kitchen tickets: " + ids);
        return ids;
    }

    /** Opens {@code table} and sends a lager, a cola and a Margherita to the kitchen; the check's id. */
    private String serveThreeLines(String table) throws Exception {
        robot.clickOn("#tableField").eraseText(4).write(table).type(KeyCode.ENTER);
        waitFor("table " + table + "'s check", () -> visible("#checkBar") && till().checkProperty().get() != null
                && table.equals(till().checkProperty().get().table()));
        String checkId = till().checkProperty().get().checkId();
        robot.clickOn("Drinks").clickOn(item("Craft lager")).clickOn(item("Cola"));
        robot.clickOn("Pizzas").clickOn(item("Margherita")).clickOn("#addToTicket");
        robot.clickOn("#send");
        waitFor("three lines sent", () -> checkLines().size() == 3
                && checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        waitFor("the store to hold them", () -> app.services().checks().unconfirmed() == 0);
        return checkId;
    }

    private TillViewModel till() {
        return app.app().till();
    }

    /** The keyboard starts where a cashier's hands are: on the till, not on the window's top bar. */
    private void focusTill() {
        robot.interact(() -> robot.lookup("#till").query().requestFocus());
    }

    /** The sales a closed check turned into, as the store server says. */
    private Set<String> sales(String checkId) throws Exception {
        waitFor("the check closed into sales", () -> get("/backoffice/v1/orgs/" + org() + "/checks/" + checkId)
                .path("saleIds").size() > 0);
        JsonNode check = get("/backoffice/v1/orgs/" + org() + "/checks/" + checkId);
        Set<String> ids = new java.util.HashSet<>();
        check.get("saleIds").forEach(id -> ids.add(id.asText()));
        waitFor("the check's sales listed", () -> app.server().sales(app.tenant()).stream()
                .filter(s -> ids.contains(s.get("saleId").asText())).count() == ids.size());
        return ids;
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

    private void waitFor(String what, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("waited 20 s for " + what + "; the till says: "
                    + robot.lookup("#tillMessage").tryQuery().map(n -> ((Labeled) n).getText()).orElse(""), e);
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
