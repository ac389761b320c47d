package io.brigade.desktop.till;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.shell.BrigadeApp;
import io.brigade.desktop.support.ShiftableClock;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.MenuRevision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Snoozes at the till: a manager snoozes an item through the back office and the till's button greys out within
 * the refresh interval; tapping it says why; unsnoozing, or the snooze's expiry, un-greys it; a snoozed channel
 * shows a banner. The real app, headless, over its embedded server.
 */
class TillSnoozeScreenTest {
    private static final Duration REFRESH = Duration.ofMillis(300);
    // The refresh interval plus an HTTP round trip and an FX pulse, with room for a busy two-core machine.
    private static final long GREY_WITHIN_SECONDS = 10;

    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final ShiftableClock clock = new ShiftableClock();
    private BrigadeApp app;
    private AppServices services;
    private BackOfficeClient manager;
    private String snoozes;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() -> new AppServices.Options(home)
                .clock(clock).menuRefresh(REFRESH)));
        services = app.ready().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.till().menuProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        manager = new BackOfficeClient(services.settings().serverUrl(), services.settings().orgId(), List.of());
        manager.remember("9999");
        snoozes = "salesChannels/" + services.settings().salesChannelId() + "/snoozes";
    }

    @AfterEach
    void stopApp() throws Exception {
        manager.forget();
        manager.close();
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aSnoozedItemGreysOutAndIsRefusedThenUnsnoozingOrExpiryUngreysIt() throws Exception {
        signIn("1111");
        drinks();
        String cola = itemId("Cola");
        assertEquals(List.of(), greyed());

        Instant asked = Instant.now();
        snooze(Map.of("menuItemId", cola, "snoozed", true));
        WaitForAsyncUtils.waitFor(GREY_WITHIN_SECONDS, TimeUnit.SECONDS, () -> greyed().contains("Cola"));
        System.out.println("till greyed a snoozed item " + Duration.between(asked, Instant.now()).toMillis()
                + " ms after the manager's snooze (refresh every " + REFRESH.toMillis() + " ms)");
        assertEquals(List.of("Cola"), greyed());
        assertEquals("Cola\nSnoozed", button("Cola").getText());
        robot.clickOn(button("Cola"));
        assertEquals("Cola is snoozed and cannot be sold", message());
        assertTrue(app.till().lines().isEmpty(), "nothing was added");

        snooze(Map.of("menuItemId", cola, "snoozed", false));
        WaitForAsyncUtils.waitFor(GREY_WITHIN_SECONDS, TimeUnit.SECONDS, () -> greyed().isEmpty());
        robot.clickOn(button("Cola"));
        assertEquals(1, app.till().lines().size(), "sold again once unsnoozed");

        Instant expiry = clock.instant().plus(Duration.ofMinutes(10));
        snooze(Map.of("menuItemId", cola, "snoozed", true, "expiry", expiry.toString()));
        WaitForAsyncUtils.waitFor(GREY_WITHIN_SECONDS, TimeUnit.SECONDS, () -> greyed().contains("Cola"));
        robot.clickOn(button("Cola"));
        assertTrue(message().startsWith("Cola is snoozed until "), message());
        assertEquals(1, app.till().lines().size());
        clock.advance(Duration.ofMinutes(11));
        WaitForAsyncUtils.waitFor(GREY_WITHIN_SECONDS, TimeUnit.SECONDS, () -> greyed().isEmpty());
        robot.clickOn(button("Cola"));
        assertEquals(2, app.till().lines().stream().mapToInt(TicketLine::quantity).sum(), "the snooze expired");
    }

    @Test
    void aSnoozedChannelShowsABannerAndRefusesItemsUntilUnsnoozed() throws Exception {
        signIn("1111");
        drinks();
        assertTrue(!robot.lookup("#channelBanner").query().isVisible());
        snooze(Map.of("snoozed", true));
        WaitForAsyncUtils.waitFor(GREY_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#channelBanner").query().isVisible());
        assertEquals("This sales channel is snoozed until it is unsnoozed: new sales are paused.",
                robot.lookup("#channelBanner").queryAs(Labeled.class).getText());
        robot.clickOn(button("Cola"));
        assertEquals("The channel is snoozed: Cola cannot be sold", message());
        assertTrue(app.till().lines().isEmpty());

        snooze(Map.of("snoozed", false));
        WaitForAsyncUtils.waitFor(GREY_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> !robot.lookup("#channelBanner").query().isVisible());
        robot.clickOn(button("Cola"));
        assertEquals(1, app.till().lines().size());
    }

    @Test
    void aManagerSnoozesAnItemAtTheTillUntilClosingAndPutsItBackCashiersCannot() throws Exception {
        signIn("1111");
        drinks();
        assertFalse(robot.lookup("#snoozeMode").queryAs(ToggleButton.class).isVisible(), "not for cashiers");
        PricedItem colaItem = app.till().menuProperty().get().tabs().stream().flatMap(t -> t.items().stream())
                .filter(i -> i.caption().equals("Cola")).findFirst().orElseThrow();
        robot.interact(() -> app.till().toggleSnooze(colaItem)); // what the button would do, were it shown
        assertEquals("Ask a manager to snooze Cola", message());
        assertEquals(0, manager.get(snoozes, JsonNode.class).get("data").get("items").size(), "nothing snoozed");

        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#pin9").tryQuery()
                .map(n -> n.getScene() != null && n.isVisible()).orElse(false));
        signIn("9999");
        drinks();
        robot.clickOn("#snoozeMode");
        robot.clickOn(button("Cola"));
        WaitForAsyncUtils.waitFor(GREY_WITHIN_SECONDS, TimeUnit.SECONDS, () -> greyed().contains("Cola"));
        assertEquals("Cola is snoozed until closing", message());
        assertTrue(app.till().lines().isEmpty(), "a snoozing tap sells nothing");
        JsonNode onServer = manager.get(snoozes, JsonNode.class).get("data").get("items").get(0);
        assertEquals(itemId("Cola"), onServer.get("menuItemId").asText());
        Instant closing = clock.instant().atZone(java.time.ZoneId.systemDefault()).toLocalDate().plusDays(1)
                .atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
        assertEquals(closing, Instant.parse(onServer.get("expiry").asText()), "until the end of today");

        robot.clickOn("#snoozeMode");
        robot.clickOn(button("Cola"));
        WaitForAsyncUtils.waitFor(GREY_WITHIN_SECONDS, TimeUnit.SECONDS, () -> greyed().isEmpty());
        assertEquals(0, manager.get(snoozes, JsonNode.class).get("data").get("items").size());
    }

    /** Opens the Drinks tab once the till has laid out its category tabs after sign-in. */
    private void drinks() throws Exception {
        // The tab header by id: other screens may show the word "Drinks" too.
        String drinks = "#category-" + app.till().menuProperty().get().tabs().stream()
                .filter(t -> t.caption().equals("Drinks")).findFirst().orElseThrow().id();
        // The tabs are rebuilt when the signed-in person changes: wait for a header that is on screen.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(drinks).tryQuery()
                .map(n -> n.getScene() != null && n.isVisible()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(drinks);
    }

    private void snooze(Map<String, Object> body) throws Exception {
        JsonNode state = manager.post(snoozes, new HashMap<>(body), JsonNode.class);
        assertTrue(state.has("data"), state.toString());
    }

    private String itemId(String caption) {
        MenuRevision revision = services.menus().current().orElseThrow();
        return revision.menu().categories().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.caption().equals(caption)).map(MenuItem::id).findFirst().orElseThrow();
    }

    /** The captions of the visible item buttons that are greyed as snoozed. */
    private List<String> greyed() {
        return robot.lookup(".item-button").match((Button b) -> b.isVisible() && b.getScene() != null
                        && b.getStyleClass().contains("snoozed")).queryAllAs(Button.class).stream()
                .map(b -> b.getText().split("\n")[0]).toList();
    }

    /**
     * The visible item button with this caption, once the FX thread has finished relabelling buttons: TestFX
     * measures a node's text on the test thread, which races a label the FX thread is still changing
     * (seen once as a NullPointerException inside JavaFX's text layout).
     */
    private Button button(String caption) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".item-button").match((Labeled b) -> b.getText().startsWith(caption + "\n")
                && b.isVisible() && b.getScene() != null).queryAs(Button.class);
    }

    private String message() {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#tillMessage").queryAs(Labeled.class).getText();
    }

    private void signIn(String pin) throws Exception {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#pin" + c);
        }
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#till").tryQuery().isPresent()
                && robot.lookup("#till").query().getScene() != null);
    }
}
