package io.brigade.desktop.tables;

import io.brigade.desktop.i18n.Texts;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;

/**
 * The floor on a till: a touch-sized tile per table, coloured by its state, with the minutes its check has been
 * open. Tiles are kept and only their text and colour change, so a change on one table redraws quickly however
 * many tables the floor has.
 */
public final class FloorPane extends ScrollPane {
    private static final TablesTexts TEXTS = Texts.of(TablesTexts.class);
    private final FlowPane tiles = new FlowPane(10, 10);
    private final FloorViewModel model;
    private final Consumer<FloorViewModel.Tile> onChoose;

    public FloorPane(FloorViewModel model, Consumer<FloorViewModel.Tile> onChoose) {
        this.model = model;
        this.onChoose = onChoose;
        setId("floor");
        getStyleClass().add("floor");
        tiles.getStyleClass().add("floor-tiles");
        setContent(tiles);
        setFitToWidth(true);
        model.tiles().addListener((ListChangeListener<FloorViewModel.Tile>) c -> redraw());
        redraw();
    }

    /** Shows the tiles as they are now (and the minutes as of now). */
    public void redraw() {
        Instant now = model.now();
        var shown = model.tiles();
        while (tiles.getChildren().size() > shown.size()) {
            tiles.getChildren().remove(tiles.getChildren().size() - 1);
        }
        for (int i = 0; i < shown.size(); i++) {
            Button b;
            if (i < tiles.getChildren().size()) {
                b = (Button) tiles.getChildren().get(i);
            } else {
                b = new Button();
                b.getStyleClass().add("table-tile");
                b.setFocusTraversable(true);
                b.setOnAction(e -> onChoose.accept((FloorViewModel.Tile) ((Button) e.getSource()).getUserData()));
                tiles.getChildren().add(b);
            }
            show(b, shown.get(i), now);
        }
    }

    private static void show(Button b, FloorViewModel.Tile t, Instant now) {
        b.setUserData(t);
        b.setId("table-" + (t.table() == null ? t.checkId() : t.table()));
        String state = switch (t.state()) {
            case FREE -> TEXTS.free();
            case OPEN -> TEXTS.open();
            case SENT -> TEXTS.sent();
            case BILL -> TEXTS.bill();
        };
        String text = t.state() == FloorViewModel.State.FREE ? TEXTS.tileFree(t.label())
                : TEXTS.tile(t.label(), state, t.minutesOpen(now));
        if (t.checks() > 1) {
            text = text + "\n" + TEXTS.twoChecks(t.checks());
        }
        if (!text.equals(b.getText())) {
            b.setText(text);
        }
        String style = "tile-" + t.state().name().toLowerCase(java.util.Locale.ROOT);
        if (!b.getStyleClass().contains(style)) {
            b.getStyleClass().removeAll("tile-free", "tile-open", "tile-sent", "tile-bill");
            b.getStyleClass().add(style);
        }
    }
}
