package io.brigade.desktop.till;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.checks.Check;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dialogs that move what a table ordered: Move (the check to another table), Merge (another open check into
 * this one) and Transfer (chosen lines to another check or table). Their rows depend on the store's open checks, so
 * they are built here rather than in FXML; what is allowed is decided by {@link TillViewModel}, whose refusal stays
 * in the dialog until the choice is one the store takes. Enter confirms, Esc changes nothing.
 */
final class CheckDialogs {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);

    private CheckDialogs() {
    }

    /** Moves the check shown to the table typed. */
    static void move(Window owner, TillViewModel model, List<Check> open) {
        Check c = model.checkProperty().get();
        if (c == null) {
            return;
        }
        TextField table = new TextField();
        table.setId("moveTable");
        table.setPrefColumnCount(8);
        Label problem = problem("moveMessage");
        VBox content = new VBox(10, table, problem);
        show(owner, TEXTS.moveTitle(), TEXTS.moveHeader(TillViewModel.label(c)), content, TEXTS.moveOk(), "moveOk",
                problem, model, () -> model.moveTo(table.getText(), open), table);
    }

    /** Merges one of the other open checks (chosen with a tap) into the check shown. */
    static void merge(Window owner, TillViewModel model, List<Check> others, Clock clock) {
        Check c = model.checkProperty().get();
        if (c == null) {
            return;
        }
        if (others.isEmpty()) {
            model.messageProperty().set(TEXTS.noOtherChecks());
            return;
        }
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(6);
        choices.setId("mergeChoices");
        for (Check o : others) {
            choices.getChildren().add(choice(o, "merge-", group, model, clock));
        }
        Label problem = problem("mergeMessage");
        VBox content = new VBox(10, scroll(choices, 300), problem);
        show(owner, TEXTS.mergeTitle(), TEXTS.mergeHeader(TillViewModel.label(c)), content, TEXTS.mergeOk(),
                "mergeOk", problem, model, () -> model.merge(group.getSelectedToggle() == null ? null
                        : (Check) group.getSelectedToggle().getUserData()), null);
    }

    /** Transfers the lines ticked to another open check (a tap) or to the table typed. */
    static void transfer(Window owner, TillViewModel model, List<Check> others, Clock clock) {
        Check c = model.checkProperty().get();
        if (c == null) {
            return;
        }
        List<Check.Line> lines = model.transferable();
        if (lines.isEmpty()) {
            model.messageProperty().set(TEXTS.chooseLinesToTransfer());
            return;
        }
        VBox rows = new VBox(6);
        rows.setId("transferLines");
        List<CheckBox> ticks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Check.Line l = lines.get(i);
            CheckBox tick = new CheckBox(l.liveQuantity() + " × " + l.name()
                    + (l.seat() == null ? "" : " · " + TEXTS.seatOf(l.seat())) + "  " + model.format(l.total()));
            tick.setId("transfer-line-" + i);
            tick.setUserData(l.lineId());
            tick.setWrapText(true);
            tick.getStyleClass().add("transfer-line");
            ticks.add(tick);
            rows.getChildren().add(tick);
        }
        ToggleGroup group = new ToggleGroup();
        FlowPane targets = new FlowPane(6, 6);
        targets.setId("transferTargets");
        targets.setPrefWrapLength(460);
        for (Check o : others) {
            targets.getChildren().add(choice(o, "transfer-to-", group, model, clock));
        }
        TextField table = new TextField();
        table.setId("transferTable");
        table.setPrefColumnCount(6);
        // A table typed and a check tapped are two answers to one question: the last one given counts.
        table.textProperty().addListener((o, was, now) -> {
            if (!now.isBlank() && group.getSelectedToggle() != null) {
                group.getSelectedToggle().setSelected(false);
            }
        });
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                table.clear();
            }
        });
        HBox orTable = new HBox(8, new Label(TEXTS.transferTablePrompt()), table);
        orTable.setAlignment(Pos.CENTER_LEFT);
        Label problem = problem("transferMessage");
        VBox content = new VBox(10, scroll(rows, 200), new Label(TEXTS.transferToLabel()), targets, orTable,
                problem);
        show(owner, TEXTS.transferTitle(), TEXTS.transferHeader(TillViewModel.label(c)), content, TEXTS.transferOk(),
                "transferOk", problem, model, () -> model.transfer(ticks.stream().filter(CheckBox::isSelected)
                        .map(t -> (String) t.getUserData()).toList(), group.getSelectedToggle() == null ? null
                        : (Check) group.getSelectedToggle().getUserData(), table.getText(), others), null);
    }

    /** A touch-sized button for an open check: its table or tab, what it stands at and minutes open. */
    private static ToggleButton choice(Check o, String prefix, ToggleGroup group, TillViewModel model, Clock clock) {
        long minutes = Math.max(0, Duration.between(o.openedAt(), clock.instant()).toMinutes());
        ToggleButton b = new ToggleButton(TEXTS.checkChoice(TillViewModel.label(o), model.format(o.total()),
                minutes));
        b.setId(prefix + (o.table() != null ? "table-" + safe(o.table()) : "tab-" + safe(o.name() == null
                ? o.checkId() : o.name())));
        b.setUserData(o);
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.getStyleClass().add("check-choice");
        return b;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static ScrollPane scroll(Node content, double height) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setPrefViewportHeight(height);
        return s;
    }

    private static Label problem(String id) {
        Label problem = new Label();
        problem.setId(id);
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setMinHeight(40);
        return problem;
    }

    /**
     * Shows the dialog; OK runs {@code act}, and a refusal (the view model's message) stays on the dialog, which
     * stays open.
     */
    private static void show(Window owner, String title, String header, VBox content, String okText, String okId,
                             Label problem, TillViewModel model, BooleanSupplier act, Node focus) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        content.setPrefWidth(500);
        content.getStyleClass().add("check-dialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().add(io.brigade.desktop.tables.FloorPane.class
                .getResource("tables.css").toExternalForm());
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId(okId);
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!act.getAsBoolean()) {
                problem.setText(model.messageProperty().get());
                e.consume();
            }
        });
        if (focus != null) {
            dialog.setOnShown(e -> focus.requestFocus());
        }
        dialog.showAndWait();
    }
}
