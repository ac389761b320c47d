package io.brigade.desktop.support;

import static io.brigade.desktop.support.TillSales.line;

import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.TillViewModel;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: a tool that opens the real app on a live server with a few days of sales, signs in as a manager and
 * writes a picture of every workspace at 1024x768 and at 1920x1080, to compare screens before and after a change.
 * Run it under a real display, for example Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -cp <test class path> io.brigade.desktop.support.ScreenTour
 * /tmp/screens [de|es]} (the language chosen from the menu at the top, as a member would, names the files too).
 */
public final class ScreenTour {
    private static final int[][] SIZES = {{1024, 768}, {1920, 1080}};
    private static final String[] WORKSPACES = {"till", "kitchen", "dashboard", "menu", "back_office"};

    private ScreenTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screens");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("brigade-tour");
        System.setProperty("testfx.robot", "glass");
        try (LiveApp live = LiveApp.start(home, "Brigade Bistro", false)) {
            ring(new TillSales(live.services()));
            live.signIn("9999");
            FxRobot robot = new FxRobot();
            String language = args.length > 1 ? args[1] : null;
            if (language != null) {
                // as a member would: their own language from the menu at the top
                robot.clickOn("#languageMenu");
                robot.clickOn("#language-" + language);
                WaitForAsyncUtils.waitForFxEvents();
            }
            String suffix = language == null ? "" : "-" + language;
            TabPane tabs = robot.lookup("#workspaces").queryAs(TabPane.class);
            Stage stage = (Stage) tabs.getScene().getWindow();
            fillTicket(robot, live.app().till());
            for (int[] size : SIZES) {
                robot.interact(() -> {
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                for (String workspace : WORKSPACES) {
                    robot.interact(() -> tabs.getSelectionModel().select(tab(tabs, workspace)));
                    try {
                        settle(robot, workspace);
                    } catch (java.util.concurrent.TimeoutException e) {
                        System.out.println(workspace + " did not settle within its time; drawn as it is");
                    }
                    Path file = out.resolve(workspace + suffix + "-" + size[0] + "x" + size[1] + ".png");
                    robot.interact(() -> write(tabs.getScene(), file));
                    System.out.println("wrote " + file);
                }
            }
        }
        System.exit(0);
    }

    private static Tab tab(TabPane tabs, String workspace) {
        return tabs.getTabs().stream().filter(t -> ("workspace-" + workspace).equals(t.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no workspace " + workspace));
    }

    /** Waits until the workspace shows what it loads from the server, then for a few pulses of layout. */
    private static void settle(FxRobot robot, String workspace) throws Exception {
        switch (workspace) {
            case "dashboard" -> WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !"–".equals(
                    robot.lookup("#ordersTile").queryAs(Labeled.class).getText()));
            case "menu" -> WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !robot.lookup("#itemTable")
                    .queryAs(TableView.class).getItems().isEmpty());
            case "back_office" -> WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#apiKeyTable")
                    .tryQuery().isPresent());
            case "kitchen" -> WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup(".ticket-id")
                    .tryQuery().isPresent());
            default -> { }
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // charts and tables lay out over the next pulses
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A table's order on the till's ticket, as a cashier leaves it before payment. */
    private static void fillTicket(FxRobot robot, TillViewModel till) {
        robot.interact(() -> {
            till.tableProperty().set("12");
            for (String caption : List.of("Cola", "Classic burger", "Sparkling water")) {
                PricedItem item = till.menuProperty().get().search(caption).stream()
                        .filter(i -> i.caption().equals(caption)).findFirst().orElseThrow();
                till.open(item).ifPresent(choice -> till.add(choice));
            }
        });
    }

    /** Three days of sales for the dashboard, and two just now for the kitchen. */
    private static void ring(TillSales sales) throws Exception {
        ZonedDateTime now = ZonedDateTime.now(LiveServer.DUBLIN);
        LocalDate today = now.toLocalDate();
        String[][] meals = {{"Margherita", "Mushrooms"}, {"Diavola"}, {"Classic burger", "Fries"},
            {"Veggie burger", "Side salad"}, {"Cola"}, {"Craft lager"}};
        int n = 0;
        for (int d = 3; d >= 1; d--) {
            for (int h : new int[] {12, 13, 13, 19, 20}) {
                String[] meal = meals[n++ % meals.length];
                sales.ring(today.minusDays(d).atTime(h, 10 + n).atZone(LiveServer.DUBLIN).toInstant(), null,
                        meal.length > 1 ? line(1, meal[0], meal[1]) : line(2, meal[0]), line(1, "Cola"));
            }
        }
        sales.ring(null, null, line(2, "Margherita", "Mushrooms"), line(1, "Cola"));
        sales.ring(null, new BigDecimal("2.00"), line(1, "Classic burger", "Fries"), line(2, "Craft lager"));
        sales.awaitSent(Duration.ofMinutes(2));
    }

    static void write(Scene scene, Path file) {
        Node root = scene.getRoot();
        WritableImage image = root.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        try {
            ImageIO.write(png, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
