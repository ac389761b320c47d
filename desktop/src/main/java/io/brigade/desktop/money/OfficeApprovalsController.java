package io.brigade.desktop.money;

import io.brigade.desktop.fx.Messages;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Formats;
import io.brigade.protocol.money.ApprovalPending;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the office's list of the tills' requests for a manager to its {@link OfficeApprovalsViewModel}. */
public final class OfficeApprovalsController {
    @FXML private TableView<ApprovalPending> requests;
    @FXML private TableColumn<ApprovalPending, String> time;
    @FXML private TableColumn<ApprovalPending, String> device;
    @FXML private TableColumn<ApprovalPending, String> who;
    @FXML private TableColumn<ApprovalPending, String> action;
    @FXML private TableColumn<ApprovalPending, String> amount;
    @FXML private TableColumn<ApprovalPending, String> subject;
    @FXML private TableColumn<ApprovalPending, String> reason;
    @FXML private TextField answer;
    @FXML private Label message;
    private OfficeApprovalsViewModel model;

    public void bind(OfficeApprovalsViewModel viewModel, MoneyTexts texts, ZoneId zone, String currency) {
        this.model = viewModel;
        requests.setItems(model.requestsProperty());
        column(time, r -> Formats.now().time(r.requestedAt(), zone));
        column(device, ApprovalPending::deviceName);
        column(who, ApprovalPending::requestedBy);
        column(action, r -> texts.approvalAction(r.action()));
        column(amount, r -> r.amount() == null ? "" : Money.format(r.amount(), currency));
        column(subject, ApprovalPending::subject);
        column(reason, ApprovalPending::reason);
        answer.textProperty().bindBidirectional(model.reasonProperty());
        message.textProperty().bind(model.messageProperty());
        model.lookProperty().addListener((o, was, now) -> Messages.look(message, now));
        Messages.look(message, model.lookProperty().get());
    }

    private static void column(TableColumn<ApprovalPending, String> c, Function<ApprovalPending, String> value) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    }

    /** Reads the list again (the back office calls it while the tab is on screen). */
    public void refresh() {
        model.refresh();
    }

    @FXML
    private void onApprove() {
        model.approve(requests.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onRefuse() {
        model.refuse(requests.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }
}
