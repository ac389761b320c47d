package io.brigade.desktop.kitchen;

import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenTicket;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Binds the kitchen display to its {@link KitchenViewModel}: three columns of ticket cards, the stream banner,
 * the all-day counts and the bump-bar keys (1–9 select, Enter bumps, S starts, R recalls, M mutes).
 */
public final class KitchenController {
    private static final String ALL = "All stations";
    @FXML private BorderPane root;
    @FXML private Label banner;
    @FXML private ComboBox<String> station;
    @FXML private Button startButton;
    @FXML private Button bumpButton;
    @FXML private Button recallButton;
    @FXML private ToggleButton mute;
    @FXML private Label average;
    @FXML private Label liveStatus;
    @FXML private Label newHeader;
    @FXML private Label preparingHeader;
    @FXML private Label readyHeader;
    @FXML private VBox newColumn;
    @FXML private VBox preparingColumn;
    @FXML private VBox readyColumn;
    @FXML private VBox allDay;
    @FXML private Label message;

    private KitchenViewModel model;
    private DateTimeFormatter timeOfDay;
    private final Map<String, Label> ageLabels = new HashMap<>();
    private final Map<String, Node> cards = new HashMap<>();
    /** Each work-queue ticket's number key, worked out once per render rather than once per card. */
    private final Map<String, Integer> numberKeys = new HashMap<>();
    private final EventHandler<KeyEvent> keys = this::onKey;

    /** Wires the screen to its model, which carries out the cook's commands. */
    public void bind(KitchenViewModel viewModel, ZoneId zone) {
        this.model = viewModel;
        message.textProperty().bind(model.messageProperty());
        this.timeOfDay = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);

