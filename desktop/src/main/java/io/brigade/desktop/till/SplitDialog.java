package io.brigade.desktop.till;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.checks.Check;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The split dialog: by item (each line put into a part with a tap), by seat, or evenly into a number of parts, with
 * what each part will pay. Its rows depend on the check's lines, so it is built here rather than in FXML; the rules
 * live in {@link SplitChoice}. Enter splits, Esc leaves the bill as it is.
 */
final class SplitDialog {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);

    private SplitDialog() {
    }

    static void show(Window owner, Check check, SplitChoice choice, TillViewModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(TEXTS.splitTitle());
        dialog.setHeaderText(TEXTS.splitHeader(check.table() == null ? (check.name() == null ? "" : check.name())
                : check.table(), model.format(check.total())));
        ToggleGroup how = new ToggleGroup();
        ToggleButton byItem = mode(TEXTS.splitByItem(), "splitByItem", how, SplitChoice.By.ITEMS);
        ToggleButton bySeat = mode(TEXTS.splitBySeat(), "splitBySeat", how, SplitChoice.By.SEATS);
        ToggleButton evenly = mode(TEXTS.splitEvenly(), "splitEvenly", how, SplitChoice.By.EVENLY);
        Label countLabel = new Label(TEXTS.splitParts());
        Spinner<Integer> count = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(2,
                SplitChoice.MAX_PARTS, choice.count()));
        count.setId("splitCount");
        count.setEditable(true);
        count.setPrefWidth(90);
        HBox countRow = new HBox(8, countLabel, count);
        countRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox rows = new VBox(6);
        rows.setId("splitLines");
        ScrollPane rowsScroll = new ScrollPane(rows);
        rowsScroll.setFitToWidth(true);
        rowsScroll.setPrefViewportHeight(260);
        Label preview = new Label();
        preview.setId("splitPreview");
        preview.setWrapText(true);
        preview.setMinHeight(60); // three lines, whatever the way: the dialog keeps its size
        preview.setPrefHeight(60);
        preview.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        Label problem = new Label();
        problem.setId("splitMessage");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);

        Runnable[] redraw = new Runnable[1];
        redraw[0] = () -> {
            // The lines stay in view whatever the way (the dialog keeps its size); only a split by item has the
            // part buttons, and only a split by seat has no count.
            countRow.setVisible(choice.by() != SplitChoice.By.SEATS);
            fillRows(rows, choice, model, () -> {
                preview.setText(preview(choice, model));
                problem.setText("");
            });
            preview.setText(preview(choice, model));
            problem.setText("");
        };
        how.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one way is always chosen
                return;
            }
            choice.by((SplitChoice.By) now.getUserData());
            redraw[0].run();
        });
        count.valueProperty().addListener((o, was, now) -> {
            choice.count(now == null ? 2 : now);
            redraw[0].run();
        });
        (choice.by() == SplitChoice.By.ITEMS ? byItem : choice.by() == SplitChoice.By.EVENLY ? evenly : bySeat)
                .setSelected(true);
        redraw[0].run();

        VBox content = new VBox(12, new HBox(8, byItem, bySeat, evenly), countRow, rowsScroll, preview, problem);
        content.getStyleClass().add("split-dialog");
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        ButtonType split = new ButtonType(TEXTS.splitOk(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(split, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(split);
        ok.setId("splitOk");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            count.commitValue();
            var refusal = choice.problem();
            if (refusal.isPresent()) {
                problem.setText(refusal.get());
                e.consume(); // stays open until the split is one the store takes
                return;
            }
            model.split(choice);
        });
        dialog.showAndWait();
    }

    private static ToggleButton mode(String text, String id, ToggleGroup group, SplitChoice.By by) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(by);
        b.setToggleGroup(group);
        b.getStyleClass().add("split-mode");
        return b;
    }

    /** A row per line: the line, then a toggle per part; the line's part is the one pressed. */
    private static void fillRows(VBox rows, SplitChoice choice, TillViewModel model, Runnable changed) {
        rows.getChildren().clear();
        List<Check.Line> lines = choice.lines();
        for (int i = 0; i < lines.size(); i++) {
            Check.Line line = lines.get(i);
            String title = line.liveQuantity() + " × " + line.name()
                    + (line.seat() == null ? "" : " · " + TEXTS.seatOf(line.seat())) + "  " + model.format(line.total());
            Label name = new Label(title);
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            FlowPane parts = new FlowPane(4, 4);
            parts.setPrefWrapLength(200);
            parts.setVisible(choice.by() == SplitChoice.By.ITEMS);
            ToggleGroup group = new ToggleGroup();
            List<ToggleButton> buttons = new ArrayList<>();
            for (int p = 1; p <= choice.count(); p++) {
                int part = p;
                ToggleButton b = new ToggleButton(String.valueOf(p));
                b.setId("line-" + i + "-part-" + p);
                b.getStyleClass().add("split-part");
                b.setToggleGroup(group);
                b.setSelected(choice.partOf(line.lineId()) == p);
                b.setOnAction(e -> {
                    choice.assign(line.lineId(), part);
                    buttons.forEach(t -> t.setSelected(t == b));
                    changed.run();
                });
                buttons.add(b);
            }
            parts.getChildren().addAll(buttons);
            HBox row = new HBox(10, name, parts);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            row.getStyleClass().add("split-row");
            rows.getChildren().add(row);
        }
    }

    private static String preview(SplitChoice choice, TillViewModel model) {
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> part : choice.preview().entrySet()) {
            String amount = model.format(part.getValue());
            shown.add(choice.by() != SplitChoice.By.SEATS ? TEXTS.previewPart(part.getKey(), amount)
                    : "-".equals(part.getKey()) ? TEXTS.previewNoSeat(amount)
                    : TEXTS.previewSeat(part.getKey(), amount));
        }
        return String.join("  ·  ", shown);
    }
}
