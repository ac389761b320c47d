package io.brigade.desktop.tables;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.checks.FloorPlan;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.util.StringConverter;

/**
 * Binds the back office's floor editor to its {@link FloorEditorViewModel}: the area chosen above, its tables drawn
 * on a square board that stands for the area's grid, each dragged to its place with the mouse or a finger. A table
 * tapped is the one Remove takes away.
 */
public final class FloorEditorController {
    private static final TablesTexts TEXTS = Texts.of(TablesTexts.class);
    private static final double MARGIN = 8;
    @FXML private BorderPane root;
    @FXML private ChoiceBox<Integer> areas;
    @FXML private TextField areaName;
    @FXML private TextField tableName;
    @FXML private ChoiceBox<String> shape;
    @FXML private Spinner<Integer> seats;
    @FXML private Pane board;
    @FXML private Label message;
    private FloorEditorViewModel model;
    private String selected;
    private boolean rendering;

    public void bind(FloorEditorViewModel viewModel) {
        this.model = viewModel;
        message.textProperty().bind(model.messageProperty());
        // Good news green, a refusal red (the kind is set just after the text, so both are watched).
        Runnable kind = () -> {
            message.getStyleClass().removeAll("error-text", "success-text");
            message.getStyleClass().add(model.messageGoodProperty().get() ? "success-text" : "error-text");
        };
        model.messageProperty().addListener((o, was, now) -> kind.run());
        model.messageGoodProperty().addListener((o, was, now) -> kind.run());
        kind.run();
        shape.getItems().setAll(FloorPlan.ROUND, FloorPlan.SQUARE, FloorPlan.RECTANGLE);
        shape.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : shapeName(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        shape.setValue(FloorPlan.SQUARE);
        seats.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 30, 4));
        areas.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                List<String> names = model.areaNames();
                return i == null || i < 0 || i >= names.size() ? "" : names.get(i);
            }

            @Override
            public Integer fromString(String s) {
                return model.areaNames().indexOf(s);
            }
        });
        areas.valueProperty().addListener((o, was, now) -> {
            if (!rendering && now != null) {
                selected = null;
                model.chooseArea(now);
            }
        });
        model.versionProperty().addListener((o, a, b) -> render());
        board.widthProperty().addListener((o, a, b) -> drawBoard());
        board.heightProperty().addListener((o, a, b) -> drawBoard());
        render();
    }

    private void render() {
        rendering = true;
        try {
            List<String> names = model.areaNames();
            List<Integer> indexes = java.util.stream.IntStream.range(0, names.size()).boxed().toList();
            areas.getItems().setAll(indexes);
            int shown = model.areaProperty().get();
            areas.setValue(shown < 0 ? null : shown);
        } finally {
            rendering = false;
        }
        if (tableName.getText() == null || tableName.getText().isBlank()
                || model.find(tableName.getText()).isPresent()) {
            tableName.setText(model.nextTableName());
        }
        drawBoard();
    }

    /** The area's grid as the largest square the board holds, its tables on it. */
    private void drawBoard() {
        board.getChildren().clear();
        double side = Math.min(board.getWidth(), board.getHeight()) - 2 * MARGIN;
        if (side <= 0) {
            return;
        }
        double scale = side / FloorPlan.GRID;
        Rectangle area = new Rectangle(MARGIN, MARGIN, side, side);
        area.getStyleClass().add("floor-area");
        board.getChildren().add(area);
        for (FloorPlan.Table t : model.tables()) {
            board.getChildren().add(table(t, scale));
        }
    }

    private Node table(FloorPlan.Table t, double scale) {
        double w = FloorEditorViewModel.width(t.shape()) * scale;
        double h = FloorEditorViewModel.height(t.shape()) * scale;
        Shape outline = FloorPlan.ROUND.equals(t.shape()) ? new Circle(Math.min(w, h) / 2)
                : new Rectangle(w, h);
        if (outline instanceof Rectangle r) {
            r.setArcWidth(10);
            r.setArcHeight(10);
        }
        outline.getStyleClass().add("floor-table-shape");
        // The name as large as the table drawn allows, the seats under it where there is room (a small board at
        // 1024x768 has tables of about 50 px: there the name alone, the seats show in the fields when it is tapped).
        boolean room = h >= 76;
        Label label = new Label(room ? t.table() + "\n" + TEXTS.seatsShort(t.seats()) : t.table());
        label.getStyleClass().add("floor-table-label");
        label.setMaxWidth(w);
        label.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;",
                Math.max(13, Math.min(20, h * (room ? 0.17 : 0.3)))));
        StackPane node = new StackPane(outline, label);
        node.setId("floor-table-" + t.table());
        node.getStyleClass().add("floor-table");
        if (t.table().equals(selected)) {
            node.getStyleClass().add("selected");
        }
        node.setPrefSize(w, h);
        node.resize(w, h);
        node.relocate(MARGIN + t.x() * scale, MARGIN + t.y() * scale);
        double[] from = new double[4];
        node.setOnMousePressed(e -> {
            from[0] = e.getSceneX();
            from[1] = e.getSceneY();
            from[2] = node.getLayoutX();
            from[3] = node.getLayoutY();
            choose(t);
            node.toFront();
            e.consume();
        });
        node.setOnMouseDragged(e -> {
            double max = MARGIN + FloorPlan.GRID * scale;
            node.relocate(Math.max(MARGIN, Math.min(max - w, from[2] + e.getSceneX() - from[0])),
                    Math.max(MARGIN, Math.min(max - h, from[3] + e.getSceneY() - from[1])));
            e.consume();
        });
        node.setOnMouseReleased(e -> {
            if (node.getLayoutX() != from[2] || node.getLayoutY() != from[3]) {
                model.move(t.table(), (int) Math.round((node.getLayoutX() - MARGIN) / scale),
                        (int) Math.round((node.getLayoutY() - MARGIN) / scale));
            } else {
                drawBoard();
            }
            e.consume();
        });
        return node;
    }

    private void choose(FloorPlan.Table t) {
        selected = t.table();
        // The chosen table's name, shape and seats, to change with Change table.
        tableName.setText(t.table());
        shape.setValue(t.shape());
        seats.getValueFactory().setValue(t.seats());
        board.getChildren().forEach(n -> n.getStyleClass().remove("selected"));
        board.lookupAll(".floor-table").stream().filter(n -> ("floor-table-" + t.table()).equals(n.getId()))
                .forEach(n -> n.getStyleClass().add("selected"));
    }

    private static String shapeName(String s) {
        return switch (s) {
            case FloorPlan.ROUND -> TEXTS.shapeRound();
            case FloorPlan.RECTANGLE -> TEXTS.shapeRectangle();
            default -> TEXTS.shapeSquare();
        };
    }

    @FXML
    private void onAddArea() {
        if (model.addArea(areaName.getText())) {
            areaName.clear();
        }
    }

    @FXML
    private void onAddTable() {
        seats.commitValue();
        String name = tableName.getText();
        if (model.addTable(name, shape.getValue(), seats.getValue())) {
            selected = name.strip();
            tableName.setText(model.nextTableName());
            drawBoard();
        }
    }

    @FXML
    private void onRenameArea() {
        if (model.renameArea(areaName.getText())) {
            areaName.clear();
        }
    }

    @FXML
    private void onRemoveArea() {
        selected = null;
        model.removeArea();
    }

    @FXML
    private void onChangeTable() {
        seats.commitValue();
        String name = tableName.getText();
        if (selected != null && model.changeTable(selected, name, shape.getValue(), seats.getValue())) {
            selected = name.strip();
            drawBoard();
        } else if (selected == null) {
            model.changeTable("", name, shape.getValue(), seats.getValue());
        }
    }

    @FXML
    private void onRemoveTable() {
        if (selected != null) {
            model.remove(selected);
            selected = null;
        }
    }

    @FXML
    private void onSave() {
        model.save();
    }

    @FXML
    private void onReload() {
        selected = null;
        model.refresh();
    }
}