        station.getItems().setAll(ALL);
        station.getItems().addAll(model.stations());
        model.stations().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String chosen = station.getValue();
            station.getItems().setAll(ALL);
            station.getItems().addAll(model.stations());
            station.setValue(chosen != null && station.getItems().contains(chosen) ? chosen : ALL);
        });
        station.setValue(ALL);
        station.valueProperty().addListener((o, a, b) -> model.stationProperty().set(ALL.equals(b) ? null : b));
        station.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });

        mute.selectedProperty().bindBidirectional(model.mutedProperty());
        mute.textProperty().bind(javafx.beans.binding.Bindings.when(mute.selectedProperty())
                .then("Muted (M)").otherwise("Sound on (M)"));

        banner.managedProperty().bind(banner.visibleProperty());
        model.liveProperty().addListener((o, a, b) -> refreshStatus());
        model.lastUpdateProperty().addListener((o, a, b) -> refreshStatus());
        model.downReasonProperty().addListener((o, a, b) -> refreshStatus());
        refreshStatus();

        model.versionProperty().addListener((o, a, b) -> render());
        render();

        Timeline tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();

        // Bump bars type into whatever has focus: listen on the whole scene while this screen is showing.
        root.sceneProperty().addListener((o, before, after) -> {
            if (before != null) {
                before.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (after != null) {
                after.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
    }

    private void refreshStatus() {
        boolean live = model.liveProperty().get();
        String last = model.lastUpdateProperty().get() == null ? "never"
                : timeOfDay.format(model.lastUpdateProperty().get());
        banner.setVisible(!live);
        banner.setText("NOT LIVE — connection to the server lost. Last update " + last
                + ". Reconnecting…" + (model.downReasonProperty().get().isEmpty() ? ""
                : " (" + model.downReasonProperty().get() + ")"));
        liveStatus.setText(live ? "● Live" : "● Offline");
        liveStatus.getStyleClass().setAll("live-status", live ? "live" : "offline");
    }

    private void tick() {
        for (Map.Entry<String, Label> e : ageLabels.entrySet()) {
            KitchenTicket t = model.ticket(e.getKey());
            if (t != null) {
                ageText(e.getValue(), t);
                Node card = cards.get(e.getKey());
                if (card != null) {
                    ageStyle(card, t);
                }
            }
        }
        java.time.Duration avg = model.averageTicketTime();
        average.setText("Avg ticket today: " + (avg == null ? "–" : KitchenViewModel.clockText(avg)));
    }

    private void render() {
        ageLabels.clear();
        cards.clear();
        numberKeys.clear();
        List<KitchenTicket> queue = model.workQueue();
        for (int i = 0; i < queue.size(); i++) {
            numberKeys.put(queue.get(i).saleId(), i + 1);
        }
        fill(newColumn, newHeader, "New", model.column(KitchenViewModel.Column.NEW));
        fill(preparingColumn, preparingHeader, "In preparation", model.column(KitchenViewModel.Column.IN_PREPARATION));
        fill(readyColumn, readyHeader, "Ready", model.column(KitchenViewModel.Column.READY));
        allDay.getChildren().clear();
        for (Map.Entry<String, Integer> e : model.allDayCounts()) {
            Label count = new Label(e.getValue() + "");
            count.getStyleClass().add("all-day-count");
            Label name = new Label(e.getKey());
            name.getStyleClass().add("all-day-name");
            name.setWrapText(true);
            HBox row = new HBox(8, count, name);
            row.getStyleClass().add("all-day-row");
            allDay.getChildren().add(row);
        }
        tick();
    }

    private void fill(VBox column, Label header, String title, List<KitchenTicket> tickets) {
        header.setText(title + "  (" + tickets.size() + ")");
        column.getChildren().setAll(tickets.stream().map(this::card).toList());
    }

    private Node card(KitchenTicket t) {
        int key = numberKeys.getOrDefault(t.saleId(), 0);
        Label number = new Label(key == 0 ? "" : String.valueOf(key));
        number.getStyleClass().add("ticket-key");
        number.setVisible(key > 0 && key <= 9);
        number.setManaged(key > 0 && key <= 9);
        Label id = new Label("#" + t.displayId());
        id.getStyleClass().add("ticket-id");
        Label where = new Label(dispatch(t));
        where.getStyleClass().add("ticket-where");
        Label age = new Label();
        age.getStyleClass().add("ticket-age");
        ageText(age, t);
        ageLabels.put(t.saleId(), age);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Number and age never shrink: they are what a cook reads first, from across the kitchen.
        for (Label l : List.of(number, id, age)) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox head = new HBox(8, number, id, spacer, age);
        head.getStyleClass().add("ticket-head");
        where.setWrapText(true);

        VBox body = new VBox(2);
        for (KitchenItem item : t.items()) {
            Label line = new Label(item.quantity() + " × " + item.name());
            line.getStyleClass().add("ticket-item");
            if (item.done()) {
                line.getStyleClass().add("item-done");
            }
            line.setId("item-" + t.displayId() + "-" + item.lineNo());
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            line.setOnMouseClicked(e -> {
                e.consume();
                model.toggleItem(t.saleId(), item);
            });
            body.getChildren().add(line);
            for (String m : item.modifiers()) {
                Label mod = new Label("   + " + m.strip());
                mod.getStyleClass().add("ticket-modifier");
                mod.setWrapText(true);
                body.getChildren().add(mod);
            }
            if (item.notes() != null) {
                Label note = new Label("   ! " + item.notes());
                note.getStyleClass().add("ticket-note");
                note.setWrapText(true);
                body.getChildren().add(note);
            }
        }
        VBox card = new VBox(4, head, where, body);
        card.setId("ticket-" + t.displayId());
        card.getStyleClass().add("ticket");
        if (t.saleId().equals(model.selectedProperty().get())) {
            card.getStyleClass().add("selected");
        }
        ageStyle(card, t);
        card.setOnMouseClicked(e -> model.select(t.saleId()));
        cards.put(t.saleId(), card);
        return card;
    }

    private static String dispatch(KitchenTicket t) {
        String type = switch (t.dispatchType() == null ? io.brigade.protocol.sales.DispatchType.DineIn
                : t.dispatchType()) {
            case DineIn -> "Dine in";
            case TakeAway -> "Takeaway";
            case Collection -> "Collection";
            case Delivery -> "Delivery";
        };
        return t.table() == null ? type : type + " · Table " + t.table();
    }

    private void ageText(Label label, KitchenTicket t) {
        label.setText(KitchenViewModel.clockText(model.age(t)));
    }

    private void ageStyle(Node card, KitchenTicket t) {
        String wanted = switch (model.ageColour(t)) {
            case FRESH -> "age-fresh";
            case AMBER -> "age-amber";
            case RED -> "age-red";
        };
        if (KitchenViewModel.column(t.status()) == KitchenViewModel.Column.READY) {
            wanted = "age-ready";
        }
        if (!card.getStyleClass().contains(wanted)) {
            card.getStyleClass().removeAll("age-fresh", "age-amber", "age-red", "age-ready");
            card.getStyleClass().add(wanted);
        }
    }

    private void onKey(KeyEvent e) {
        if (!showing() || e.getTarget() instanceof TextInputControl) {
            return;
        }
        KeyCode code = e.getCode();
        if (code.isDigitKey() && code != KeyCode.DIGIT0 && code != KeyCode.NUMPAD0) {
            int n = Integer.parseInt(code.getName().replaceAll("\\D", ""));
            model.selectKey(n);
        } else if (code == KeyCode.ENTER) {
            onBump();
        } else if (code == KeyCode.R) {
            onRecall();
        } else if (code == KeyCode.S) {
            onStart();
        } else if (code == KeyCode.M) {
            model.mutedProperty().set(!model.mutedProperty().get());
        } else {
            return;
        }
        e.consume();
    }

    /** True while this screen is on show (its tab selected): hidden tabs hide a parent, not the screen. */
    private boolean showing() {
        for (Node n = root; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return root.getScene() != null;
    }

    @FXML
    private void onBump() {
        model.bump();
    }

    @FXML
    private void onStart() {
        model.start();
    }

    @FXML
    private void onRecall() {
        model.recall();
    }

    /** The root, for the workspace to watch when the screen comes and goes. */
    public Parent root() {
        return root;
    }

    Scene scene() {
        return root.getScene();
    }
}
