package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Texts;
import static io.brigade.desktop.menu.MenuCells.converter;
import static io.brigade.desktop.menu.MenuCells.style;

import io.brigade.protocol.org.SalesChannel;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The snoozes tab: a channel's items with their snoozes, and snoozing an item or the whole channel. */
public final class MenuSnoozesController {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

    @FXML private ComboBox<SalesChannel> snoozeChannelPicker;
    @FXML private TextField snoozeUntil;
    @FXML private Label channelStatus;
    @FXML private TableView<SnoozePanelModel.Row> snoozeTable;
    @FXML private Label snoozeMessage;
    private SnoozePanelModel snoozes;

    public void bind(SnoozePanelModel snoozes) {
        this.snoozes = snoozes;
        snoozeChannelPicker.setItems(snoozes.channels());
        snoozeChannelPicker.setConverter(converter(SalesChannel::name));
        snoozeChannelPicker.valueProperty().addListener((o, a, ch) -> {
            if (ch != null && ch != snoozes.channelProperty().get()) {
                snoozes.select(ch);
            }
        });
        snoozes.channelProperty().addListener((o, a, ch) -> snoozeChannelPicker.setValue(ch));
        // A reload replaces the list with equal channels, which clears the box without a change of channel.
        snoozes.channels().addListener((ListChangeListener<SalesChannel>) c -> javafx.application.Platform.runLater(
                () -> snoozeChannelPicker.setValue(snoozes.channelProperty().get())));
        snoozeUntil.textProperty().bindBidirectional(snoozes.untilProperty());
        channelStatus.textProperty().bind(snoozes.channelStatusProperty());
        snoozes.channelSnoozedProperty().addListener((o, a, on) -> style(channelStatus, "snoozed", on));
        snoozeTable.setItems(snoozes.rows());
        TableColumn<SnoozePanelModel.Row, String> category = new TableColumn<>(TEXTS.category());
        category.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().category()));
        category.setPrefWidth(140);
        TableColumn<SnoozePanelModel.Row, String> item = new TableColumn<>(TEXTS.item());
        item.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().caption()));
        item.setPrefWidth(240);
        TableColumn<SnoozePanelModel.Row, String> status = new TableColumn<>(TEXTS.status());
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setPrefWidth(220);
        snoozeTable.getColumns().setAll(java.util.List.of(category, item, status));
        snoozeTable.setRowFactory(t -> new TableRow<>() {
            private final javafx.beans.value.ChangeListener<Boolean> watch = (o, a, b) -> update();

            @Override
            protected void updateItem(SnoozePanelModel.Row row, boolean empty) {
                if (getItem() != null) {
                    getItem().snoozedProperty().removeListener(watch);
                }
                super.updateItem(row, empty);
                if (row != null && !empty) {
                    row.snoozedProperty().addListener(watch);
                }
                update();
            }

            private void update() {
                style(this, "snoozed-row", getItem() != null && !isEmpty() && getItem().snoozedProperty().get());
            }
        });
        snoozeMessage.textProperty().bind(snoozes.messageProperty());
        snoozes.failedProperty().addListener((o, a, failed) -> style(snoozeMessage, "field-error", failed));
    }

    @FXML
    private void onSnoozeItem() {
        SnoozePanelModel.Row row = snoozeTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            snoozes.snooze(row);
        }
    }

    @FXML
    private void onUnsnoozeItem() {
        SnoozePanelModel.Row row = snoozeTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            snoozes.unsnooze(row);
        }
    }

    @FXML
    private void onSnoozeChannel() {
        snoozes.snoozeChannel();
    }

    @FXML
    private void onUnsnoozeChannel() {
        snoozes.unsnoozeChannel();
    }
}
