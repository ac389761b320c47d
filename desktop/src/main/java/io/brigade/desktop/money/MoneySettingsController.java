package io.brigade.desktop.money;

import io.brigade.desktop.fx.Messages;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Binds the back office's form of what needs a manager to its {@link MoneySettingsViewModel}. */
public final class MoneySettingsController {
    @FXML private GridPane form;
    @FXML private TextField percentLimit;
    @FXML private TextField amountLimit;
    @FXML private CheckBox refunds;
    @FXML private CheckBox voids;
    @FXML private CheckBox noSale;
    @FXML private CheckBox reopen;
    @FXML private Label message;
    private MoneySettingsViewModel model;

    public void bind(MoneySettingsViewModel viewModel) {
        this.model = viewModel;
        percentLimit.textProperty().bindBidirectional(model.percentLimitProperty());
        amountLimit.textProperty().bindBidirectional(model.amountLimitProperty());
        refunds.selectedProperty().bindBidirectional(model.refundsNeedManagerProperty());
        voids.selectedProperty().bindBidirectional(model.voidsNeedManagerProperty());
        noSale.selectedProperty().bindBidirectional(model.noSaleNeedsManagerProperty());
        reopen.selectedProperty().bindBidirectional(model.reopenNeedsManagerProperty());
        message.textProperty().bind(model.messageProperty());
        model.lookProperty().addListener((o, was, now) -> Messages.look(message, now));
        Messages.look(message, model.lookProperty().get());
        form.disableProperty().bind(model.busyProperty());
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void onSave() {
        model.save();
    }

    @FXML
    private void onReload() {
        model.refresh();
    }
}
