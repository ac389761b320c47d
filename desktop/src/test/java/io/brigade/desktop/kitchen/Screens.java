package io.brigade.desktop.kitchen;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Choosing what a kitchen screen shows, as a cook does: open the list, tap the name. */
public final class Screens {
    private Screens() {
    }

    public static void choose(FxRobot robot, String name) throws TimeoutException {
        // The stations come with the stream's first picture.
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#stationFilter")
                    .queryAs(ComboBox.class).getItems().size() > 1);
        } catch (TimeoutException e) {
            throw new AssertionError("no stations to choose from: " + robot.lookup("#stationFilter")
                    .queryAs(ComboBox.class).getItems(), e);
        }
        robot.clickOn("#stationFilter");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".combo-box-popup .list-cell")
                .match(n -> name.equals(((Labeled) n).getText())).tryQuery().isPresent());
        Node cell = robot.lookup(".combo-box-popup .list-cell").match(n -> name.equals(((Labeled) n).getText()))
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name.equals(((Labeled) robot
                .lookup("#stationFilter .list-cell").query()).getText()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Reads the scene on the FX thread: the screen rebuilds its columns on every change, and a look from another
     * thread in the middle of one can find no column at all.
     */
    public static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The ticket cards' ids in a column ("#column-NEW"), none when the screen shows no such column. */
    public static java.util.List<String> tickets(FxRobot robot, String column) throws Exception {
        return onFx(() -> robot.lookup(column).tryQuery().map(n -> ((javafx.scene.Parent) n).getChildrenUnmodifiable()
                .stream().map(Node::getId).toList()).orElse(java.util.List.of()));
    }

    /** What the kitchen screen shows, as text: for the message of a test that timed out waiting for it. */
    public static String dump(FxRobot robot) {
        try {
            return onFx(() -> robot.lookup("#kitchen").tryQuery().map(root -> {
                StringBuilder out = new StringBuilder("view " + robot.lookup("#stationFilter")
                        .queryAs(ComboBox.class).getValue() + ":");
                robot.from(root).lookup((java.util.function.Predicate<Node>) n -> n instanceof Labeled && n.isVisible()).queryAll().forEach(n -> {
                    String id = n.getId() == null ? "" : n.getId() + "=";
                    out.append(" [").append(id).append(((Labeled) n).getText()).append(']');
                });
                return out.toString();
            }).orElse("no kitchen screen"));
        } catch (Exception e) {
            return "cannot read the screen: " + e;
        }
    }
}
