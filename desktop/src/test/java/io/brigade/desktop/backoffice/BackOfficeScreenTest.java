package io.brigade.desktop.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.Data;
import io.brigade.protocol.apikeys.ApiKey;
import io.brigade.protocol.jobs.Job;
import io.brigade.protocol.staff.StaffMember;
import io.brigade.protocol.webhooks.SubscriptionView;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The back-office workspace of the real app, headless, against a live server, driven like a manager. */
class BackOfficeScreenTest {
    private static final TypeReference<Data<List<StaffMember>>> STAFF = new TypeReference<>() { };
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private LiveApp live;
    private AppServices services;

    @BeforeEach
    void startApp() throws Exception {
        live = LiveApp.start(home, "Screen Bistro", true);
        services = live.services();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.app().till().menuProperty().get() != null);
        signInAsManager();
    }

    @AfterEach
    void stopApp() throws Exception {
        live.close();
    }

    @Test
    void creatingAnApiKeyShowsItOnceAndTheListThenShowsOnlyPrefixAndLastFour() throws Exception {
        robot.clickOn("#group-integrations").clickOn("#tab-api-keys");
        robot.clickOn("#newKeyName").write("Loyalty partner");
        robot.clickOn("#createKey");
        waitShowing("#shownOnceValue");
        String key = robot.lookup("#shownOnceValue").queryAs(TextField.class).getText();
        assertTrue(key.length() > 20, key);
        assertTrue(text("#shownOnceWarning").contains("cannot be shown again"), text("#shownOnceWarning"));
        robot.clickOn("#copyShownOnce");
        assertEquals("Copied to the clipboard.", text("#shownOnceCopied"));
        robot.clickOn("#closeShownOnce");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shownOnceValue").tryQuery().isEmpty());

        TableView<?> table = robot.lookup("#apiKeyTable").queryAs(TableView.class);
        ApiKey row = (ApiKey) table.getItems().stream().filter(k -> ((ApiKey) k).name().equals("Loyalty partner"))
                .findFirst().orElseThrow();
        assertTrue(key.startsWith(row.keyPrefix()) && key.endsWith(row.lastFour()));
        List<String> cells = cellTexts("#apiKeyTable");
        assertTrue(cells.contains(row.keyPrefix() + "…" + row.lastFour()), cells.toString());
        assertFalse(cells.stream().anyMatch(c -> c.contains(key)), "the full key is nowhere in the list");
        assertTrue(cells.contains("never"), "a new key was never used: " + cells);
        assertTrue(text("#apiKeyMessage").contains("Loyalty partner"));
    }

    @Test
    void aFailingWebhooksLogListsTheAttemptsWithStatusAndLatency() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(500)) {
            robot.clickOn("#group-integrations").clickOn("#tab-webhooks");
            robot.clickOn("#hookUrl").write(receiver.url());
            robot.clickOn("#hookEvent0");
            robot.clickOn("#saveHook");
            waitShowing("#shownOnceValue");
            assertTrue(robot.lookup("#shownOnceValue").queryAs(TextField.class).getText().startsWith("whsec_"));
            robot.clickOn("#closeShownOnce");

            robot.clickOn("#testHook");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> receiver.received.get() >= 1);
            robot.clickOn("#testHook");
            TableView<?> log = robot.lookup("#deliveryTable").queryAs(TableView.class);
            TableView<?> subscriptions = robot.lookup("#webhookTable").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                // The list and the log are two reads: wait until both have seen the second attempt.
                if (log.getItems().size() >= 2 && subscriptions.getItems().stream()
                        .anyMatch(s -> ((SubscriptionView) s).consecutiveFailures() >= 2)) {
                    return true;
                }
                robot.clickOn("#refreshHooks");
                return false;
            });
            List<String> cells = cellTexts("#deliveryTable");
            assertEquals(2, cells.stream().filter("500"::equals).count(), cells.toString());
            assertTrue(cells.stream().anyMatch(c -> c.matches("\\d+ ms")), cells.toString());
            assertTrue(cells.contains("receiver says no"), cells.toString());
            List<String> subscriptionCells = cellTexts("#webhookTable");
            assertTrue(subscriptionCells.contains(receiver.url()), subscriptionCells.toString());
            assertTrue(subscriptionCells.contains("2"), "two failures in a row: " + subscriptionCells);
        }
    }

    @Test
    void aJobStartedFromTheScreenReachesCompletedAndItsProgressShows() throws Exception {
        robot.clickOn("#group-integrations").clickOn("#tab-jobs");
        robot.clickOn("#startExport");
        TableView<?> table = robot.lookup("#jobTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && "completed".equals(((Job) table.getItems().get(0)).status()));
        WaitForAsyncUtils.waitForFxEvents();
        ProgressBar bar = robot.lookup("#jobTable .job-progress").queryAs(ProgressBar.class);
        assertEquals(1.0, bar.getProgress(), 1e-9);
        assertEquals("100%", robot.lookup("#jobTable .job-percent").queryAs(Labeled.class).getText());
        List<String> cells = cellTexts("#jobTable");
        assertTrue( cells.contains("Analytics export") && cells.contains("completed"),
                cells.toString());
        assertTrue(cells.stream().anyMatch(c -> c.startsWith("5 files")), cells.toString());
    }

    @Test
    void staffAreAddedAndRemovedAndBadInputShowsTheServersMessageAndChangesNothing() throws Exception {
        robot.clickOn("#group-store").clickOn("#tab-staff");
        TableView<?> table = robot.lookup("#staffTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() >= 4);
        robot.clickOn("#newStaffName").write("Niamh");
        robot.clickOn("#newStaffPin").write("4826");
        robot.clickOn("#addStaff");
        await(() -> cellTexts("#staffTable").contains("Niamh"), () -> text("#staffMessage") + " " + table.getItems());
        assertEquals("", robot.lookup("#newStaffName").queryAs(TextField.class).getText(), "the form clears");

        robot.clickOn("#newStaffName").write("Ronan");
        robot.clickOn("#newStaffPin").write("12");
        robot.clickOn("#addStaff");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#staffMessage").contains("pin"));
        assertEquals("Ronan", robot.lookup("#newStaffName").queryAs(TextField.class).getText(), "input is kept");
        assertFalse(serverStaff().contains("Ronan"), "nothing was stored");

        robot.clickOn(cell("#staffTable", "Niamh"));
        robot.clickOn("#removeStaff");
        waitShowing("#confirmAction");
        robot.clickOn("#confirmAction");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cellTexts("#staffTable").contains("Niamh"));
        assertFalse(serverStaff().contains("Niamh"));
        assertTrue(text("#staffMessage").contains("Niamh removed"));
    }

    /** Waits up to 15 s; on timeout the failure says what the screen showed. */
    private static void await(java.util.concurrent.Callable<Boolean> condition, java.util.function.Supplier<String> shown) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; the screen showed: " + shown.get(), e);
        }
    }

    private List<String> serverStaff() throws Exception {
        return services.backOffice().get("staff", STAFF).data().stream().map(StaffMember::name).toList();
    }

    private void signInAsManager() throws TimeoutException {
        live.signIn("9999");
        waitShowing("#workspace-back_office");
        robot.clickOn("#workspace-back_office");
        waitShowing("#backOffice");
    }

    private void waitShowing(String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .map(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private List<String> cellTexts(String table) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(table + " .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }

    private Node cell(String table, String text) {
        return robot.lookup(table + " .table-cell").match((Labeled l) -> text.equals(l.getText())).query();
    }
}
