package io.brigade.desktop.fx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A list of wrapped lines, like the till's ticket, keeps its newest line in view. */
class ListsTest {
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private ListView<String> list;

    // A stage of its own: resizing and hiding the toolkit's primary stage would leave the app tests that run
    // after this class a 260 x 160 window.
    private Stage stage;

    @BeforeEach
    void showAShortList() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            list = new ListView<>(lines);
            list.setCellFactory(v -> new ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(null);
                    if (empty || item == null) {
                        setGraphic(null);
                        return;
                    }
                    // Three wrapped lines per item: the cells' heights are known only once laid out.
                    Label l = new Label(item + "\n+ extra mozzarella\n“no onions, well done”");
                    l.setWrapText(true);
                    l.setMaxWidth(220);
                    setGraphic(l);
                }
            });
            list.setPrefSize(260, 160);
            Lists.keepNewestInView(list);
            stage.setScene(new Scene(new VBox(list), 260, 160));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> stage.close());
    }

    @Test
    void severalLinesAddedAtOnceEndWithTheNewestInView() throws Exception {
        FxToolkit.setupFixture(() -> lines.setAll("Lager", "Cola"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> round = new ArrayList<>(lines);
        for (int i = 1; i <= 6; i++) {
            round.add("Pizza " + i);
        }

        FxToolkit.setupFixture(() -> lines.setAll(round));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownWhole("Pizza 6"));
    }

    @Test
    void aListMadeShorterKeepsItsNewestLineInView() throws Exception {
        List<String> round = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            round.add("Pizza " + i);
        }
        FxToolkit.setupFixture(() -> {
            list.getScene().getWindow().setHeight(700);
            list.setPrefHeight(680);
            lines.setAll(round);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownWhole("Pizza 1") && shownWhole("Pizza 5"));

        // As the till's ticket pane gives the room to the other list while new lines are added.
        FxToolkit.setupFixture(() -> {
            list.setPrefHeight(150);
            list.getScene().getWindow().setHeight(160);
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownWhole("Pizza 5"));
    }

    /** Whether the cell of {@code item} is inside the list's visible area. */
    private boolean shownWhole(String item) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Bounds view = list.localToScene(list.getLayoutBounds());
            for (Node n : list.lookupAll(".list-cell")) {
                if (n instanceof ListCell<?> cell && item.equals(cell.getItem()) && cell.isVisible()) {
                    Bounds b = cell.localToScene(cell.getLayoutBounds());
                    return b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1;
                }
            }
            return false;
        }).get(5, TimeUnit.SECONDS);
    }
}
