package io.brigade.desktop.support;

import io.brigade.desktop.tables.CheckBook;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.TillViewModel;
import io.brigade.protocol.checks.Check;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DispatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: serves table 4's dinner on the real till and writes its screens at 1024x768 and 1920x1080 for the
 * README: the floor with tables in every state, the check with the drinks sent and the mains being added (a
 * Diavola's three toppings and a note), the mains held then fired and a third round (its pizza voided), the split
 * dialog, the bill split by seat and paid part by part; a takeaway sent before it is paid; the kitchen's pizza
 * station and expo with those tickets (written beside the folder given, as docs/kitchen-*.png). Run under a real display: {@code xvfb-run -a -s "-screen 0 1920x1080x24"
 * java -cp <test class path> io.brigade.desktop.support.TableScreens docs/tables}.
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
            drawFloor(live);
            MenuRevision menu = Tills.awaitMenu(live.services(), Duration.ofSeconds(60));
            floor(live.services().checks(), menu);
            live.signIn("9999");
            TillViewModel till = live.app().till();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> till.menuProperty().get() != null);
            Stage stage = (Stage) ROBOT.lookup("#workspaces").queryAs(TabPane.class).getScene().getWindow();
            size(stage, SIZES[0]);
            ROBOT.interact(() -> till.guestsProperty().set(2));
            ROBOT.interact(() -> till.openTable("4"));
            await("table 4's check", () -> till.checkProperty().get() != null);
            // Drinks first, sent at once.
            ROBOT.interact(() -> {
                till.seatProperty().set(1);
                add(till, "Craft lager");
                till.seatProperty().set(2);
                add(till, "Sparkling water");
                till.sendToKitchen(false);
            });
            await("the drinks sent", () -> sent(till) == 2);
            // The mains, on the ticket before they are held as the next course.
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
                add(till, "House red (glass)");
            });
            shots(stage, out, "table-check");
            ROBOT.interact(() -> till.sendToKitchen(true));
            await("the mains held", () -> till.checkLines().stream().filter(l -> Check.HELD.equals(l.status()))
                    .count() == 3);
            shots(stage, out, "table-held");
            ROBOT.interact(till::fireNextCourse);
            await("the mains fired", () -> sent(till) == 5);
            ROBOT.interact(() -> {
                till.seatProperty().set(1);
                add(till, "Funghi");
                till.sendToKitchen(false);
            });
            await("the third round sent", () -> sent(till) == 6);
            // The Funghi was the wrong pizza: voided with the manager's PIN, the kitchen shows the void.
            ROBOT.interact(() -> {
                @SuppressWarnings("unchecked")
                javafx.scene.control.ListView<Check.Line> list = ROBOT.lookup("#checkLines")
                        .queryAs(javafx.scene.control.ListView.class);
                list.getItems().stream().filter(l -> l.name().equals("Funghi")).findFirst().ifPresent(l -> {
                    list.scrollTo(l);
                    list.getSelectionModel().select(l);
                });
            });
            ROBOT.clickOn("#voidLine");
            await("the reason asked", () -> ROBOT.lookup("#askField").tryQuery().isPresent());
            ROBOT.clickOn("#askField").write("wrong pizza").type(javafx.scene.input.KeyCode.ENTER);
            await("a manager asked", () -> ROBOT.lookup("#managerPin").tryQuery().isPresent());
            ROBOT.clickOn("#managerPin").write("9999").type(javafx.scene.input.KeyCode.ENTER);
            await("the Funghi voided", () -> till.checkLines().stream().anyMatch(l -> l.name().equals("Funghi")
                    && l.liveQuantity() == 0) && live.services().checks().unconfirmed() == 0);
            ROBOT.interact(() -> ROBOT.lookup("#tables").queryAs(ToggleButton.class).setSelected(true));
            await("the floor with a bill waiting", () -> ROBOT.lookup(".tile-bill").tryQuery().isPresent());
            shots(stage, out, "table-floor");
            ROBOT.interact(() -> ROBOT.lookup("#tables").queryAs(ToggleButton.class).setSelected(false));
            // The split dialog, then the bill split by seat.
            size(stage, SIZES[0]);
            ROBOT.clickOn("#split");
            await("the split dialog", () -> ROBOT.lookup("#splitOk").tryQuery().isPresent());
            ROBOT.clickOn("#splitBySeat");
            WaitForAsyncUtils.waitForFxEvents();
            Scene dialog = ROBOT.lookup("#splitOk").query().getScene();
            shot(dialog, out.resolve("table-split-dialog-seats.png"));
            ROBOT.clickOn("#splitByItem");
            WaitForAsyncUtils.waitForFxEvents();
            shot(dialog, out.resolve("table-split-dialog-items.png"));
            ROBOT.clickOn("#splitBySeat").clickOn("#splitOk");
            await("the bill split by seat", () -> till.nextPart() != null
                    && ROBOT.lookup("#checkDetail").queryAs(Labeled.class).getText().contains("\n"));
            shots(stage, out, "table-split");
            ROBOT.interact(() -> till.payCard(""));
            await("seat 1 paid", () -> till.nextPart() != null && !"1".equals(till.nextPart().label()));
            ROBOT.interact(() -> till.payCard(""));
            await("the table paid and closed", () -> till.checkProperty().get() == null);
            shots(stage, out, "table-paid");
            // A takeaway sent to the kitchen before it is paid: on the ticket, then sent and waiting to be paid.
            ROBOT.clickOn("#takeAway");
            await("takeaway prices", () -> till.dispatchProperty().get() == DispatchType.TakeAway);
            ROBOT.interact(() -> {
                add(till, "Margherita");
                add(till, "Classic burger");
                add(till, "Cola");
            });
            shots(stage, out, "takeaway-ticket");
            ROBOT.clickOn("#send");
            await("the takeaway sent", () -> till.checkProperty().get() != null && sent(till) == 3
                    && live.services().checks().unconfirmed() == 0);
            shots(stage, out, "takeaway-sent");
            ROBOT.interact(till::leaveCheck);
            ROBOT.interact(() -> till.setDispatch(DispatchType.DineIn));
            kitchen(live, stage, out.resolve(".."));
            // A check moved, another merged into it, a line transferred: the three dialogs.
            ROBOT.interact(() -> till.openTable("7"));
            await("table 7's check", () -> till.checkProperty().get() != null
                    && "7".equals(till.checkProperty().get().table()));
            ROBOT.clickOn("#checkMoves").clickOn("Move to another table…");
            await("the move dialog", () -> ROBOT.lookup("#moveTable").tryQuery().isPresent());
            ROBOT.clickOn("#moveTable").write("5");
            shot(ROBOT.lookup("#moveTable").query().getScene(), out.resolve("table-move-dialog.png"));
            ROBOT.type(javafx.scene.input.KeyCode.ESCAPE);
            ROBOT.clickOn("#checkMoves").clickOn("Merge another check into this…");
            await("the merge dialog", () -> ROBOT.lookup("#merge-table-11").tryQuery().isPresent());
            ROBOT.clickOn("#merge-table-11");
            shot(ROBOT.lookup("#mergeOk").query().getScene(), out.resolve("table-merge-dialog.png"));
            ROBOT.clickOn("#mergeOk");
            await("table 11 merged into 7", () -> till.checkLines().size() == 2);
            ROBOT.clickOn("#checkMoves").clickOn("Transfer lines to another check…");
            await("the transfer dialog", () -> ROBOT.lookup("#transfer-line-0").tryQuery().isPresent());
            ROBOT.clickOn("#transfer-line-0").clickOn("#transfer-to-table-2");
            shot(ROBOT.lookup("#transferOk").query().getScene(), out.resolve("table-transfer-dialog.png"));
            ROBOT.type(javafx.scene.input.KeyCode.ESCAPE);
            shots(stage, out, "table-merged");
            ROBOT.interact(till::leaveCheck);
            // The manager's floor plan editor in the back office.
            TabPane workspaces = ROBOT.lookup("#workspaces").queryAs(TabPane.class);
            ROBOT.interact(() -> workspaces.getSelectionModel().select(tab(workspaces, "workspace-back_office")));
            TabPane office = ROBOT.lookup("#backOffice").queryAs(TabPane.class);
            BackOfficeTabs.open(ROBOT, "tab-floor");
            ROBOT.clickOn("#reloadFloor");
            await("the floor plan in the editor", () -> ROBOT.lookup(".floor-table").queryAll().size() >= 12);
            shots(stage, out, "floor-editor");
        }
        System.exit(0);
    }

    /**
     * The kitchen's screens with the evening's tickets (table 4's rounds with the void, the other tables' drinks, the
     * takeaway sent before it was paid): the pizza station and the expo, as docs/kitchen-station*.png and
     * docs/kitchen-expo*.png.
     */
    private static void kitchen(LiveApp live, Stage stage, Path docs) throws Exception {
        TabPane workspaces = ROBOT.lookup("#workspaces").queryAs(TabPane.class);
        ROBOT.interact(() -> workspaces.getSelectionModel().select(tab(workspaces, "workspace-kitchen")));
        WaitForAsyncUtils.waitForFxEvents();
        size(stage, SIZES[1]);
        io.brigade.desktop.kitchen.Screens.choose(ROBOT, "Pizza");
        await("the pizza station's tickets", () -> ROBOT.lookup(".ticket-item").queryAll().size() >= 3);
        kitchenShots(stage, docs, "kitchen-station");
        size(stage, SIZES[1]);
        io.brigade.desktop.kitchen.Screens.choose(ROBOT, "Expo (whole tickets)");
        await("the expo's tickets", () -> ROBOT.lookup(".ticket-item").queryAll().size() >= 8);
        kitchenShots(stage, docs, "kitchen-expo");
        ROBOT.interact(() -> workspaces.getSelectionModel().select(tab(workspaces, "workspace-till")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@code name}.png at 1920x1080 and {@code name}-1024x768.png, as the README has them. */
    private static void kitchenShots(Stage stage, Path docs, String name) throws Exception {
        size(stage, SIZES[1]);
        shot(stage.getScene(), docs.resolve(name + ".png"));
        size(stage, SIZES[0]);
        shot(stage.getScene(), docs.resolve(name + "-1024x768.png"));
    }

    private static javafx.scene.control.Tab tab(TabPane pane, String id) {
        return pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    /** A dining room of twelve tables in three rows and a terrace of four, as a manager would draw them. */
    private static void drawFloor(LiveApp live) throws Exception {
        StringBuilder dining = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            String shape = i % 4 == 0 ? "rectangle" : i % 3 == 0 ? "round" : "square";
            int x = 40 + ((i - 1) % 4) * 230;
            int y = 60 + ((i - 1) / 4) * 300;
            dining.append(i > 1 ? "," : "").append("{\"table\":\"").append(i).append("\",\"shape\":\"")
                    .append(shape).append("\",\"seats\":").append(shape.equals("rectangle") ? 6 : 4)
                    .append(",\"x\":").append(x).append(",\"y\":").append(y).append('}');
        }
        String terrace = "{\"table\":\"T1\",\"shape\":\"round\",\"seats\":2,\"x\":80,\"y\":80},"
                + "{\"table\":\"T2\",\"shape\":\"round\",\"seats\":2,\"x\":320,\"y\":80}";
        String body = "{\"areas\":[{\"name\":\"Dining room\",\"tables\":[" + dining + "]},"
                + "{\"name\":\"Terrace\",\"tables\":[" + terrace + "]}]}";
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(live.server().url() + "/backoffice/v1/orgs/"
                                + live.tenant().orgId() + "/floor?propertyId=" + live.tenant().propertyId()))
                        .header("Authorization", "Bearer " + live.server().token(live.tenant()))
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the floor plan was refused: " + r.body());
        }
    }

    private static long sent(TillViewModel till) {
        return till.checkLines().stream().filter(l -> Check.SENT.equals(l.status())).count();
    }

    /** Other tables in every state: a few open, some sent, one waiting for the bill. */
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
        for (String tab : List.of("Anna", "Marco")) {
            String id = checks.open(null, tab, 1, DispatchType.DineIn, menu.menuId(), menu.revisionId());
            String line = UUID.randomUUID().toString();
            checks.add(id, List.of(new CheckBook.NewLine(line, cola.id(), cola.caption(), List.of(), 1, cola.price(),
                    List.of(), null, null, 1)));
            checks.send(id, List.of(line), false);
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

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        Tills.await(what, Duration.ofSeconds(30), condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shots(Stage stage, Path out, String name) throws Exception {
        for (int[] size : SIZES) {
            size(stage, size);
            shot(stage.getScene(), out.resolve(name + "-" + size[0] + "x" + size[1] + ".png"));
        }
    }

    private static void size(Stage stage, int[] size) throws Exception {
        ROBOT.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        });
        await("the window at " + size[0] + "x" + size[1], () -> stage.getWidth() == size[0]
                && stage.getHeight() == size[1]);
        // The layout settles over the next pulses (lists measure their cells after the first).
        for (int i = 0; i < 3; i++) {
            ROBOT.interact(() -> stage.getScene().getRoot().layout());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static void shot(Scene scene, Path file) {
        ROBOT.interact(() -> ScreenTour.write(scene, file));
        System.out.println("wrote " + file);
    }
}
