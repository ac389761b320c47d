package io.brigade.desktop.support;

import static io.brigade.desktop.support.TillSales.line;

import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StorePrinters;
import io.brigade.protocol.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: pictures of the printers' screens at 1024x768 and 1920x1080 (the back office's Store and Printers
 * tabs, the till's printer line with a printer off, the printers dialog). Run it under a real display, e.g.
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -cp <test class path>
 * io.brigade.desktop.support.PrinterScreens /tmp/screens}.
 */
public final class PrinterScreens {
    private static final int[][] SIZES = {{1024, 768}, {1920, 1080}};

    private PrinterScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screens");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("brigade-printers");
        System.setProperty("testfx.robot", "glass");
        EscPosReceiver counter = EscPosReceiver.start();
        EscPosReceiver grill = EscPosReceiver.start();
        try (LiveApp live = LiveApp.start(home, "Brigade Bistro", false)) {
            live.signIn("9999");
            String q = "?propertyId=" + live.tenant().propertyId();
            live.services().backOffice().put("store/settings" + q, new StoreSettings(null, "Brigade Bistro",
                    "1 Main Street\nDublin 2", "IE1234567T", "+353 1 234 5678", "EUR", "en-IE", "Welcome!",
                    "Thank you, see you soon!", null, null), StoreSettings.class);
            live.services().backOffice().put("store/printers" + q, new StorePrinters(null, List.of(
                    new StorePrinter(null, "Counter", StorePrinter.NETWORK, counter.address(), 80, "CP858_Euro",
                            List.of(), StorePrinter.CashDrawer.STANDARD),
                    new StorePrinter(null, "Grill", StorePrinter.NETWORK, grill.address(), 80, "CP858_Euro",
                            List.of("grill"), null))), StorePrinters.class);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> live.services().store().printers().size() == 2);
            counter.off();
            new TillSales(live.services()).ring(null, null, line(1, "Classic burger", "Fries"), line(2, "Cola"));
            FxRobot robot = new FxRobot();
            TabPane tabs = robot.lookup("#workspaces").queryAs(TabPane.class);
            Stage stage = (Stage) tabs.getScene().getWindow();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#printerStatus")
                    .queryAs(Button.class).getText().contains("offline"));
            for (int[] size : SIZES) {
                robot.interact(() -> {
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                String suffix = "-" + size[0] + "x" + size[1] + ".png";
                select(robot, tabs, "workspace-till");
                shoot(robot, tabs.getScene(), out.resolve("till-printer-offline" + suffix));
                robot.clickOn("#printerStatus");
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
                Window dialog = Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst()
                        .orElseThrow();
                shoot(robot, dialog.getScene(), out.resolve("printer-dialog" + suffix));
                robot.interact(() -> ((Stage) dialog).close());
                if (size[0] == 1024) {
                    select(robot, tabs, "workspace-till");
                    robot.interact(() -> {
                        io.brigade.desktop.till.TillViewModel till = live.app().till();
                        till.tableProperty().set("7");
                        for (String caption : List.of("Classic burger", "Cola", "Cola")) {
                            till.menuProperty().get().search(caption).stream().filter(i -> i.caption()
                                    .equals(caption)).findFirst().flatMap(till::open).ifPresent(till::add);
                        }
                        till.payCash("50");
                    });
                    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                            .anyMatch(w -> w != stage && w.isShowing()));
                    Window receipt = Window.getWindows().stream().filter(w -> w != stage && w.isShowing())
                            .findFirst().orElseThrow();
                    shoot(robot, receipt.getScene(), out.resolve("receipt-on-screen.png"));
                    robot.interact(() -> ((Stage) receipt).close());
                }
                select(robot, tabs, "workspace-back_office");
                TabPane office = robot.lookup("#backOffice").queryAs(TabPane.class);
                BackOfficeTabs.open(robot, "tab-store");
                shoot(robot, tabs.getScene(), out.resolve("backoffice-store" + suffix));
                BackOfficeTabs.open(robot, "tab-printers");
                shoot(robot, tabs.getScene(), out.resolve("backoffice-printers" + suffix));
            }
        } finally {
            counter.close();
            grill.close();
        }
        System.exit(0);
    }

    private static void select(FxRobot robot, TabPane pane, String id) {
        Tab tab = pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> pane.getSelectionModel().select(tab));
    }

    private static void shoot(FxRobot robot, javafx.scene.Scene scene, Path file) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ScreenTour.write(scene, file));
        System.out.println("wrote " + file);
    }
}
