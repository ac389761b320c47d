package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.webhooks.DeliveryAttempt;
import io.brigade.protocol.webhooks.SubscriptionRequest;
import io.brigade.protocol.webhooks.SubscriptionView;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

/**
 * The webhooks tab: subscriptions, the create/edit form (a selected row is edited, "New" starts a new one), and
 * the selected subscription's delivery log.
 */
public final class WebhooksController {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    @FXML private Label tierGate;
    @FXML private TableView<SubscriptionView> table;
    @FXML private TableColumn<SubscriptionView, String> urlColumn;
    @FXML private TableColumn<SubscriptionView, String> eventsColumn;
    @FXML private TableColumn<SubscriptionView, String> statusColumn;
    @FXML private TableColumn<SubscriptionView, String> failuresColumn;
    @FXML private Button test;
    @FXML private Button enable;
    @FXML private Button delete;
    @FXML private TextField url;
    @FXML private TextField properties;
    @FXML private FlowPane eventTypes;
    @FXML private Button save;
    @FXML private Label message;
    @FXML private Label logTitle;
    @FXML private TableView<DeliveryAttempt> log;
    @FXML private TableColumn<DeliveryAttempt, String> attemptedColumn;
    @FXML private TableColumn<DeliveryAttempt, String> eventColumn;
    @FXML private TableColumn<DeliveryAttempt, String> codeColumn;
    @FXML private TableColumn<DeliveryAttempt, String> latencyColumn;
    @FXML private TableColumn<DeliveryAttempt, String> detailColumn;
    private final List<CheckBox> eventBoxes = new ArrayList<>();
    private WebhooksViewModel model;
    private boolean syncing;

    public void bind(WebhooksViewModel model) {
        this.model = model;
        for (int i = 0; i < WebhooksViewModel.EVENT_TYPES.size(); i++) {
            CheckBox box = new CheckBox(WebhooksViewModel.EVENT_TYPES.get(i));
            box.setId("hookEvent" + i);
            box.setMnemonicParsing(false); // sales_channel.* would lose its underscore to a mnemonic

            eventBoxes.add(box);
        }
        eventTypes.getChildren().setAll(eventBoxes);
        table.setItems(model.subscriptions());
        Cells.text(urlColumn, SubscriptionView::callbackUrl);
        Cells.text(eventsColumn, s -> String.join(", ", s.eventTypes()));
        Cells.text(statusColumn, WebhooksViewModel::status);
        statusColumn.setCellFactory(c -> new StyledCell<>(s -> s.equals(TEXTS.active()) ? "status-ok" : "status-failing"));
        Cells.text(failuresColumn, s -> String.valueOf(s.consecutiveFailures()));
        failuresColumn.setCellFactory(c -> new StyledCell<>(s -> "0".equals(s) ? null : "status-failing"));
        log.setItems(model.deliveries());
        Cells.text(attemptedColumn, a -> Cells.time(a.attemptedAt()));
        Cells.text(eventColumn, DeliveryAttempt::eventType);
        Cells.text(codeColumn, WebhooksViewModel::outcome);
        codeColumn.setCellFactory(c -> new StyledCell<>(s -> s.startsWith("2") && s.length() == 3 ? "status-ok"
                : "status-failing"));
        Cells.text(latencyColumn, a -> TEXTS.milliseconds(a.latencyMs()));
        Cells.text(detailColumn, a -> a.error() != null ? a.error() : a.responseBody() == null ? ""
                : a.responseBody());

        // The table's selection and the model's stay one: a click selects, a refresh re-selects ("New" clears;
        // the table clearing itself while its rows are replaced is not a choice the manager made).
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null && now != model.selectedProperty().get()) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            syncing = true;
            try {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                }
            } finally {
                syncing = false;
            }
            if (was == null || now == null || !was.subscriptionId().equals(now.subscriptionId())) {
                fill(now);
            }
        });
        var selected = model.selectedProperty();
        test.disableProperty().bind(selected.isNull());
        delete.disableProperty().bind(selected.isNull());
        enable.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().enabled(), selected));
        save.textProperty().bind(Bindings.when(selected.isNull()).then(TEXTS.create()).otherwise(TEXTS.saveChanges()));
        logTitle.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null ? TEXTS.deliveryLog()
                : TEXTS.deliveryLogOf(selected.get().callbackUrl()), selected));
        tierGate.textProperty().bind(model.tierGateProperty());
        tierGate.visibleProperty().bind(model.tierGateProperty().isNotEmpty());
        tierGate.managedProperty().bind(tierGate.visibleProperty());
        message.textProperty().bind(model.messageProperty());
    }

    private void fill(SubscriptionView s) {
        url.setText(s == null ? "" : s.callbackUrl());
        properties.setText(s == null || s.propertyIds() == null ? "" : String.join(", ", s.propertyIds()));
        for (CheckBox box : eventBoxes) {
            box.setSelected(s != null && s.eventTypes().contains(box.getText()));
        }
    }

    public void refresh() {
        model.refresh();
    }

    private SubscriptionRequest draft() {
        List<String> types = eventBoxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
        return WebhooksViewModel.draft(url.getText().strip(), types, WebhooksViewModel.split(properties.getText()));
    }

    @FXML
    private void onSave() {
        SubscriptionView s = model.selectedProperty().get();
        if (s == null) {
            model.create(draft(), created -> ShowOnceDialog.show(table.getScene().getWindow(),
                    TEXTS.signingSecretFor(created.callbackUrl()), TEXTS.signingSecretWhat(), created.secret()));
        } else {
            model.update(s.subscriptionId(), draft());
        }
    }

    @FXML
    private void onNew() {
        model.select(null);
        fill(null);
    }

    @FXML
    private void onTest() {
        SubscriptionView s = model.selectedProperty().get();
        if (s != null) {
            model.sendTest(s.subscriptionId());
        }
    }

    @FXML
    private void onEnable() {
        SubscriptionView s = model.selectedProperty().get();
        if (s != null) {
            model.enable(s.subscriptionId());
        }
    }

    @FXML
    private void onDelete() {
        SubscriptionView s = model.selectedProperty().get();
        if (s != null && Confirm.ask(table.getScene().getWindow(), TEXTS.deleteQuestion(s.callbackUrl()),
                TEXTS.deleteDetail(), TEXTS.deleteAction())) {
            model.delete(s.subscriptionId());
        }
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }

    /** A text cell with a style class chosen from its text (red for failures, green for success). */
    private static final class StyledCell<S> extends TableCell<S, String> {
        private final java.util.function.Function<String, String> styleOf;

        StyledCell(java.util.function.Function<String, String> styleOf) {
            this.styleOf = styleOf;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeAll("status-ok", "status-failing");
            if (empty || text == null) {
                setText(null);
                return;
            }
            setText(text);
            String style = styleOf.apply(text);
            if (style != null) {
                getStyleClass().add(style);
            }
        }
    }
}
