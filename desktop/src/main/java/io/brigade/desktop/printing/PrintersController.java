package io.brigade.desktop.printing;

import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.store.StorePrinter;
import java.util.List;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the back office's printers tab to its {@link PrintersViewModel}. */
public final class PrintersController {
    @FXML private BorderPane root;
    @FXML private ListView<StorePrinter> printerList;
    @FXML private ComboBox<String> receiptPrinter;
    @FXML private TextField name;
    @FXML private ComboBox<String> connection;
    @FXML private TextField address;
    @FXML private ComboBox<Integer> paperWidth;
    @FXML private ComboBox<String> codePage;
    @FXML private VBox stations;
    @FXML private CheckBox drawer;
    @FXML private HBox drawerTimes;
    @FXML private ComboBox<Integer> drawerPin;
    @FXML private TextField drawerOn;
    @FXML private TextField drawerOff;
    @FXML private Label message;
    private PrintersViewModel model;
    private PrinterSetupTexts texts;
    private boolean showing;

    public void bind(PrintersViewModel viewModel, PrinterSetupTexts words) {
        this.model = viewModel;
        this.texts = words;
        printerList.setItems(model.printers());
        printerList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(StorePrinter p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : texts.printerRow(p.name(), connectionName(p.connection()),
                        p.address()));
            }
        });
        printerList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !showing) {
                model.edit(b);
            }
        });
        connection.getItems().setAll(StorePrinter.NETWORK, StorePrinter.DEVICE, StorePrinter.QUEUE);
        connection.setConverter(converter(this::connectionName));
        connection.valueProperty().bindBidirectional(model.connectionProperty());
        name.textProperty().bindBidirectional(model.nameProperty());
        address.textProperty().bindBidirectional(model.addressProperty());
        paperWidth.getItems().setAll(80, 58);
        paperWidth.setConverter(converter(w -> texts.paper(w)));
        paperWidth.valueProperty().bindBidirectional(model.paperWidthProperty());
        codePage.getItems().setAll(StorePrinter.CODE_PAGES);
        codePage.valueProperty().bindBidirectional(model.codePageProperty());
        drawer.selectedProperty().bindBidirectional(model.drawerProperty());
        drawerTimes.disableProperty().bind(drawer.selectedProperty().not());
        drawerPin.getItems().setAll(2, 5);
        drawerPin.valueProperty().bindBidirectional(model.drawerPinProperty());
        drawerOn.textProperty().bindBidirectional(model.drawerOnMsProperty());
        drawerOff.textProperty().bindBidirectional(model.drawerOffMsProperty());
        message.textProperty().bind(model.messageProperty());
        model.stations().addListener((javafx.collections.ListChangeListener<KitchenStation>) c -> showStations());
        model.stationIds().addListener((javafx.collections.ListChangeListener<String>) c -> showStations());
        model.printers().addListener((javafx.collections.ListChangeListener<StorePrinter>) c -> showReceiptChoices());
        model.editingProperty().addListener((o, a, b) -> {
            showing = true;
            printerList.getSelectionModel().select(b);
            showing = false;
        });
        receiptPrinter.setConverter(converter(id -> model.printers().stream()
                .filter(p -> Objects.equals(p.printerId(), id)).map(StorePrinter::name).findFirst().orElse(id)));
        receiptPrinter.valueProperty().addListener((o, a, b) -> {
            if (b != null && !showing && !b.equals(model.receiptPrinterIdProperty().get())) {
                model.chooseReceiptPrinter(b);
            }
        });
        model.receiptPrinterIdProperty().addListener((o, a, b) -> receiptPrinter.setValue(b));
    }

    private void showReceiptChoices() {
        showing = true;
        receiptPrinter.getItems().setAll(model.printers().stream().map(StorePrinter::printerId)
                .filter(Objects::nonNull).toList());
        receiptPrinter.setValue(model.receiptPrinterIdProperty().get());
        showing = false;
    }

    private void showStations() {
        stations.getChildren().clear();
        for (KitchenStation s : model.stations()) {
            CheckBox box = new CheckBox(s.name());
            box.setId("printerStation-" + s.id());
            box.setSelected(model.stationIds().contains(s.id()));
            box.selectedProperty().addListener((o, a, on) -> {
                if (on && !model.stationIds().contains(s.id())) {
                    model.stationIds().add(s.id());
                } else if (!on) {
                    model.stationIds().remove(s.id());
                }
            });
            stations.getChildren().add(box);
        }
        if (model.stations().isEmpty()) {
            stations.getChildren().add(new Label(texts.noStation()));
        }
    }

    private String connectionName(String c) {
        return switch (c == null ? "" : c) {
            case StorePrinter.NETWORK -> texts.connectionNETWORK();
            case StorePrinter.DEVICE -> texts.connectionDEVICE();
            case StorePrinter.QUEUE -> texts.connectionQUEUE();
            default -> c;
        };
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices only");
            }
        };
    }

    @FXML
    private void onNew() {
        model.edit(null);
        printerList.getSelectionModel().clearSelection();
    }

    @FXML
    private void onRemove() {
        model.remove();
    }

    @FXML
    private void onApply() {
        model.apply();
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
    private void onTest() {
        model.testPage();
    }

    /** The printers shown (for tests). */
    List<StorePrinter> shown() {
        return List.copyOf(printerList.getItems());
    }
}
