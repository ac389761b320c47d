package io.brigade.desktop.tables;

import io.brigade.desktop.i18n.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The floor on a till: a touch-sized tile per table, coloured by its state, with the minutes its check has been
 * open, under the name of its area of the floor plan (dining room, terrace); tables the plan does not know and tabs
 * come last. Tiles are kept and only their text and colour change, so a change on one table redraws quickly however
 * many tables the floor has.
 */
public final class FloorPane extends ScrollPane {
    private static final TablesTexts TEXTS = Texts.of(TablesTexts.class);
    private static final String NO_AREA = "";
    private final VBox sections = new VBox(6);
    private final List<Button> buttons = new ArrayList<>();
    private final Map<String, FlowPane> flows = new LinkedHashMap<>();
    private final FloorViewModel model;
    private final Consumer<FloorViewModel.Tile> onChoose;

    public FloorPane(FloorViewModel model, Consumer<FloorViewModel.Tile> onChoose) {
        this(model, onChoose, null);
    }

    /** A floor with a New tab button ({@code onNewTab}; none when null) for a guest with no table. */
    public FloorPane(FloorViewModel model, Consumer<FloorViewModel.Tile> onChoose, Runnable onNewTab) {
        this.model = model;
        this.onChoose = onChoose;
        setId("floor");
        getStyleClass().add("floor");
        sections.getStyleClass().add("floor-tiles");
        VBox content = new VBox(6);
        if (onNewTab != null) {
            Button newTab = new Button(TEXTS.newTab());
            newTab.setId("newTab");
            newTab.getStyleClass().add("floor-new-tab");
            newTab.setOnAction(e -> onNewTab.run());
            javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(8, newTab);
            bar.getStyleClass().add("floor-bar");
            content.getChildren().add(bar);
        }
        content.getChildren().add(sections);
        setContent(content);
        setFitToWidth(true);
        model.tiles().addListener((ListChangeListener<FloorViewModel.Tile>) c -> redraw());
        redraw();
    }

    /** Shows the tiles as they are now (and the minutes as of now). */
    public void redraw() {
        Instant now = model.now();
        var shown = model.tiles();
        while (buttons.size() < shown.size()) {
            Button b = new Button();
            b.getStyleClass().add("table-tile");
            b.setFocusTraversable(true);
            b.setOnAction(e -> onChoose.accept((FloorViewModel.Tile) ((Button) e.getSource()).getUserData()));
            buttons.add(b);
        }
        Map<String, List<Node>> byArea = new LinkedHashMap<>();
        boolean anyArea = false;
        for (int i = 0; i < shown.size(); i++) {
            FloorViewModel.Tile t = shown.get(i);
            show(buttons.get(i), t, now);
            anyArea |= t.area() != null;
            byArea.computeIfAbsent(t.area() == null ? NO_AREA : t.area(), k -> new ArrayList<>()).add(buttons.get(i));
        }
        // Areas change only when a manager saves a new plan: only then are the sections laid out again.
        if (!byArea.keySet().equals(flows.keySet())) {
            flows.clear();
            List<Node> children = new ArrayList<>();
            for (String area : byArea.keySet()) {
                FlowPane flow = new FlowPane(10, 10);
                flow.getStyleClass().add("floor-area-tiles");
                flows.put(area, flow);
                if (anyArea) {
                    Label name = new Label(area.equals(NO_AREA) ? TEXTS.otherTables() : area);
                    name.getStyleClass().add("floor-area-name");
                    children.add(name);
                }
                children.add(flow);
            }
            sections.getChildren().setAll(children);
        }
        for (Map.Entry<String, List<Node>> e : byArea.entrySet()) {
            FlowPane flow = flows.get(e.getKey());
            if (!Objects.equals(flow.getChildren(), e.getValue())) {
                flow.getChildren().setAll(e.getValue());
            }
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
                : t.table() == null ? TEXTS.tabTile(t.label(), state, t.minutesOpen(now))
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
