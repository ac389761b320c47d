package io.brigade.desktop.money;

import io.brigade.desktop.fx.Messages;
import io.brigade.desktop.fx.Money;
import io.brigade.protocol.money.AuditEntry;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/** Binds the back office's audit log tab to its {@link AuditViewModel}. */
public final class AuditController {
    @FXML private TextField from;
    @FXML private TextField to;
    @FXML private ChoiceBox<String> action;
    @FXML private Label message;
    @FXML private TableView<AuditEntry> entries;
    @FXML private TableColumn<AuditEntry, String> time;
    @FXML private TableColumn<AuditEntry, String> what;
    @FXML private TableColumn<AuditEntry, String> staff;
    @FXML private TableColumn<AuditEntry, String> device;
    @FXML private TableColumn<AuditEntry, String> amount;
    @FXML private TableColumn<AuditEntry, String> reason;
    @FXML private TableColumn<AuditEntry, String> subject;
    @FXML private TableColumn<AuditEntry, String> approvedBy;
    private AuditViewModel model;

    public void bind(AuditViewModel viewModel, String currency) {
        this.model = viewModel;
        from.textProperty().bindBidirectional(model.fromProperty());
        to.textProperty().bindBidirectional(model.toProperty());
        action.getItems().add(AuditViewModel.ALL);
        action.getItems().addAll(AuditViewModel.ACTIONS);
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return model.actionName(code);
            }

            @Override
            public String fromString(String words) {
                return null;
            }
        });
        action.valueProperty().bindBidirectional(model.actionProperty());
        entries.setItems(model.entries());
        column(time, model::time);
        column(what, a -> model.actionName(a.action()));
        column(staff, AuditEntry::staffName);
        column(device, AuditEntry::deviceName);
        column(amount, a -> a.amount() == null ? "" : Money.format(a.amount(), currency));
        column(reason, AuditEntry::reason);
        // An id (a UUID) in a subject is shortened to its first eight characters.
        column(subject, a -> a.subject() == null ? null
                : a.subject().replaceAll("([0-9a-f]{8})-[0-9a-f-]{27}", "$1…"));
        column(approvedBy, AuditEntry::approvedBy);
        // Wide enough for the longest date and time of the language spoken (a cut one read '9:2…') and each header.
        fitAtLeast(time, model.longestTime());
        for (TableColumn<AuditEntry, ?> c : entries.getColumns()) {
            fitAtLeast(c, c.getText());
        }
        entries.setRowFactory(v -> {
            TableRow<AuditEntry> row = new TableRow<>();
            row.itemProperty().addListener((o, was, a) -> row.setTooltip(a == null || a.reason() == null ? null
                    : new Tooltip(a.reason())));
            return row;
        });
        message.textProperty().bind(model.messageProperty());
        model.lookProperty().addListener((o, was, now) -> Messages.look(message, now));
        Messages.look(message, model.lookProperty().get());
    }

    /** At least as wide as {@code text} in the table's face, bold (headers are), with the cell's padding. */
    private static void fitAtLeast(TableColumn<AuditEntry, ?> c, String text) {
        Text measured = new Text(text);
        measured.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
                Math.max(14, Font.getDefault().getSize())));
        c.setMinWidth(Math.max(c.getMinWidth(), Math.ceil(measured.getLayoutBounds().getWidth()) + 24));
        c.setPrefWidth(Math.max(c.getPrefWidth(), c.getMinWidth()));
    }

    private static void column(TableColumn<AuditEntry, String> c, Function<AuditEntry, String> text) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
    }

    public void refresh() {
        model.show();
    }

    @FXML
    private void onShow() {
        model.show();
    }
}
