package io.brigade.desktop.kitchen;

import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;

/**
 * Binds the back office's kitchen stations editor to its {@link KitchenStationsViewModel}: the stations on the
 * left (add, rename, remove, choose the catch-all), each menu category with the station it goes to on the right.
 */
public final class KitchenStationsController {
    @FXML private BorderPane root;
    @FXML private ListView<KitchenStationsViewModel.Draft> stationList;
    @FXML private TextField stationName;
    @FXML private GridPane categoryGrid;
    @FXML private Label message;

    private KitchenStationsViewModel model;
    private KitchenTexts texts;

    public void bind(KitchenStationsViewModel viewModel, KitchenTexts words) {
        this.model = viewModel;
        this.texts = words;
        message.textProperty().bind(model.messageProperty());
        stationList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(KitchenStationsViewModel.Draft item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.catchAll() ? texts.catchAllName(item.name())
                        : item.name());
            }
        });
        stationList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                stationName.setText(b.name());
            }
        });
        model.versionProperty().addListener((o, a, b) -> render());
        // Read when the tab is opened, so the manager sees the stations as they are now.
        root.sceneProperty().addListener((o, before, after) -> {
            if (after != null) {
                model.refresh();
            }
        });
        render();
    }

    private void render() {
        String selected = selectedKey();
        stationList.getItems().setAll(model.stations());
        model.stations().stream().filter(d -> d.key().equals(selected)).findFirst()
                .ifPresent(d -> stationList.getSelectionModel().select(d));
        categoryGrid.getChildren().clear();
        int row = 0;
        for (KitchenStationsViewModel.Assignment a : model.assignments()) {
            Label caption = new Label(a.caption());
            caption.getStyleClass().add("editor-category");
            caption.setWrapText(true);
            ComboBox<String> station = new ComboBox<>();
            station.setId("station-of-" + a.categoryId());
            station.getItems().add(""); // the catch-all
            model.stations().forEach(d -> station.getItems().add(d.key()));
            station.setCellFactory(list -> new StationCell(a.categoryId()));
            station.setButtonCell(new StationCell(a.categoryId()));
            station.setValue(a.stationKey() == null ? "" : a.stationKey());
            station.setMinWidth(220);
            station.valueProperty().addListener((o, before, after) -> {
                if (after != null && !Objects.equals(after, before)) {
                    model.assign(a.categoryId(), after.isEmpty() ? null : after);
                }
            });
            categoryGrid.addRow(row++, caption, station);
        }
    }

    /** A station by name; the empty choice reads as the catch-all's name. */
    private final class StationCell extends ListCell<String> {
        private final String categoryId;

        StationCell(String categoryId) {
            this.categoryId = categoryId;
        }

        @Override
        protected void updateItem(String key, boolean empty) {
            super.updateItem(key, empty);
            if (empty || key == null) {
                setText(null);
            } else if (key.isEmpty()) {
                String catchAll = model.stations().stream().filter(KitchenStationsViewModel.Draft::catchAll)
                        .map(KitchenStationsViewModel.Draft::name).findFirst().orElse("");
                setText(texts.toCatchAll(catchAll));
            } else {
                setText(model.stations().stream().filter(d -> d.key().equals(key))
                        .map(KitchenStationsViewModel.Draft::name).findFirst().orElse(key));
            }
        }
    }

    private String selectedKey() {
        KitchenStationsViewModel.Draft d = stationList.getSelectionModel().getSelectedItem();
        return d == null ? null : d.key();
    }

    @FXML
    private void onAdd() {
        model.add(stationName.getText());
        stationName.clear();
    }

    @FXML
    private void onRename() {
        String key = selectedKey();
        if (key != null) {
            model.rename(key, stationName.getText());
        }
    }

    @FXML
    private void onRemove() {
        String key = selectedKey();
        if (key != null) {
            model.remove(key);
        }
    }

    @FXML
    private void onCatchAll() {
        String key = selectedKey();
        if (key != null) {
            model.makeCatchAll(key);
        }
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
