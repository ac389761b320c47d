package io.brigade.desktop.till;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The modifier dialog. Its layout depends on the item's groups, so it is built here rather than in FXML;
 * the rules (min, max, what is added) live in {@link ModifierChoice} and {@link TillViewModel}.
 */
final class ModifierDialog {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);

    private ModifierDialog() {
    }

    static void show(Window owner, ModifierChoice choice, TillViewModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(choice.item().caption());
        dialog.setHeaderText(choice.item().caption() + "  " + model.format(choice.item().price()));
        Label problem = new Label();
        problem.setId("modifierMessage");
        problem.getStyleClass().add("error-text");
        VBox content = new VBox(12);
        content.getStyleClass().add("modifier-dialog");
        for (ModifierGroup g : choice.item().groups()) {
            content.getChildren().add(new Label(g.caption() + "  —  " + rule(g)));
            FlowPane options = new FlowPane(8, 8);
            for (MenuItem option : g.items()) {
                java.math.BigDecimal price = TillMenu.price(option, model.dispatchProperty().get());
                ToggleButton b = new ToggleButton(option.caption()
                        + (price.signum() > 0 ? "\n+" + model.format(price) : ""));
                b.setId("option-" + option.id());
                b.getStyleClass().add("option-button");
                b.setOnAction(e -> {
                    problem.setText(choice.toggle(g.id(), option.id()).orElse(""));
                    // the choice may have replaced another in a pick-one group: redraw every toggle
                    content.lookupAll(".option-button").forEach(n -> {
                        ToggleButton t = (ToggleButton) n;
                        t.setSelected(choice.item().groups().stream().anyMatch(gr ->
                                choice.isChosen(gr.id(), t.getId().substring("option-".length()))));
                    });
                });
                options.getChildren().add(b);
            }
            content.getChildren().add(options);
        }
        content.getChildren().add(problem);
        dialog.getDialogPane().setContent(content);
        ButtonType add = new ButtonType(TEXTS.addToTicket(), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        Button addButton = (Button) dialog.getDialogPane().lookupButton(add);
        addButton.setId("addToTicket");
        addButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.add(choice)) {
                problem.setText(choice.problem().orElse(""));
                e.consume(); // keep the dialog open until the choice is valid
            }
        });
        dialog.showAndWait();
    }

    private static String rule(ModifierGroup g) {
        int min = g.min() == null ? 0 : g.min();
        int max = g.max() == null ? g.items().size() : g.max();
        if (min == max) {
            return TEXTS.ruleExactly(min);
        }
        return min == 0 ? TEXTS.ruleUpTo(max) : TEXTS.ruleBetween(min, max);
    }
}
