package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Texts;
import static io.brigade.desktop.menu.MenuCells.column;
import static io.brigade.desktop.menu.MenuCells.converter;
import static io.brigade.desktop.menu.MenuCells.errorRow;
import static io.brigade.desktop.menu.MenuCells.margin;
import static io.brigade.desktop.menu.MenuCells.problemColumn;

import io.brigade.protocol.menus.Category;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.VBox;

/** The menu editor's items tab: the table of items, adding and removing one, and the selected item's form. */
public final class MenuItemsController {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

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
    private MenuEditorViewModel model;

    public void bind(MenuEditorViewModel model) {
        this.model = model;
        itemTable.setItems(model.items());
        itemTable.getColumns().setAll(
                column(TEXTS.category(), 110, d -> new javafx.beans.property.SimpleStringProperty(categoryName(d))),
                column(TEXTS.item(), 190, ItemDraft::captionProperty),
                column(TEXTS.price(), 80, ItemDraft::priceProperty),
                column(TEXTS.cost(), 80, ItemDraft::costProperty),
                column(TEXTS.margin(), 80, d -> Bindings.createStringBinding(() -> margin(d.priceProperty().get(),
                        d.costProperty().get()), d.priceProperty(), d.costProperty())),
                column(TEXTS.listed(), 80, d -> Bindings.createStringBinding(() -> d.availableProperty().get()
                        ? TEXTS.yes() : TEXTS.off(), d.availableProperty())),
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

    private String categoryName(ItemDraft d) {
        return model.categories().stream().filter(c -> c.id().equals(d.categoryId())).map(Category::caption)
                .findFirst().orElse("");
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
}
