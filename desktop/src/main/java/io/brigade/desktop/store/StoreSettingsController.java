package io.brigade.desktop.store;

import java.io.ByteArrayInputStream;
import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

/** Binds the back office's store settings form to its {@link StoreSettingsViewModel}. */
public final class StoreSettingsController {
    @FXML private BorderPane root;
    @FXML private TextField restaurantName;
    @FXML private TextArea address;
    @FXML private TextField taxNumber;
    @FXML private TextField phone;
    @FXML private TextField currency;
    @FXML private TextField locale;
    @FXML private TextArea receiptHeader;
    @FXML private TextArea receiptFooter;
    @FXML private ImageView logo;
    @FXML private Label noLogo;
    @FXML private Label message;
    private StoreSettingsViewModel model;
    private StoreTexts texts;

    public void bind(StoreSettingsViewModel viewModel, StoreTexts texts) {
        this.model = viewModel;
        this.texts = texts;
        restaurantName.textProperty().bindBidirectional(model.restaurantNameProperty());
        address.textProperty().bindBidirectional(model.addressProperty());
        taxNumber.textProperty().bindBidirectional(model.taxNumberProperty());
        phone.textProperty().bindBidirectional(model.phoneProperty());
        currency.textProperty().bindBidirectional(model.currencyProperty());
        locale.textProperty().bindBidirectional(model.localeProperty());
        receiptHeader.textProperty().bindBidirectional(model.receiptHeaderProperty());
        receiptFooter.textProperty().bindBidirectional(model.receiptFooterProperty());
        message.textProperty().bind(model.messageProperty());
        // The form, not the tab's root: a tab sets its content's disable itself.
        root.getCenter().disableProperty().bind(model.busyProperty());
        model.logoProperty().addListener((o, a, png) -> showLogo(png, texts));
        showLogo(model.logoProperty().get(), texts);
    }

    private void showLogo(byte[] png, StoreTexts texts) {
        logo.setImage(png == null ? null : new Image(new ByteArrayInputStream(png)));
        noLogo.setText(png == null ? texts.noLogo() : "");
    }

    @FXML
    private void onSave() {
        model.save();
    }

    @FXML
    private void onReload() {
        model.reload();
    }

    @FXML
    private void onChooseLogo() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.pngFiles(), "*.png"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            model.chooseLogo(file.toPath());
        }
    }

    @FXML
    private void onClearLogo() {
        model.clearLogo();
    }
}
