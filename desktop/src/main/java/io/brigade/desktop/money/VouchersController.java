package io.brigade.desktop.money;

import io.brigade.desktop.fx.Messages;
import io.brigade.desktop.fx.Money;
import io.brigade.protocol.money.Voucher;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the back office's voucher list and new-voucher form to its {@link VouchersViewModel}. */
public final class VouchersController {
    @FXML private TableView<Voucher> vouchers;
    @FXML private TableColumn<Voucher, String> code;
    @FXML private TableColumn<Voucher, String> value;
    @FXML private TableColumn<Voucher, String> validity;
    @FXML private TableColumn<Voucher, String> usesLeft;
    @FXML private TableColumn<Voucher, String> state;
    @FXML private TableColumn<Voucher, String> note;
    @FXML private TextField newCode;
    @FXML private TextField newAmount;
    @FXML private TextField newFrom;
    @FXML private TextField newTo;
    @FXML private TextField newMaxUses;
    @FXML private TextField newNote;
    @FXML private Label message;
    private VouchersViewModel model;

    public void bind(VouchersViewModel viewModel, MoneyTexts texts, String currency) {
        this.model = viewModel;
        vouchers.setItems(model.vouchersProperty());
        column(code, Voucher::code);
        column(value, v -> Money.format(v.amount(), currency));
        column(validity, v -> texts.validFromTo(MoneyDates.date(v.validFrom()), MoneyDates.date(v.validTo())));
        column(usesLeft, v -> {
            Integer left = VouchersViewModel.usesLeft(v);
            return left == null ? texts.noLimit() : String.valueOf(left);
        });
        column(state, v -> Boolean.FALSE.equals(v.active()) ? texts.voucherWithdrawn() : texts.voucherActive());
        column(note, v -> v.note() == null ? "" : v.note());
        newCode.textProperty().bindBidirectional(model.codeProperty());
        newAmount.textProperty().bindBidirectional(model.amountProperty());
        newFrom.setPromptText(texts.datePrompt(MoneyDates.example()));
        newTo.setPromptText(texts.datePrompt(MoneyDates.example()));
        newFrom.textProperty().bindBidirectional(model.validFromProperty());
        newTo.textProperty().bindBidirectional(model.validToProperty());
        newMaxUses.textProperty().bindBidirectional(model.maxUsesProperty());
        newNote.textProperty().bindBidirectional(model.noteProperty());
        message.textProperty().bind(model.messageProperty());
        model.lookProperty().addListener((o, was, now) -> Messages.look(message, now));
        Messages.look(message, model.lookProperty().get());
    }

    private static void column(TableColumn<Voucher, String> c, Function<Voucher, String> text) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void onCreate() {
        model.create();
    }

    @FXML
    private void onDisable() {
        model.disable(vouchers.getSelectionModel().getSelectedItem());
    }
}
