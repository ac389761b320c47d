package io.brigade.desktop.till;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;

import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.shell.BrigadeApp;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The real app, headless: embedded server, demo restaurant, sign-in and the till, driven like a cashier. */
class TillScreenTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private BrigadeApp app;
    private AppServices services;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() -> new AppServices.Options(home)));
        services = app.ready().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.till().menuProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void cashierRingsUpModifierAndSplitCashCardPaymentAndSeesChangeAndReceipt() throws Exception {
        signIn("1111");
        robot.clickOn("#tableField").write("7");
        robot.clickOn(item("Margherita"));
        robot.clickOn(option("Mushrooms"));
        robot.clickOn("#addToTicket");
        robot.clickOn("Drinks");
        robot.clickOn(item("Cola"));
        verifyThat("#total", LabeledMatchers.hasText("€15.50")); // 11.50 + 1.00 mushrooms + 3.00 cola

        robot.clickOn("#amountField").write("5");
        robot.clickOn("#payCard");
        verifyThat("#balance", LabeledMatchers.hasText("€10.50"));
        robot.clickOn("#amountField").write("20");
        robot.clickOn("#payCash");

        waitVisible("#receiptDone");
        verifyThat("#changeDue", LabeledMatchers.hasText("Change due: €9.50"));
        String receipt = robot.lookup("#receiptText").queryAs(TextArea.class).getText();
        assertTrue(receipt.contains("Order 0001"), receipt);
        assertTrue(receipt.contains("+ Mushrooms"), receipt);
        assertTrue(receipt.contains("Card") && receipt.contains("€5.00"), receipt);
        assertTrue(receipt.contains("VAT included"), "the store's receipt, as it prints: " + receipt);
        robot.clickOn("#receiptDone");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "Online".equals(text("#connectionStatus"))
                && "No sales waiting".equals(text("#waitingStatus")) && text("#lastSyncStatus").startsWith("Last sync "));

        List<OutboxEntry> sales = services.outbox().recentSales(5);
        assertEquals(1, sales.size());
        assertEquals("0001", sales.get(0).displayId());
        assertEquals("Ciara", sales.get(0).staffName());
        assertTrue(sales.get(0).payload().contains("\"staffName\\\":\\\"Ciara\\\""), sales.get(0).payload());
        verifyThat("#total", LabeledMatchers.hasText("€0.00"));
    }

    @Test
    void modifierMinimumAndMaximumAreEnforcedWithAClearMessage() {
        signIn("1111");
        robot.clickOn("Burgers");
        robot.clickOn(item("Classic burger"));
        robot.clickOn("#addToTicket");
        verifyThat("#modifierMessage", LabeledMatchers.hasText("Choose 1 from 'Choose a side'"));
        robot.clickOn(option("Fries"));
        robot.clickOn("#addToTicket");
        assertEquals(1, app.till().lines().size());

        robot.clickOn("Pizzas");
        robot.clickOn(item("Margherita"));
        for (String topping : List.of("Extra mozzarella", "Mushrooms", "Pepperoni", "Rocket")) {
            robot.clickOn(option(topping));
        }
        verifyThat("#modifierMessage", LabeledMatchers.hasText("'Extra toppings' allows at most 3 choices"));
        robot.clickOn("#addToTicket");
        assertEquals(2, app.till().lines().size());
        assertEquals(3, app.till().lines().get(1).modifiers().size());
    }

    @Test
    void cashierDoesNotSeeManagerWorkspacesAndAWrongPinIsRefused() throws Exception {
        for (char c : "4321".toCharArray()) {
            robot.clickOn("#pin" + c);
        }
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#signInMessage").queryAs(Labeled.class).getText().isEmpty());
        verifyThat("#signInMessage", LabeledMatchers.hasText("Unknown PIN. Try again."));
        signIn("1111");
        assertEquals(1, robot.lookup("#workspaces").queryAs(javafx.scene.control.TabPane.class).getTabs().size());
        assertTrue(robot.lookup("#workspace-back_office").tryQuery().isEmpty());
        assertTrue(!robot.lookup("#recentSales").query().isVisible());
    }

    private void signIn(String pin) {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#pin" + c);
        }
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#till").tryQuery().isPresent()
                    && robot.lookup("#till").query().getScene() != null);
            // The menu's category buttons are laid out on a later pulse than the till itself: on a loaded machine
            // a click right after sign-in found none.
            waitVisible("Burgers");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the till did not open after signing in", e);
        }
    }

    private void waitVisible(String query) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .map(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private Node item(String caption) {
        return robot.lookup(".item-button").match((Labeled b) -> b.getText().startsWith(caption + "\n")
                && b.isVisible() && b.getScene() != null).query();
    }

    private Node option(String caption) {
        return robot.lookup(".option-button").match((Labeled b) -> b.getText().startsWith(caption)).query();
    }
}
