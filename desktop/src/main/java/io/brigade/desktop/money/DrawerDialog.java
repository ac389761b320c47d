package io.brigade.desktop.money;

import io.brigade.desktop.fx.Messages;
import io.brigade.desktop.i18n.Formats;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The drawer at the till: open the shift with its float, pay in and out with a reason, open the drawer for no sale,
 * and close the shift with a blind count. A thin view over {@link DrawerModel}.
 */
public final class DrawerDialog {
    private DrawerDialog() {
    }

    /**
     * Shows the dialog. {@code noSaleApproval} asks a manager for a no-sale open when the store wants one and
     * answers the approval id (null when none is needed or none was given).
     */
    public static void show(Window owner, DrawerModel model, MoneyTexts texts,
                            java.util.function.Supplier<java.util.Optional<String>> noSaleApproval) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.drawerTitle());
        dialog.getDialogPane().getStylesheets().add(DrawerDialog.class.getResource("money.css").toExternalForm());
        dialog.getDialogPane().setId("drawerDialog");
        dialog.getDialogPane().setContent(content(model, texts, noSaleApproval));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        model.refresh();
        dialog.showAndWait();
    }

    static VBox content(DrawerModel model, MoneyTexts texts,
                        java.util.function.Supplier<java.util.Optional<String>> noSaleApproval) {
        Label status = new Label();
        status.setId("shiftStatus");
        status.getStyleClass().add("section-title");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);

        // Opening: the float.
        TextField openingFloat = new TextField();
        openingFloat.setId("openingFloat");
        openingFloat.setPromptText(texts.openingFloat());
        Button open = new Button(texts.openShift());
        open.setId("openShift");
        open.setDefaultButton(true);
        open.setOnAction(e -> {
            model.openShift(openingFloat.getText());
            openingFloat.clear();
        });
        Label openHint = new Label(texts.openShiftHint());
        openHint.getStyleClass().add("hint");
        VBox opening = new VBox(8, openHint, new HBox(8, openingFloat, open));
        opening.visibleProperty().bind(model.openProperty().not());
        opening.managedProperty().bind(opening.visibleProperty());

        // During the shift: cash by hand and the drawer opened for no sale.
        TextField amount = new TextField();
        amount.setId("moveAmount");
        amount.setPromptText(texts.amount());
        amount.setPrefColumnCount(7);
        TextField reason = new TextField();
        reason.setId("moveReason");
        reason.setPromptText(texts.reason());
        reason.setPrefColumnCount(22);
        Button payIn = new Button(texts.payIn());
        payIn.setId("payIn");
        payIn.setOnAction(e -> model.payIn(amount.getText(), reason.getText()));
        Button payOut = new Button(texts.payOut());
        payOut.setId("payOut");
        payOut.setOnAction(e -> model.payOut(amount.getText(), reason.getText()));
        Button noSale = new Button(texts.noSale());
        noSale.setId("noSale");
        noSale.setOnAction(e -> noSaleApproval.get().ifPresent(id -> model.noSale(reason.getText(),
                id.isEmpty() ? null : id)));
        Button close = new Button(texts.closeShift());
        close.setId("closeShift");
        close.getStyleClass().add("danger");

        // The blind count: notes and coins (or a total), and nothing of what the drawer should hold.
        GridPane grid = new GridPane();
        grid.setId("blindCount");
        grid.setHgap(8);
        grid.setVgap(4);
        Map<String, TextField> counts = new LinkedHashMap<>();
        for (int i = 0; i < DrawerModel.FACES.size(); i++) {
            String face = DrawerModel.FACES.get(i);
            TextField count = new TextField();
            count.setId("count-" + face.replace('.', '_'));
            count.setPrefColumnCount(4);
            counts.put(face, count);
            Label faceLabel = new Label(Formats.now().decimal(new BigDecimal(face), face.contains(".") ? 2 : 0));
            faceLabel.getStyleClass().add("face");
            grid.add(faceLabel, (i / 8) * 2, i % 8);
            grid.add(count, (i / 8) * 2 + 1, i % 8);
        }
        TextField total = new TextField();
        total.setId("countedTotal");
        total.setPromptText(texts.countedTotal());
        Button done = new Button(texts.countDone());
        done.setId("countDone");
        done.getStyleClass().add("accent");
        done.setOnAction(e -> {
            Map<String, String> typed = new LinkedHashMap<>();
            counts.forEach((face, field) -> typed.put(face, field.getText()));
            model.close(typed, total.getText());
        });
        Label countHint = new Label(texts.blindCountHint());
        countHint.getStyleClass().add("hint");
        countHint.setWrapText(true);
        countHint.setMaxWidth(600);
        countHint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox counting = new VBox(8, countHint, grid, new HBox(8, total, done));
        counting.setVisible(false);
        counting.managedProperty().bind(counting.visibleProperty());
        close.setOnAction(e -> {
            counting.setVisible(true);
            // The dialog grows to show the whole count (it keeps the size it opened with otherwise).
            javafx.application.Platform.runLater(() -> counting.getScene().getWindow().sizeToScene());
        });

        VBox during = new VBox(8, new HBox(8, amount, reason), new HBox(8, payIn, payOut, noSale, close), counting);
        during.visibleProperty().bind(model.openProperty());
        during.managedProperty().bind(during.visibleProperty());

        Label result = new Label();
        result.setId("closeResult");
        result.getStyleClass().add("section-title");
        result.textProperty().bind(model.resultProperty());
        Label message = new Label();
        message.setId("drawerMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.toneProperty().addListener((o, was, tone) -> style(message, tone));
        // A longer message or the result of the count may need more room than the dialog opened with.
        model.resultProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
            if (message.getScene() != null) {
                message.getScene().getWindow().sizeToScene();
            }
        }));
        style(message, model.toneProperty().get());

        VBox root = new VBox(12, status, opening, during, new Separator(), result, message);
        root.setPadding(new Insets(8));
        root.setPrefWidth(620);
        return root;
    }

    private static void style(Label message, DrawerModel.Tone tone) {
        Messages.look(message, switch (tone) {
            case OK -> Messages.Look.DONE;
            case WARNING -> Messages.Look.WARNING;
            case ERROR -> Messages.Look.REFUSED;
        });
    }
}
