package io.brigade.desktop.menu;

import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.MenuSummary;
import io.brigade.protocol.org.SalesChannel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the menu workspace to {@link MenuEditorViewModel} and {@link SnoozePanelModel}; no logic of its own. */
public final class MenuController {
    @FXML private BorderPane root;
    @FXML private ComboBox<MenuSummary> menuPicker;
    @FXML private Label revisionInfo;
    @FXML private Button saveRevision;
    @FXML private TableView<ItemDraft> itemTable;
    @FXML private ComboBox<Category> newItemCategory;
    @FXML private TextField newItemCaption;
    @FXML private VBox itemForm;
    @FXML private TextField itemCaption;
    @FXML private TextArea itemDescription;
    @FXML private TextField itemPrice;
    @FXML private TextField itemCost;
    @FXML private CheckBox itemAvailable;
    @FXML private Label itemError;
    @FXML private ListView<GroupDraft> groupList;
    @FXML private TextField groupCaption;
    @FXML private TextField groupMin;
    @FXML private TextField groupMax;
    @FXML private Label groupError;
    @FXML private TableView<ItemDraft> optionTable;
    @FXML private TextField optionCaption;
    @FXML private TextField optionPrice;
    @FXML private TextField optionCost;
    @FXML private Label publishInfo;
    @FXML private VBox publishTargets;
    @FXML private Button publish;
    @FXML private ComboBox<SalesChannel> snoozeChannelPicker;
    @FXML private TextField snoozeUntil;
    @FXML private Label channelStatus;
    @FXML private TableView<SnoozePanelModel.Row> snoozeTable;
    @FXML private Label snoozeMessage;
    @FXML private Label message;
    private MenuEditorViewModel model;
    private SnoozePanelModel snoozes;
    private boolean picking;

