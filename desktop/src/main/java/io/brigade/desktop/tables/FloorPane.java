package io.brigade.desktop.tables;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.checks.FloorPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The floor on a till: the area chosen above (dining room, terrace) drawn as the manager placed it, each table at
 * its place with its shape and its seats, coloured by its state with the minutes its check has been open, scaled to
 * the pane (never smaller than a finger's tap: the area scrolls instead); tables the plan does not place and tabs
 * come in a row of tiles below. Table nodes are kept and only their text and colour change, so a change on one
 * table redraws quickly however many tables the floor has; they are laid out again only when the plan, the area
 * shown or the pane's size changes.
 */
public final class FloorPane extends BorderPane {
    private static final TablesTexts TEXTS = Texts.of(TablesTexts.class);
    /** The smallest a table of 120 grid units is drawn, in pixels: still a finger's tap, with its three lines. */
    private static final double MIN_TABLE_PX = 56;
    /** Room around a table on the grid for its chairs. */
    private static final double CHAIR_ROOM = 26;
    private static final double PAD = 12;
    private final FloorViewModel model;
    private final Consumer<FloorViewModel.Tile> onChoose;
    private final HBox areaButtons = new HBox(6);
    private final ToggleGroup areaGroup = new ToggleGroup();
    private final Pane board = new Pane();
    private final ScrollPane boardScroll = new ScrollPane(board);
    private final FlowPane others = new FlowPane(10, 10);
    private final ScrollPane othersScroll = new ScrollPane(others);
    private final Label othersTitle = new Label(TEXTS.otherTables());
    private final VBox othersBox = new VBox(4, othersTitle, othersScroll);
    private final List<Button> otherButtons = new ArrayList<>();
    private final Map<String, Placed> placed = new HashMap<>();
    private List<String> areasShown = List.of();
    private String area;
    private List<FloorPlan.Table> planShown = List.of();
    private double laidOutWidth = -1;
    private double laidOutHeight = -1;

    /** A table drawn on the plan: its chairs and its button, in one node placed on the board. */
    private record Placed(FloorPlan.Table place, Pane node, Button button, List<Circle> chairs) {
    }

    public FloorPane(FloorViewModel model, Consumer<FloorViewModel.Tile> onChoose) {
        this(model, onChoose, null);
    }

    /** A floor with a New tab button ({@code onNewTab}; none when null) for a guest with no table. */
    public FloorPane(FloorViewModel model, Consumer<FloorViewModel.Tile> onChoose, Runnable onNewTab) {
        this.model = model;
        this.onChoose = onChoose;
        setId("floor");
        getStyleClass().add("floor");
        HBox bar = new HBox(8);
        bar.getStyleClass().add("floor-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (onNewTab != null) {
            Button newTab = new Button(TEXTS.newTab());
            newTab.setId("newTab");
            newTab.getStyleClass().add("floor-new-tab");
            newTab.setMinWidth(USE_PREF_SIZE);
            newTab.setOnAction(e -> onNewTab.run());
            bar.getChildren().add(newTab);
        }
        areaButtons.setId("floorAreas");
        bar.getChildren().add(areaButtons);
        setTop(bar);
        board.setId("floorPlan");
        board.getStyleClass().add("floor-plan");
        boardScroll.setFitToWidth(true);
        boardScroll.setFitToHeight(true);
        boardScroll.getStyleClass().add("floor-plan-scroll");
        boardScroll.viewportBoundsProperty().addListener((o, was, now) -> layoutBoard(false));
        others.getStyleClass().add("floor-tiles");
        othersScroll.setFitToWidth(true);
        othersTitle.getStyleClass().add("floor-area-name");
        othersBox.getStyleClass().add("floor-others");
        areaGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                if (was != null && areaButtons.getChildren().contains((Node) was)) {
                    was.setSelected(true); // one area is always shown
                }
                return;
            }
            String chosen = (String) now.getUserData();
            if (!chosen.equals(area)) {
                area = chosen;
                redraw();
            }
        });
        model.tiles().addListener((ListChangeListener<FloorViewModel.Tile>) c -> redraw());
        redraw();
    }

    /** Shows the tables as they are now (and the minutes as of now). */
    public void redraw() {
        Instant now = model.now();
        var tiles = model.tiles();
        showAreas(tiles);
        List<FloorViewModel.Tile> onPlan = new ArrayList<>();
        List<FloorViewModel.Tile> offPlan = new ArrayList<>();
        for (FloorViewModel.Tile t : tiles) {
            if (t.place() == null) {
                offPlan.add(t);
            } else if (Objects.equals(t.area(), area)) {
                onPlan.add(t);
            }
        }
        List<FloorPlan.Table> plan = onPlan.stream().map(FloorViewModel.Tile::place).toList();
        if (!plan.equals(planShown)) {
            planShown = plan;
            buildBoard(plan);
        }
        for (FloorViewModel.Tile t : onPlan) {
            Placed p = placed.get(t.table());
            if (p != null) {
                show(p.button(), t, now, true);
            }
        }
        while (otherButtons.size() < offPlan.size()) {
            Button b = new Button();
            b.getStyleClass().add("table-tile");
            b.setFocusTraversable(true);
            b.setOnAction(e -> onChoose.accept((FloorViewModel.Tile) ((Button) e.getSource()).getUserData()));
            otherButtons.add(b);
        }
        for (int i = 0; i < offPlan.size(); i++) {
            show(otherButtons.get(i), offPlan.get(i), now, false);
        }
        List<Node> shownOthers = new ArrayList<>(otherButtons.subList(0, offPlan.size()));
        if (!others.getChildren().equals(shownOthers)) {
            others.getChildren().setAll(shownOthers);
        }
        placeSections(!plan.isEmpty(), !offPlan.isEmpty());
    }

    /** The area buttons: one per area of the plan, each saying how many of its tables are taken. */
    private void showAreas(List<FloorViewModel.Tile> tiles) {
        List<String> names = model.areaNames().stream()
                .filter(n -> tiles.stream().anyMatch(t -> n.equals(t.area()) && t.place() != null)).toList();
        if (!names.equals(areasShown)) {
            areasShown = names;
            List<Node> buttons = new ArrayList<>();
            for (String n : names) {
                ToggleButton b = new ToggleButton(n);
                b.setId("area-" + n.replaceAll("[^A-Za-z0-9_-]", "_"));
                b.setUserData(n);
                b.setToggleGroup(areaGroup);
                b.getStyleClass().add("floor-area-button");
                b.setMinWidth(USE_PREF_SIZE);
                buttons.add(b);
            }
            areaButtons.getChildren().setAll(buttons);
            if (area == null || !names.contains(area)) {
                area = names.isEmpty() ? null : names.get(0);
            }
        }
        for (Node n : areaButtons.getChildren()) {
            ToggleButton b = (ToggleButton) n;
            String name = (String) b.getUserData();
            long busy = tiles.stream().filter(t -> name.equals(t.area()) && t.state() != FloorViewModel.State.FREE)
                    .count();
            String text = busy == 0 ? name : TEXTS.areaBusy(name, busy);
            if (!text.equals(b.getText())) {
                b.setText(text);
            }
            if (name.equals(area) && !b.isSelected()) {
                b.setSelected(true);
            }
        }
        areaButtons.setVisible(!names.isEmpty());
    }

    /** The plan in the middle with the other tables and tabs below; without a plan, the tiles take the middle. */
    private void placeSections(boolean plan, boolean rest) {
        if (plan) {
            if (getCenter() != boardScroll) {
                setCenter(boardScroll);
            }
            // Below a plan the tiles are compact (the plan needs the height at 768 px) and scroll if many.
            othersScroll.setPrefViewportHeight(76);
            othersScroll.setMaxHeight(150);
            if (!othersBox.getStyleClass().contains("compact")) {
                othersBox.getStyleClass().add("compact");
            }
            if (getBottom() != (rest ? othersBox : null)) {
                setBottom(rest ? othersBox : null);
            }
            othersTitle.setVisible(true);
            othersTitle.setManaged(true);
        } else {
            if (getBottom() != null) {
                setBottom(null);
            }
            othersScroll.setMaxHeight(Double.MAX_VALUE);
            othersBox.getStyleClass().remove("compact");
            othersTitle.setVisible(false);
            othersTitle.setManaged(false);
            if (getCenter() != othersBox) {
                setCenter(othersBox);
            }
        }
    }

    /** New nodes for the area's tables (the plan or the area shown changed). */
    private void buildBoard(List<FloorPlan.Table> plan) {
        placed.clear();
        List<Node> nodes = new ArrayList<>();
        for (FloorPlan.Table t : plan) {
            Button b = new Button();
            b.getStyleClass().addAll("table-plan", "plan-" + shapeOf(t));
            b.setFocusTraversable(true);
            b.setWrapText(true);
            b.setOnAction(e -> onChoose.accept((FloorViewModel.Tile) ((Button) e.getSource()).getUserData()));
            List<Circle> chairs = new ArrayList<>();
            int seats = t.seats() == null ? 0 : Math.max(0, Math.min(30, t.seats()));
            for (int i = 0; i < seats; i++) {
                Circle chair = new Circle();
                chair.getStyleClass().add("plan-chair");
                chair.setMouseTransparent(true);
                chairs.add(chair);
            }
            Pane node = new Pane();
            node.getChildren().addAll(chairs);
            node.getChildren().add(b);
            node.getStyleClass().add("plan-table-node");
            nodes.add(node);
            placed.put(t.table(), new Placed(t, node, b, chairs));
        }
        board.getChildren().setAll(nodes);
        layoutBoard(true);
    }

    /** Places the area's tables at the scale the pane allows (the area's tables fill it, never under a tap). */
    private void layoutBoard(boolean force) {
        Bounds view = boardScroll.getViewportBounds();
        double width = view == null ? 0 : view.getWidth();
        double height = view == null ? 0 : view.getHeight();
        if (!force && width == laidOutWidth && height == laidOutHeight) {
            return;
        }
        laidOutWidth = width;
        laidOutHeight = height;
        if (placed.isEmpty() || width <= 0 || height <= 0) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        for (Placed p : placed.values()) {
            FloorPlan.Table t = p.place();
            minX = Math.min(minX, t.x() - CHAIR_ROOM);
            minY = Math.min(minY, t.y() - CHAIR_ROOM);
            maxX = Math.max(maxX, t.x() + FloorEditorViewModel.width(t.shape()) + CHAIR_ROOM);
            maxY = Math.max(maxY, t.y() + FloorEditorViewModel.height(t.shape()) + CHAIR_ROOM);
        }
        double spanX = maxX - minX;
        double spanY = maxY - minY;
        double scale = Math.min((width - 2 * PAD) / spanX, (height - 2 * PAD) / spanY);
        scale = Math.max(scale, MIN_TABLE_PX / 120.0);
        board.setMinSize(spanX * scale + 2 * PAD, spanY * scale + 2 * PAD);
        board.setPrefSize(spanX * scale + 2 * PAD, spanY * scale + 2 * PAD);
        // The area in the middle of the room the pane has (the room to spare is on one side only).
        double left = Math.max(0, (width - spanX * scale - 2 * PAD) / 2);
        double top = Math.max(0, (height - spanY * scale - 2 * PAD) / 2);
        double font = Math.max(12, Math.min(22, 120 * scale * 0.16));
        String fontStyle = String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", font);
        for (Placed p : placed.values()) {
            FloorPlan.Table t = p.place();
            double w = FloorEditorViewModel.width(t.shape()) * scale;
            double h = FloorEditorViewModel.height(t.shape()) * scale;
            double room = CHAIR_ROOM * scale;
            Pane node = p.node();
            node.resizeRelocate(left + PAD + (t.x() - minX - CHAIR_ROOM) * scale,
                    top + PAD + (t.y() - minY - CHAIR_ROOM) * scale,
                    w + 2 * room, h + 2 * room);
            Button b = p.button();
            b.setStyle(fontStyle);
            b.setMinSize(w, h);
            b.setPrefSize(w, h);
            b.setMaxSize(w, h);
            b.resizeRelocate(room, room, w, h);
            placeChairs(p.chairs(), shapeOf(t), room, w, h, Math.max(4, room * 0.36));
        }
    }

    /** Chairs around a round table; along the long sides of a square or long one. */
    private static void placeChairs(List<Circle> chairs, String shape, double room, double w, double h, double r) {
        int n = chairs.size();
        double cx = room + w / 2;
        double cy = room + h / 2;
        if (FloorPlan.ROUND.equals(shape)) {
            double radius = Math.min(w, h) / 2 + room / 2;
            for (int i = 0; i < n; i++) {
                double a = -Math.PI / 2 + 2 * Math.PI * i / n;
                set(chairs.get(i), cx + radius * Math.cos(a), cy + radius * Math.sin(a), r);
            }
            return;
        }
        int top = (n + 1) / 2;
        int bottom = n - top;
        for (int i = 0; i < top; i++) {
            set(chairs.get(i), room + w * (i + 1) / (top + 1), room / 2, r);
        }
        for (int i = 0; i < bottom; i++) {
            set(chairs.get(top + i), room + w * (i + 1) / (bottom + 1), room + h + room / 2, r);
        }
    }

    private static void set(Circle c, double x, double y, double r) {
        c.setCenterX(x);
        c.setCenterY(y);
        c.setRadius(r);
    }

    private static String shapeOf(FloorPlan.Table t) {
        return t.shape() == null ? FloorPlan.SQUARE : t.shape();
    }

    private static void show(Button b, FloorViewModel.Tile t, Instant now, boolean onPlan) {
        b.setUserData(t);
        b.setId("table-" + (t.table() == null ? t.checkId() : t.table()));
        String state = switch (t.state()) {
            case FREE -> TEXTS.free();
            case OPEN -> TEXTS.open();
            case SENT -> TEXTS.sent();
            case BILL -> TEXTS.bill();
        };
        String text;
        if (onPlan) {
            text = t.state() == FloorViewModel.State.FREE ? TEXTS.planFree(t.label(), state)
                    : TEXTS.planTile(t.label(), state, t.minutesOpen(now));
        } else {
            text = t.state() == FloorViewModel.State.FREE ? TEXTS.tileFree(t.label())
                    : t.table() == null && t.takeaway() ? TEXTS.takeawayTile(t.label(), state, t.minutesOpen(now))
                    : t.table() == null ? TEXTS.tabTile(t.label(), state, t.minutesOpen(now))
                    : TEXTS.tile(t.label(), state, t.minutesOpen(now));
        }
        if (t.checks() > 1) {
            text = text + "\n" + TEXTS.twoChecks(t.checks());
        }
        if (!text.equals(b.getText())) {
            b.setText(text);
        }
        String style = "tile-" + t.state().name().toLowerCase(Locale.ROOT);
        if (!b.getStyleClass().contains(style)) {
            b.getStyleClass().removeAll("tile-free", "tile-open", "tile-sent", "tile-bill");
            b.getStyleClass().add(style);
        }
    }
}
