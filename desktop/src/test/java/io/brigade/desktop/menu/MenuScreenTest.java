package io.brigade.desktop.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.shell.BrigadeApp;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The MENU workspace in the real app, headless, over its embedded server: a manager edits a price, sees the
 * server's refusal at the field, saves a revision, publishes it, snoozes an item, and the till greys it out.
 * With {@code -Dbrigade.screenshots=DIR} it also writes menu-editor.png and till-snoozed.png there.
 */
class MenuScreenTest {
    private static final long WITHIN_SECONDS = 15;

    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private BrigadeApp app;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() -> new AppServices.Options(home)
                .menuRefresh(Duration.ofMillis(300))));
        app.ready().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.till().menuProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void managerEditsSavesPublishesAndSnoozesAndTheTillGreysTheItem() throws Exception {
        signIn("9999");
        robot.clickOn("#workspace-menu");
        TableView<?> items = robot.lookup("#itemTable").queryAs(TableView.class);
        waitUntil("the menu's items", () -> items.getItems().size() == 12);

        robot.clickOn(cell("#itemTable", "Cola", 9));
        type("#itemPrice", "3.40");
        robot.clickOn(cell("#itemTable", "Margherita", 0));
        type("#itemPrice", "-2");
        robot.clickOn("#saveRevision");
        waitUntil("the refusal", () -> text("#menuMessage").startsWith("Not saved, the server refused the draft"));
        assertEquals("price: must be zero or more", text("#itemError"), "shown at the field");
        assertTrue(text("#menuMessage").contains("Margherita: price: must be zero or more"));
        screenshot("menu-editor.png");

        type("#itemPrice", "11.50");
        robot.clickOn("#saveRevision");
        waitUntil("the save", () -> text("#menuMessage").equals("Saved as revision 2. Publish it to put it on sale."));
        assertEquals("", text("#itemError"));

        robot.clickOn("#groupsTab");
        screenshot("menu-groups.png");
        robot.clickOn("#publishTab");
        screenshot("menu-publish.png");
        robot.clickOn("#publish");
        waitUntil("the publication", () -> text("#menuMessage").startsWith("Revision 2 is now on sale on "));

        robot.clickOn("#snoozesTab");
        TableView<?> snoozes = robot.lookup("#snoozeTable").queryAs(TableView.class);
        waitUntil("the channel's items", () -> snoozes.getItems().size() == 12);
        robot.clickOn(cell("#snoozeTable", "Cola", 9));
        robot.clickOn("#snoozeItem");
        waitUntil("the snooze", () -> text("#snoozeMessage").equals("Cola snoozed until unsnoozed."));
        robot.clickOn(cell("#snoozeTable", "House red (glass)", 10));
        type("#snoozeUntil", "23:59");
        robot.clickOn("#snoozeItem");
        waitUntil("the timed snooze", () -> text("#snoozeMessage").startsWith("House red (glass) snoozed until 23:59"));

        javafx.scene.control.ComboBox<?> channelPicker = robot.lookup("#snoozeChannelPicker")
                .queryAs(javafx.scene.control.ComboBox.class);
        assertTrue(channelPicker.getValue() instanceof io.brigade.protocol.org.SalesChannel ch
                && ch.name().equals("Front counter till"), "the panel names the channel it shows");
        screenshot("menu-snoozes.png");
        robot.clickOn("#workspace-till");
        waitUntil("revision 2 at the till", () -> app.till().menuProperty().get().revisionId() == 2);
        // The tab header by id: the menu workspace's tables also show the word "Drinks".
        String drinks = "#category-" + app.till().menuProperty().get().tabs().stream()
                .filter(t -> t.caption().equals("Drinks")).findFirst().orElseThrow().id();
        waitUntil("the Drinks tab", () -> robot.lookup(drinks).tryQuery().isPresent());
        robot.clickOn(drinks);
        waitUntil("Cola greyed at the till", () -> itemButton("Cola").getStyleClass().contains("snoozed"));
        assertEquals("Cola\nSnoozed", itemButton("Cola").getText());
        assertEquals("Sparkling water\n€2.50", itemButton("Sparkling water").getText());
        robot.clickOn(itemButton("Cola"));
        assertEquals("Cola is snoozed and cannot be sold", text("#tillMessage"));
        screenshot("till-snoozed.png");

        robot.clickOn("#workspace-menu");
        robot.clickOn(cell("#snoozeTable", "Cola", 9));
        robot.clickOn("#unsnoozeItem");
        waitUntil("the unsnooze", () -> text("#snoozeMessage").equals("Cola is back on sale."));
        robot.clickOn("#workspace-till");
        waitUntil("Cola un-greyed at the till", () -> !itemButton("Cola").getStyleClass().contains("snoozed"));
        assertEquals("Cola\n€3.40", itemButton("Cola").getText(), "the published price");
    }

    private void type(String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The cell showing {@code text}, after scrolling the table to {@code row} (tables draw only visible rows). */
    private Node cell(String table, String text, int row) throws Exception {
        TableView<?> view = robot.lookup(table).queryAs(TableView.class);
        robot.interact(() -> view.scrollTo(Math.max(0, row - 2)));
        return cell(table, text);
    }

    private Node cell(String table, String text) throws Exception {
        waitUntil(text + " in " + table, () -> robot.lookup(table + " .table-cell")
                .match((Labeled c) -> text.equals(c.getText())).tryQuery().isPresent());
        return robot.lookup(table + " .table-cell").match((Labeled c) -> text.equals(c.getText())).query();
    }

    private Button itemButton(String caption) {
        return robot.lookup(".item-button").match((Labeled b) -> b.getText().startsWith(caption + "\n")
                && b.isVisible() && b.getScene() != null).queryAs(Button.class);
    }

    private String text(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private void waitUntil(String what, Supplier<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> {
                try {
                    return condition.get();
                } catch (RuntimeException e) {
                    return false; // not on screen yet
                }
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; message: "
                    + robot.lookup("#menuMessage").tryQueryAs(Labeled.class).map(Labeled::getText).orElse("-"), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void signIn(String pin) throws Exception {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#pin" + c);
        }
        robot.clickOn("#signIn");
        waitUntil("the shell", () -> robot.lookup("#workspace-menu").tryQuery().isPresent());
    }

    /** Writes the window's scene as a PNG when {@code brigade.screenshots} names a directory. */
    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("brigade.screenshots");
        if (dir == null) {
            return;
        }
        Scene scene = robot.lookup("#menuMessage").query().getScene();
        WritableImage image = robot.interact(() -> scene.snapshot(null)) == null ? null : snapshot(scene);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", new File(dir, name));
    }

    private static WritableImage snapshot(Scene scene) throws Exception {
        java.util.concurrent.CompletableFuture<WritableImage> shot = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> shot.complete(scene.snapshot(null)));
        return shot.get(10, TimeUnit.SECONDS);
    }
}
