package io.brigade.desktop.kitchen;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Choosing what a kitchen screen shows, as a cook does: open the list, tap the name. */
final class Screens {
    private Screens() {
    }

    static void choose(FxRobot robot, String name) throws TimeoutException {
        // The stations come with the stream's first picture.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#stationFilter")
                .queryAs(ComboBox.class).getItems().size() > 1);
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
}
