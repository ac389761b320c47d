package io.brigade.desktop.support;

import io.brigade.desktop.tables.CheckBook;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.TillViewModel;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DispatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: writes table service's screens (the floor with tables in every state, an open check with a Diavola's
 * three toppings and a note, the check split by seat) at 1024x768 and 1920x1080, for the README. Run under a real
 * display: {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -cp <test class path>
 * io.brigade.desktop.support.TableScreens docs}.
 */
public final class TableScreens {
    private static final int[][] SIZES = {{1024, 768}, {1920, 1080}};
    private static final FxRobot ROBOT = new FxRobot();

    private TableScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screens");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("brigade-tables");
        System.setProperty("testfx.robot", "glass");
        try (LiveApp live = LiveApp.start(home, "Trattoria Brigade", false)) {
            live.server().addDemoStations(live.tenant());
            MenuRevision menu = Tills.awaitMenu(live.services(), Duration.ofSeconds(60));
            floor(live.services().checks(), menu);
            live.signIn("1111");
            TillViewModel till = live.app().till();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> till.menuProperty().get() != null);
            Stage stage = (Stage) ROBOT.lookup("#workspaces").queryAs(TabPane.class).getScene().getWindow();
            ROBOT.interact(() -> till.guestsProperty().set(2));
            ROBOT.interact(() -> till.openTable("4"));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> till.checkProperty().get() != null);
            ROBOT.interact(() -> {
                till.seatProperty().set(1);
                add(till, "Craft lager");
                till.seatProperty().set(2);
                add(till, "Sparkling water");
                till.sendToKitchen(false);
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> till.checkLines().size() == 2);
            ROBOT.interact(() -> {
                till.seatProperty().set(1);
                PricedItem diavola = item(till, "Diavola");
                till.open(diavola).ifPresent(choice -> {
                    var toppings = choice.item().groups().get(0);
                    toppings.items().stream().limit(3).forEach(o -> choice.toggle(toppings.id(), o.id()));
                    till.add(choice);
                });
                till.setNotes(till.lines().get(0), "no chilli oil, well done");
                till.seatProperty().set(2);
                add(till, "Classic burger");
            });
            for (int[] size : SIZES) {
                size(stage, size);
                shot(stage, out.resolve("table-check-" + size[0] + "x" + size[1] + ".png"));
            }
            ROBOT.interact(() -> till.sendToKitchen(false));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> till.checkLines().size() == 4);
            ROBOT.interact(() -> ROBOT.lookup("#tables").queryAs(ToggleButton.class).setSelected(true));
            try {
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ROBOT.lookup(".tile-bill").tryQuery().isPresent());
            } catch (java.util.concurrent.TimeoutException e) {
                System.out.println("no table waits for its bill on the floor; drawn as it is");
            }
            for (int[] size : SIZES) {
                size(stage, size);
                shot(stage, out.resolve("table-floor-" + size[0] + "x" + size[1] + ".png"));
            }
            ROBOT.interact(() -> ROBOT.lookup("#tables").queryAs(ToggleButton.class).setSelected(false));
            ROBOT.interact(() -> till.split("seats", null));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> till.nextPart() != null
                    && ROBOT.lookup("#checkHeader").queryAs(Labeled.class).getText().contains("\n"));
            for (int[] size : SIZES) {
                size(stage, size);
                shot(stage, out.resolve("table-split-" + size[0] + "x" + size[1] + ".png"));
            }
        }
        System.exit(0);
    }

    /** Tables in every state: a few open, some sent, one waiting for the bill. */
    private static void floor(CheckBook checks, MenuRevision menu) throws Exception {
        PricedItem cola = Tills.plainItems(menu).get(1);
        for (String table : List.of("1", "2", "3", "6", "7", "9", "11")) {
            String id = checks.open(table, null, 2, DispatchType.DineIn, menu.menuId(), menu.revisionId());
            String line = UUID.randomUUID().toString();
            checks.add(id, List.of(new CheckBook.NewLine(line, cola.id(), cola.caption(), List.of(), 2, cola.price(),
                    List.of(), null, null, 1)));
            if (!table.equals("3") && !table.equals("9")) {
                checks.send(id, List.of(line), false);
            }
            if (table.equals("6")) {
                checks.bill(id);
            }
        }
        Tills.await("the floor on the store server", Duration.ofSeconds(60), () -> checks.unconfirmed() == 0);
    }

    private static PricedItem item(TillViewModel till, String caption) {
        return till.menuProperty().get().search(caption).stream().filter(i -> i.caption().equals(caption))
                .findFirst().orElseThrow();
    }

    private static void add(TillViewModel till, String caption) {
        till.open(item(till, caption)).ifPresent(choice -> {
            if (!choice.item().groups().isEmpty() && choice.item().groups().get(0).min() > 0) {
                var group = choice.item().groups().get(0);
                choice.toggle(group.id(), group.items().get(0).id());
            }
            till.add(choice);
        });
    }

    private static void size(Stage stage, int[] size) throws Exception {
        ROBOT.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS); // the layout settles over the next pulses
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shot(Stage stage, Path file) {
        ROBOT.interact(() -> ScreenTour.write(stage.getScene(), file));
        System.out.println("wrote " + file);
    }
}
