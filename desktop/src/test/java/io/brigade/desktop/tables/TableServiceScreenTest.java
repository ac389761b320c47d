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
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class TableServiceScreenTest {
    private final FxRobot robot = new FxRobot();
    private LiveApp app;
    private TillAtTable at;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        app = LiveApp.start(home, "Table Four Trattoria", true);
        at = new TillAtTable(robot, app);
        app.server().addDemoStations(app.tenant());
        app.signIn("1111");
        at.waitFor("the menu", () -> at.till().menuProperty().get() != null);
    }

    @AfterEach
    void leaveTheTable() {
        // A dialog a failed test left open would stop every click of the next.
        robot.interact(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && s.getModality() != javafx.stage.Modality.NONE)
                .toList().forEach(javafx.stage.Window::hide));
        robot.interact(() -> at.till().leaveCheck());
    }

    @AfterAll
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /** Last: it closes the app. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void theTillsOnceASecondReadStopsWhenTheAppCloses() throws Exception {
        serveThreeLines("30");
        io.brigade.desktop.till.TillController screen = app.app().tillScreen();
        assertTrue(WaitForAsyncUtils.asyncFx(screen::ticking).get(), "the open table read once a second");

        LiveApp closing = app;
        app = null;
        closing.close();

        assertEquals(false, WaitForAsyncUtils.asyncFx(screen::ticking).get(), "nothing read after the app closed");
    }

    @Test
    void aCheckIsServedFromTheKeyboardAlone() throws Exception {
        focusTill();
        robot.push(KeyCode.CONTROL, KeyCode.T).write("7").type(KeyCode.ENTER);
        // The model's check, not the header's text: the last test's table can still be on screen for a moment.
        at.waitFor("table 7's check", () -> at.visible("#checkBar") && at.till().checkProperty().get() != null
                && "7".equals(at.till().checkProperty().get().table()));
        String checkId = at.till().checkProperty().get().checkId();
        robot.push(KeyCode.CONTROL, KeyCode.F).write("lager").type(KeyCode.ENTER);
        robot.write("cola").type(KeyCode.ENTER);
        robot.write("marg").type(KeyCode.ENTER); // a pizza: its toppings dialog, where Enter adds it as it is
        at.waitFor("the toppings dialog", () -> robot.lookup("#addToTicket").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        at.waitFor("three new lines", () -> at.till().lines().size() == 3);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        at.waitFor("the round sent", () -> at.checkLines().size() == 3
                && at.checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        robot.type(KeyCode.ENTER); // Enter with nothing typed: cash for what the table owes

        at.waitFor("table 7 paid and closed", () -> !at.visible("#checkBar"));
        Set<String> saleIds = at.sales(checkId);
        List<JsonNode> sold = app.server().sales(app.tenant()).stream()
                .filter(s -> saleIds.contains(s.get("saleId").asText())).toList();
        assertEquals(1, sold.size(), "one sale for the table");
        assertEquals("20.5", sold.get(0).get("totalPaidAmount").decimalValue().stripTrailingZeros().toPlainString());
    }

    @Test
    void typingDigitsIntoGuestsSetsTheGuestsNotAnItemQuantity() throws Exception {
        focusTill();
        robot.doubleClickOn("#guests .text-field").eraseText(3).write("5").type(KeyCode.TAB);

        at.waitFor("five guests", () -> at.till().guestsProperty().get() == 5);
        assertEquals(0, at.till().pendingQuantityProperty().get(), "no item quantity typed");
        robot.clickOn("Drinks").clickOn(at.item("Cola"));
        assertEquals(1, at.till().lines().get(0).quantity(), "the next item is one, not five");
    }

    @Test
    void enterInTheSearchBoxAddsTheFirstItemFound() throws Exception {
        focusTill();
        robot.push(KeyCode.CONTROL, KeyCode.F).write("cola");

        robot.type(KeyCode.ENTER);

        at.waitFor("the cola on the ticket", () -> at.till().lines().size() == 1);
        assertEquals("Cola", at.till().lines().get(0).item().caption());
        assertEquals("", robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).getText(),
                "the search box empty for the next item");
    }

    @Test
    void aSplitByItemWithAnEmptyPartIsRefusedInTheDialog() throws Exception {
        serveThreeLines("9");
        robot.clickOn("#split").clickOn("#splitByItem");

        robot.clickOn("#splitOk");

        assertEquals("Part 2 has no line: tap a line's 2 to put it there, or choose fewer parts",
                at.text("#splitMessage"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), at.till().checkProperty().get().parts(), "the bill is not split");
    }

    @Test
    void aSplitByItemMakesThePartsTheWaiterChose() throws Exception {
        String checkId = serveThreeLines("10");
        robot.clickOn("#split").clickOn("#splitEvenly");
        assertEquals("Part 1: €10.25  ·  Part 2: €10.25", at.text("#splitPreview"));
        robot.clickOn("#splitByItem").clickOn("#line-1-part-2").clickOn("#line-2-part-2");
        assertEquals("Part 1: €6.00  ·  Part 2: €14.50", at.text("#splitPreview"));

        robot.clickOn("#splitOk");

        at.waitFor("two parts on the check", () -> at.till().checkProperty().get() != null
                && at.till().checkProperty().get().parts().size() == 2);
        List<Check.Part> parts = at.till().checkProperty().get().parts();
        List<String> first = at.checkLines().stream().filter(l -> l.name().equals("Craft lager"))
                .map(Check.Line::lineId).toList();
        assertEquals(first, parts.get(0).lineIds());
        assertEquals(0, new java.math.BigDecimal("14.50").compareTo(parts.get(1).total()), parts.toString());
        robot.clickOn("#payCard");
        at.waitFor("part 2 to pay", () -> at.text("#checkDetail").contains("€14.50"));
        robot.clickOn("#payCard");
        at.waitFor("the table paid and closed", () -> !at.visible("#checkBar"));
        assertEquals(2, at.sales(checkId).size(), "a sale per part");
    }

    @Test
    void aSentLineVoidedWithAManagersApprovalIsNotCharged() throws Exception {
        String checkId = serveThreeLines("11");
        robot.clickOn(robot.lookup("#checkLines .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getItem() instanceof Check.Line l && l.name().equals("Cola")).queryAs(Node.class));
        robot.clickOn("#voidLine");
        at.waitFor("the reason asked", () -> robot.lookup("#askField").tryQuery().isPresent());
        robot.clickOn("#askField").write("spilled").type(KeyCode.ENTER);
        at.waitFor("a manager asked", () -> robot.lookup("#managerPin").tryQuery().isPresent());

        robot.clickOn("#managerPin").write("9999").type(KeyCode.ENTER);

        at.waitFor("the cola voided on the store server", () -> {
            JsonNode check = at.get("/backoffice/v1/orgs/" + at.org() + "/checks/" + checkId);
            return check.get("total").decimalValue().compareTo(new java.math.BigDecimal("17.50")) == 0;
        });
        Check.Line cola = at.checkLines().stream().filter(l -> l.name().equals("Cola")).findFirst().orElseThrow();
        at.waitFor("the cola shown voided", () -> at.checkLines().stream().anyMatch(l -> l.name().equals("Cola")
                && l.liveQuantity() == 0));
        assertEquals("spilled", at.checkLines().stream().filter(l -> l.lineId().equals(cola.lineId())).findFirst()
                .orElseThrow().voidReason());
    }

    @Test
    void aTabOpenedByNameIsFoundAgainOnTheFloorAndPaid() throws Exception {
        robot.clickOn("#tables").clickOn("#newTab");
        at.waitFor("the tab's name asked", () -> robot.lookup("#tabName").tryQuery().isPresent());
        robot.clickOn("#tabName").write("Anna at the bar").type(KeyCode.ENTER);
        at.waitFor("Anna's tab", () -> at.till().checkProperty().get() != null
                && "Anna at the bar".equals(at.till().checkProperty().get().name()));
        String checkId = at.till().checkProperty().get().checkId();
        assertEquals(null, at.till().checkProperty().get().table(), "a tab has no table");
        robot.clickOn("Drinks").clickOn(at.item("Craft lager")).clickOn(at.item("Cola"));
        robot.clickOn("#send");
        at.waitFor("two lines sent", () -> at.checkLines().size() == 2
                && at.checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        robot.clickOn("#leaveTable");
        at.waitFor("back to a plain ticket", () -> !at.visible("#checkBar"));

        robot.clickOn("#tables");
        at.waitFor("Anna's tab on the floor", () -> robot.lookup(".table-tile").match((Labeled b) ->
                b.getText().contains("Anna at the bar")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".table-tile").match((Labeled b) -> b.getText().contains("Anna at the bar"))
                .queryAs(Node.class));
        at.waitFor("Anna's tab again", () -> at.till().checkProperty().get() != null
                && checkId.equals(at.till().checkProperty().get().checkId()));
        robot.clickOn("#payCash");

        at.waitFor("the tab paid and closed", () -> !at.visible("#checkBar"));
        Set<String> saleIds = at.sales(checkId);
        List<JsonNode> sold = app.server().sales(app.tenant()).stream()
                .filter(s -> saleIds.contains(s.get("saleId").asText())).toList();
        assertEquals(1, sold.size(), "one sale for the tab");
        assertEquals("9", sold.get(0).get("totalPaidAmount").decimalValue().stripTrailingZeros().toPlainString());
    }

    @Test
    void aCheckMovedToAFreeTableIsThereWithNothingSentAgain() throws Exception {
        String checkId = serveThreeLines("12");
        List<String> before = at.kitchenLineIds();

        robot.clickOn("#checkMoves").clickOn("Move to another table…");
        at.waitFor("the move dialog", () -> robot.lookup("#moveTable").tryQuery().isPresent());
        robot.clickOn("#moveTable").write("14").clickOn("#moveOk");

        at.waitFor("the check at table 14 on the store server", () -> "14".equals(
                at.get("/backoffice/v1/orgs/" + at.org() + "/checks/" + checkId).path("table").asText()));
        assertEquals(before, at.kitchenLineIds(), "the kitchen got nothing again");
        at.waitFor("the till showing table 14", () -> "14".equals(at.till().checkProperty().get().table()));
    }

    @Test
    void aMoveOntoATableWithACheckIsRefusedInTheDialog() throws Exception {
        serveThreeLines("20");
        String checkId = serveThreeLines("21");

        robot.clickOn("#checkMoves").clickOn("Move to another table…");
        at.waitFor("the move dialog", () -> robot.lookup("#moveTable").tryQuery().isPresent());
        robot.clickOn("#moveTable").write("20").clickOn("#moveOk");

        assertEquals("Table 20 has a check open: merge the two instead", at.text("#moveMessage"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, app.services().checks().unconfirmed(), "nothing was queued");
        assertEquals("21", at.get("/backoffice/v1/orgs/" + at.org() + "/checks/" + checkId).path("table").asText());
    }

    @Test
    void aMergedCheckBringsItsLinesWithNothingSentAgain() throws Exception {
        String from = serveThreeLines("15");
        String into = serveThreeLines("16");
        List<String> before = at.kitchenLineIds();

        robot.clickOn("#checkMoves").clickOn("Merge another check into this…");
        at.waitFor("the open checks to merge", () -> robot.lookup("#merge-table-15").tryQuery().isPresent());
        robot.clickOn("#merge-table-15").clickOn("#mergeOk");

        at.waitFor("table 16 holding both rounds on the store server", () -> at.get("/backoffice/v1/orgs/" + at.org()
                + "/checks/" + into).path("lines").size() == 6);
        JsonNode merged = at.get("/backoffice/v1/orgs/" + at.org() + "/checks/" + from);
        assertEquals(Check.MERGED, merged.path("state").asText());
        assertEquals(into, merged.path("mergedInto").asText());
        assertEquals(before, at.kitchenLineIds(), "the kitchen got nothing again");
        at.waitFor("the till showing six lines", () -> at.checkLines().size() == 6);
    }

    @Test
    void aMergeTheStoreRefusesLaterIsSaidWithTheStoresReason() throws Exception {
        String from = serveThreeLines("24");
        String into = serveThreeLines("25");
        robot.clickOn("#checkMoves").clickOn("Merge another check into this…");
        at.waitFor("the open checks to merge", () -> robot.lookup("#merge-table-24").tryQuery().isPresent());
        payOnAnotherTill(from, "20.50"); // table 24 closes on the store server meanwhile
        robot.interact(() -> { // the newest of the other checks, last in the dialog's list
            for (Node n = robot.lookup("#mergeChoices").query(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax());
                    break;
                }
            }
        });

        robot.clickOn("#merge-table-24").clickOn("#mergeOk");

        at.waitFor("the store's refusal on the till", () -> at.till().messageProperty().get()
                .startsWith("The store refused merging Table 24 into Table 25: "));
        assertTrue(at.till().messageProperty().get().contains("is closed"), at.till().messageProperty().get());
        at.waitFor("table 25 as the store has it", () -> at.checkLines().size() == 3);
        assertEquals(3, at.check(into).path("lines").size(), "nothing merged on the store server");
        at.waitFor("Needs attention on the status bar", () -> at.visible("#needsAttention"));
        robot.clickOn("#needsAttention");
        at.waitFor("the refusal under Needs attention", () -> robot.lookup("#needsAttentionList").tryQuery()
                .map(n -> ((ListView<?>) n).getItems().stream().anyMatch(e -> e instanceof io.brigade.desktop.local
                        .OutboxEntry o && o.kind() == io.brigade.desktop.local.OutboxEntry.Kind.CHECK
                        && o.lastError().contains("is closed"))).orElse(false));
        assertTrue(robot.lookup("#needsAttentionList .list-cell").match((Labeled c) -> c.getText() != null
                && c.getText().startsWith("Table order: merging Table 24 into Table 25")
                && c.getText().contains("is closed")).tryQuery().isPresent(), "the merge named with the store's reason");
    }

    /** Pays check {@code checkId} in full as another till of the store would (the org's own client). */
    private void payOnAnotherTill(String checkId, String amount) throws Exception {
        String pay = "{\"type\":\"pay\",\"operationId\":\"" + java.util.UUID.randomUUID() + "\",\"at\":\""
                + java.time.Instant.now() + "\",\"paymentMethod\":\"Cash\",\"amount\":" + amount + "}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        app.server().url() + "/backoffice/v1/orgs/" + at.org() + "/checks/" + checkId + "/operations"))
                .header("Authorization", "Bearer " + app.server().token(app.tenant()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(pay)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.body());
        assertEquals(Check.CLOSED, at.check(checkId).path("state").asText());
    }

    @Test
    void transferredLinesMoveToATableWithNothingSentAgain() throws Exception {
        String checkId = serveThreeLines("17");
        List<String> before = at.kitchenLineIds();

        robot.clickOn("#checkMoves").clickOn("Transfer lines to another check…");
        at.waitFor("the transfer dialog", () -> robot.lookup("#transferTable").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".transfer-line").match((Labeled b) -> b.getText().contains("Cola"))
                .queryAs(Node.class));
        robot.clickOn("#transferTable").write("18").clickOn("#transferOk");

        at.waitFor("table 17 without the cola on the store server", () -> at.get("/backoffice/v1/orgs/" + at.org()
                + "/checks/" + checkId).path("lines").size() == 2);
        JsonNode open = at.get("/backoffice/v1/orgs/" + at.org() + "/checks?propertyId=" + app.tenant().propertyId());
        List<String> at18 = new ArrayList<>();
        open.get("checks").forEach(c -> {
            if ("18".equals(c.path("table").asText())) {
                c.get("lines").forEach(l -> at18.add(l.get("name").asText() + " " + l.get("status").asText()));
            }
        });
        assertEquals(List.of("Cola SENT"), at18, "the cola is on table 18, sent as it was");
        assertEquals(before, at.kitchenLineIds(), "the kitchen got nothing again");
    }


    /** Opens {@code table} and sends a lager, a cola and a Margherita to the kitchen; the check's id. */
    private String serveThreeLines(String table) throws Exception {
        robot.clickOn("#tableField").eraseText(4).write(table).type(KeyCode.ENTER);
        at.waitFor("table " + table + "'s check", () -> at.visible("#checkBar") && at.till().checkProperty().get() != null
                && table.equals(at.till().checkProperty().get().table()));
        String checkId = at.till().checkProperty().get().checkId();
        robot.clickOn("Drinks").clickOn(at.item("Craft lager")).clickOn(at.item("Cola"));
        robot.clickOn("Pizzas").clickOn(at.item("Margherita")).clickOn("#addToTicket");
        robot.clickOn("#send");
        at.waitFor("three lines sent", () -> at.checkLines().size() == 3
                && at.checkLines().stream().allMatch(l -> Check.SENT.equals(l.status())));
        at.waitFor("the store to hold them", () -> app.services().checks().unconfirmed() == 0);
        return checkId;
    }


    /** The keyboard starts where a cashier's hands are: on the till, not on the window's top bar. */
    private void focusTill() {
        robot.interact(() -> robot.lookup("#till").query().requestFocus());
    }










}