    public void bind(MenuEditorViewModel model, SnoozePanelModel snoozes) {
        this.model = model;
        this.snoozes = snoozes;
        bindMenuPicker();
        bindItems();
        bindGroups();
        bindPublish();
        bindSnoozes();
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((o, a, failed) -> style(message, "failed", failed));
        saveRevision.disableProperty().bind(model.busyProperty().or(model.baseProperty().isNull()));
        publish.disableProperty().bind(model.busyProperty().or(model.baseProperty().isNull()));
        model.overviewProperty().addListener((o, a, overview) -> {
            if (overview != null) {
                snoozes.overviewArrived(overview);
            }
        });
        // Load whenever the workspace is shown (the manager's session opens on first use, and another manager
        // may have changed the menu since), but never throw away unsaved edits: a glance at the till keeps them.
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && (model.baseProperty().get() == null || !model.isChanged())) {
                onReload();
            }
        });
    }

    private void bindMenuPicker() {
        menuPicker.setItems(model.menus());
        menuPicker.setConverter(converter(m -> m.name() + " (" + m.currency() + ")"));
        menuPicker.valueProperty().addListener((o, a, m) -> {
            if (m != null && !picking && (model.menuProperty().get() == null
                    || !model.menuProperty().get().menuId().equals(m.menuId()))) {
                model.open(m);
            }
        });
        model.menuProperty().addListener((o, a, m) -> {
            picking = true;
            menuPicker.setValue(m);
            picking = false;
        });
        model.menus().addListener((ListChangeListener<MenuSummary>) c -> javafx.application.Platform.runLater(() -> {
            picking = true;
            menuPicker.setValue(model.menuProperty().get());
            picking = false;
        }));
        revisionInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            MenuRevision base = model.baseProperty().get();
            MenuSummary m = model.menuProperty().get();
            if (base == null || m == null) {
                return "";
            }
            return "Draft of revision " + base.revisionId() + " · " + (m.revisions() == null ? 0 : m.revisions().size())
                    + " revision(s) · on sale on " + (m.publications() == null ? 0 : m.publications().size())
                    + " channel(s)";
        }, model.baseProperty(), model.menuProperty()));
    }

    private void bindItems() {
        itemTable.setItems(model.items());
        itemTable.getColumns().setAll(
                column("Category", 110, d -> new javafx.beans.property.SimpleStringProperty(categoryName(d))),
                column("Item", 190, ItemDraft::captionProperty),
                column("Price", 80, ItemDraft::priceProperty),
                column("Cost", 80, ItemDraft::costProperty),
                column("Margin", 80, d -> Bindings.createStringBinding(() -> margin(d.priceProperty().get(),
                        d.costProperty().get()), d.priceProperty(), d.costProperty())),
                column("Listed", 80, d -> Bindings.createStringBinding(() -> d.availableProperty().get() ? "Yes"
                        : "Off", d.availableProperty())),
                problemColumn());
        itemTable.setRowFactory(t -> errorRow());
        itemTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (was != null) {
                itemCaption.textProperty().unbindBidirectional(was.captionProperty());
                itemDescription.textProperty().unbindBidirectional(was.descriptionProperty());
                itemPrice.textProperty().unbindBidirectional(was.priceProperty());
                itemCost.textProperty().unbindBidirectional(was.costProperty());
                itemAvailable.selectedProperty().unbindBidirectional(was.availableProperty());
                itemError.textProperty().unbind();
            }
            itemForm.setDisable(now == null);
            if (now == null) {
                for (TextInputControl f : new TextInputControl[] {itemCaption, itemDescription, itemPrice, itemCost}) {
                    f.clear();
                }
                itemError.setText("");
                return;
            }
            itemCaption.textProperty().bindBidirectional(now.captionProperty());
            itemDescription.textProperty().bindBidirectional(now.descriptionProperty());
            itemPrice.textProperty().bindBidirectional(now.priceProperty());
            itemCost.textProperty().bindBidirectional(now.costProperty());
            itemAvailable.selectedProperty().bindBidirectional(now.availableProperty());
            itemError.textProperty().bind(now.errorProperty());
        });
        itemForm.setDisable(true);
        newItemCategory.setItems(model.categories());
        newItemCategory.setConverter(converter(Category::caption));
        model.categories().addListener((ListChangeListener<Category>) c -> {
            if (newItemCategory.getValue() == null && !model.categories().isEmpty()) {
                newItemCategory.setValue(model.categories().get(0));
            }
        });
    }

    private void bindGroups() {
        groupList.setItems(model.groups());
        groupList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(GroupDraft g, boolean empty) {
                super.updateItem(g, empty);
                textProperty().unbind();
                if (empty || g == null) {
                    setText(null);
                    return;
                }
                textProperty().bind(Bindings.createStringBinding(() -> g.captionProperty().get() + "  ("
                        + g.minProperty().get() + "–" + g.maxProperty().get() + ")"
                        + (g.errorProperty().get().isEmpty() ? "" : "  ⚠"), g.captionProperty(), g.minProperty(),
                        g.maxProperty(), g.errorProperty()));
            }
        });
        optionTable.getColumns().setAll(column("Option", 200, ItemDraft::captionProperty),
                column("Price", 80, ItemDraft::priceProperty), column("Cost", 80, ItemDraft::costProperty),
                problemColumn());
        optionTable.setRowFactory(t -> errorRow());
        groupList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (was != null) {
                groupCaption.textProperty().unbindBidirectional(was.captionProperty());
                groupMin.textProperty().unbindBidirectional(was.minProperty());
                groupMax.textProperty().unbindBidirectional(was.maxProperty());
                groupError.textProperty().unbind();
            }
            optionTable.setItems(now == null ? null : now.options());
            if (now == null) {
                groupError.setText("");
                return;
            }
            groupCaption.textProperty().bindBidirectional(now.captionProperty());
            groupMin.textProperty().bindBidirectional(now.minProperty());
            groupMax.textProperty().bindBidirectional(now.maxProperty());
            groupError.textProperty().bind(now.errorProperty());
        });
        model.groups().addListener((ListChangeListener<GroupDraft>) c -> {
            if (!model.groups().isEmpty()) {
                groupList.getSelectionModel().selectFirst();
            }
        });
        optionTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (was != null) {
                optionCaption.textProperty().unbindBidirectional(was.captionProperty());
                optionPrice.textProperty().unbindBidirectional(was.priceProperty());
                optionCost.textProperty().unbindBidirectional(was.costProperty());
            }
            if (now != null) {
                optionCaption.textProperty().bindBidirectional(now.captionProperty());
                optionPrice.textProperty().bindBidirectional(now.priceProperty());
                optionCost.textProperty().bindBidirectional(now.costProperty());
            }
        });
    }

    private void bindPublish() {
        publishInfo.textProperty().bind(Bindings.createStringBinding(() -> model.baseProperty().get() == null ? ""
                : "Publishing puts saved revision " + model.baseProperty().get().revisionId()
                + " on sale on the ticked channels (save your draft first).", model.baseProperty()));
        publish.textProperty().bind(Bindings.createStringBinding(() -> model.baseProperty().get() == null ? "Publish"
                : "Publish revision " + model.baseProperty().get().revisionId(), model.baseProperty()));
        model.targets().addListener((ListChangeListener<MenuEditorViewModel.ChannelChoice>) c -> {
            publishTargets.getChildren().clear();
            for (MenuEditorViewModel.ChannelChoice choice : model.targets()) {
                CheckBox box = new CheckBox(choice.channel().name() + " (" + choice.channel().salesChannelType()
                        + ") — " + choice.current());
                box.setId("publish-" + choice.channel().salesChannelId());
                box.selectedProperty().bindBidirectional(choice.selectedProperty());
                publishTargets.getChildren().add(box);
            }
        });
    }

    private void bindSnoozes() {
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
        TableColumn<SnoozePanelModel.Row, String> category = new TableColumn<>("Category");
        category.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().category()));
        category.setPrefWidth(140);
        TableColumn<SnoozePanelModel.Row, String> item = new TableColumn<>("Item");
        item.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().caption()));
        item.setPrefWidth(240);
        TableColumn<SnoozePanelModel.Row, String> status = new TableColumn<>("Status");
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

    private TableRow<ItemDraft> errorRow() {
        return new TableRow<>() {
            private final javafx.beans.value.ChangeListener<String> watch = (o, a, b) -> update();

            @Override
            protected void updateItem(ItemDraft d, boolean empty) {
                if (getItem() != null) {
                    getItem().errorProperty().removeListener(watch);
                }
                super.updateItem(d, empty);
                if (d != null && !empty) {
                    d.errorProperty().addListener(watch);
                }
                update();
            }

            private void update() {
                style(this, "has-error", getItem() != null && !isEmpty() && !getItem().errorProperty().get().isEmpty());
            }
        };
    }

    private TableColumn<ItemDraft, String> problemColumn() {
        TableColumn<ItemDraft, String> c = column("Problem", 280, ItemDraft::errorProperty);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("problem-cell");
                if (!empty && text != null && !text.isEmpty()) {
                    getStyleClass().add("problem-cell");
                }
            }
        });
        return c;
    }

    private static TableColumn<ItemDraft, String> column(String title, double width,
                                                        Function<ItemDraft, ObservableValue<String>> value) {
        TableColumn<ItemDraft, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private String categoryName(ItemDraft d) {
        return model.categories().stream().filter(c -> c.id().equals(d.categoryId())).map(Category::caption)
                .findFirst().orElse("");
    }

    /** The gross margin the typed price and cost give, as a percentage of the price. */
    private static String margin(String price, String cost) {
        try {
            BigDecimal p = new BigDecimal(price.strip());
            BigDecimal c = new BigDecimal(cost.strip());
            if (p.signum() <= 0) {
                return "";
            }
            return p.subtract(c).multiply(BigDecimal.valueOf(100)).divide(p, 0, RoundingMode.HALF_UP) + " %";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static void style(javafx.scene.Node node, String styleClass, boolean on) {
        node.getStyleClass().remove(styleClass);
        if (on) {
            node.getStyleClass().add(styleClass);
        }
    }

    @FXML
    private void onReload() {
        MenuSummary current = model.menuProperty().get();
        model.load(current == null ? null : current.menuId());
    }

    @FXML
    private void onSave() {
        model.save();
    }

    @FXML
    private void onAddItem() {
        Category category = newItemCategory.getValue();
        String caption = newItemCaption.getText() == null ? "" : newItemCaption.getText().strip();
        if (category == null || caption.isEmpty()) {
            return;
        }
        ItemDraft added = model.addItem(category, caption);
        newItemCaption.clear();
        itemTable.getSelectionModel().select(added);
        itemTable.scrollTo(added);
        itemPrice.requestFocus();
    }

    @FXML
    private void onRemoveItem() {
        ItemDraft selected = itemTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.removeItem(selected);
        }
    }

    @FXML
    private void onPublish() {
        model.publish();
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
