package io.brigade.desktop.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.shell.BrigadeApp;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.Tills;
import io.brigade.desktop.till.Receipt;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real app, headless, against a real server over HTTP: the kitchen display driven like a cook would. */
class KitchenScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private LiveServer server;
    private BrigadeApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aScreenThatLostTheServerSaysSoAndCatchesUpWithoutDuplicates() throws Exception {
        server = LiveServer.start(home.resolve("server"));
        DemoBootstrap.Result tenant = server.bootstrap("Kitchen Bistro");
        FxToolkit.registerPrimaryStage();
        app = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() ->
                new AppServices.Options(home.resolve("till")).settings(server.terminal(tenant))
                        .menuRefresh(Duration.ofMillis(200))));
        AppServices services = app.ready().get(60, TimeUnit.SECONDS);
        MenuRevision menu = Tills.awaitMenu(services, WAIT);
        Tills.await("kitchen staff to sync from the server", WAIT, () -> services.staff().signIn("2222").isPresent());
        StaffMember cashier = services.staff().signIn("1111").orElseThrow();

        signIn("2222");
        await("the stream to be live", () -> "● Live".equals(text("#liveStatus")));
        assertTrue(!robot.lookup("#streamBanner").query().isVisible(), "no banner while live");
        // The till's one-tap items are drinks: the bar makes them.
        Screens.choose(robot, "Bar");

        // A sale rung at the till (through the till's own checkout and sync) reaches the bar.
        Receipt first = services.checkout().complete(Tills.cashSale(menu, 0), cashier);
        await("the till's sale on the kitchen screen", () -> ticketIds("#column-NEW").size() == 1);
        String firstId = ticketIds("#column-NEW").get(0);
        assertEquals("#" + first.displayId(), robot.lookup("#" + firstId + " .ticket-id").queryAs(Labeled.class)
                .getText());
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.ENTER);
        await("the bumped ticket among the bar's bumped ones", () -> ticketIds("#column-BUMPED").contains(firstId));

        // The server goes away: the screen says so plainly, with the time of the last update.
        server.stop();
        await("the red banner", () -> robot.lookup("#streamBanner").query().isVisible());
        assertTrue(text("#streamBanner").contains("Last update"), text("#streamBanner"));
        assertEquals("● Offline", text("#liveStatus"));
        Receipt second = services.checkout().complete(Tills.cashSale(menu, 1), cashier); // waits in the till

        server.restart();
        await("the banner to go once the stream is back", () -> !robot.lookup("#streamBanner").query().isVisible());
        await("the sale rung during the outage", () -> ticketIds("#column-NEW").size() == 1);
        assertEquals("#" + second.displayId(), robot.lookup("#column-NEW .ticket-id").queryAs(Labeled.class)
                .getText());
        List<String> all = allTicketIds();
        assertEquals(2, all.size(), "each ticket once: " + all);
        assertEquals(List.of(firstId), ticketIds("#column-BUMPED"));
    }

    private void signIn(String pin) throws Exception {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#pin" + c);
        }
        robot.clickOn("#signIn");
        await("the kitchen display after signing in", () -> robot.lookup("#kitchen").tryQuery()
                .map(n -> n.getScene() != null && n.isVisible()).orElse(false));
    }

    private List<String> ticketIds(String column) throws Exception {
        return Screens.tickets(robot, column);
    }

    private List<String> allTicketIds() throws Exception {
        List<String> out = new java.util.ArrayList<>(ticketIds("#column-NEW"));
        out.addAll(ticketIds("#column-IN_PREPARATION"));
        out.addAll(ticketIds("#column-BUMPED"));
        return out;
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; the screen: "
                    + Screens.dump(new FxRobot()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
