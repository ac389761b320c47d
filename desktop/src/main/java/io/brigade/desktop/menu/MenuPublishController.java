package io.brigade.desktop.menu;


import io.brigade.desktop.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The menu editor's publish tab: the saved revision and the channels to put it on sale on. */
public final class MenuPublishController {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

    @FXML private Label publishInfo;
    @FXML private VBox publishTargets;
    @FXML private Button publish;
    private MenuEditorViewModel model;

    public void bind(MenuEditorViewModel model) {
        this.model = model;
        publish.disableProperty().bind(model.busyProperty().or(model.baseProperty().isNull()));
        publishInfo.textProperty().bind(Bindings.createStringBinding(() -> model.baseProperty().get() == null ? ""
                : TEXTS.publishInfo(model.baseProperty().get().revisionId()), model.baseProperty()));
        publish.textProperty().bind(Bindings.createStringBinding(() -> model.baseProperty().get() == null
                ? TEXTS.publish() : TEXTS.publishRevision(model.baseProperty().get().revisionId()), model.baseProperty()));
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

    @FXML
    private void onPublish() {
        model.publish();
    }
}
