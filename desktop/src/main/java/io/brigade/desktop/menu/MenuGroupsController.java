package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Texts;
import static io.brigade.desktop.menu.MenuCells.column;
import static io.brigade.desktop.menu.MenuCells.errorRow;
import static io.brigade.desktop.menu.MenuCells.problemColumn;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The menu editor's modifier groups tab: the groups, the selected one's limits and its options. */
public final class MenuGroupsController {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

    @FXML private ListView<GroupDraft> groupList;
    @FXML private TextField groupCaption;
    @FXML private TextField groupMin;
    @FXML private TextField groupMax;
    @FXML private Label groupError;
    @FXML private TableView<ItemDraft> optionTable;
    @FXML private TextField optionCaption;
    @FXML private TextField optionPrice;
    @FXML private TextField optionCost;
    private MenuEditorViewModel model;

    public void bind(MenuEditorViewModel model) {
        this.model = model;
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
        optionTable.getColumns().setAll(column(TEXTS.option(), 200, ItemDraft::captionProperty),
                column(TEXTS.price(), 80, ItemDraft::priceProperty), column(TEXTS.cost(), 80, ItemDraft::costProperty),
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


}
