package io.brigade.desktop.kitchen;

import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenPrepTimes;
import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.sales.DispatchType;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Binds the kitchen screen to its {@link KitchenViewModel}: a station's columns (new, in preparation, bumped here)
 * or the expo's (in progress with each station's progress, ready at the pass), the stream banner, all-day counts,
 * prep times, and the bump-bar keys (1–9 select, Enter bumps or serves the selected ticket, S starts, R recalls,
 * M mutes). A tap selects a ticket; a tap on a line of the selected ticket marks it done.
 */
public final class KitchenController {
    @FXML private BorderPane root;
    @FXML private Label banner;
    @FXML private ComboBox<String> viewChoice;
    @FXML private Button startButton;
    @FXML private Button bumpButton;
    @FXML private Button recallButton;
    @FXML private ToggleButton mute;
    @FXML private Label liveStatus;
    @FXML private HBox columns;
    @FXML private VBox allDay;
    @FXML private VBox prepTimes;
    @FXML private Label message;

    private KitchenViewModel model;
    private KitchenTexts texts;
    private DateTimeFormatter timeOfDay;
    private final Map<String, Label> ageLabels = new HashMap<>();
    private final Map<String, Node> cards = new HashMap<>();
    private final EventHandler<KeyEvent> keys = this::onKey;

    /** Wires the screen to its model, which carries out the cook's commands. */
    public void bind(KitchenViewModel viewModel, KitchenTexts words, ZoneId zone) {
        this.model = viewModel;
        this.texts = words;
        message.textProperty().bind(model.messageProperty());
        this.timeOfDay = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);

        viewChoice.setCellFactory(list -> new ViewCell());
        viewChoice.setButtonCell(new ViewCell());
        model.stations().addListener((javafx.collections.ListChangeListener<KitchenStation>) c -> fillViews());
        fillViews();
        viewChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.show(b);
            }
        });
        // Once a screen is chosen the bump bar's keys are the screen's again, not the chooser's.
        viewChoice.setOnHidden(e -> root.requestFocus());
        model.viewProperty().addListener((o, a, b) -> viewChoice.setValue(b));

        mute.selectedProperty().bindBidirectional(model.mutedProperty());
        mute.textProperty().bind(javafx.beans.binding.Bindings.when(mute.selectedProperty())
                .then(texts.muted()).otherwise(texts.soundOn()));

        banner.managedProperty().bind(banner.visibleProperty());
        model.liveProperty().addListener((o, a, b) -> refreshStatus());
        model.lastUpdateProperty().addListener((o, a, b) -> refreshStatus());
        model.downReasonProperty().addListener((o, a, b) -> refreshStatus());
        refreshStatus();

        model.versionProperty().addListener((o, a, b) -> render());
        model.prepTimesProperty().addListener((o, a, b) -> renderPrepTimes());
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

    private void fillViews() {
        List<String> ids = new ArrayList<>();
        model.stations().forEach(s -> ids.add(s.id()));
        ids.add(KitchenStations.EXPO);
        viewChoice.getItems().setAll(ids);
        viewChoice.setValue(model.viewProperty().get());
    }

    /** Shows a view id by its name: a station's name, or the expo's. */
    private final class ViewCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : KitchenStations.EXPO.equals(item) ? texts.expo()
                    : model.stationName(item));
        }
    }

    private void refreshStatus() {
        boolean live = model.liveProperty().get();
        String last = model.lastUpdateProperty().get() == null ? texts.never()
                : timeOfDay.format(model.lastUpdateProperty().get());
        banner.setVisible(!live);
        String reason = model.downReasonProperty().get();
        banner.setText(reason.isEmpty() ? texts.notLive(last) : texts.notLiveBecause(last, reason));
        liveStatus.setText(live ? texts.live() : texts.offline());
        liveStatus.getStyleClass().setAll("label", "live-status", live ? "live" : "offline");
    }

    private void tick() {
        for (Map.Entry<String, Label> e : ageLabels.entrySet()) {
            KitchenTicket t = model.ticket(e.getKey());
            if (t != null) {
                e.getValue().setText(KitchenViewModel.clockText(model.age(t)));
                Node card = cards.get(e.getKey());
                if (card != null) {
                    ageStyle(card, t);
                }
            }
        }
    }

    private void render() {
        boolean expo = model.isExpo();
        startButton.setVisible(!expo);
        startButton.setManaged(!expo);
        bumpButton.setText(expo ? texts.serve() : texts.bump());
        ageLabels.clear();
        cards.clear();
        List<Node> shown = new ArrayList<>();
        for (KitchenViewModel.Column c : model.columns()) {
            shown.add(column(c, model.column(c)));
        }
        columns.getChildren().setAll(shown);
        allDay.getChildren().clear();
        for (Map.Entry<String, Integer> e : model.allDayCounts()) {
            Label count = new Label(e.getValue() + "");
            count.getStyleClass().add("all-day-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            Label name = new Label(e.getKey());
            name.getStyleClass().add("all-day-name");
            name.setWrapText(true);
            HBox row = new HBox(8, count, name);
            row.getStyleClass().add("all-day-row");
            allDay.getChildren().add(row);
        }
        renderPrepTimes();
        tick();
    }

    private Node column(KitchenViewModel.Column c, List<KitchenTicket> tickets) {
        String title = switch (c) {
            case NEW -> texts.columnNew();
            case IN_PREPARATION -> texts.columnPreparing();
            case BUMPED -> texts.columnBumped();
            case IN_PROGRESS -> texts.columnInProgress();
            case READY -> texts.columnReady();
        };
        Label header = new Label(texts.columnHeader(title, tickets.size()));
        header.getStyleClass().add("column-header");
        header.setMaxWidth(Double.MAX_VALUE);
        VBox body = new VBox(10);
        body.setId("column-" + c.name());
        body.getStyleClass().add("column-body");
        body.getChildren().setAll(tickets.stream().map(t -> card(t, c)).toList());
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox column = new VBox(header, scroll);
        column.getStyleClass().add("kitchen-column");
        column.setPrefWidth(100);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    private Node card(KitchenTicket t, KitchenViewModel.Column column) {
        int key = model.keyOf(t.ticketId());
        Label number = new Label(key == 0 ? "" : String.valueOf(key));
        number.getStyleClass().add("ticket-key");
        number.setVisible(key > 0);
        number.setManaged(key > 0);
        Label id = new Label("#" + t.displayId());
        id.getStyleClass().add("ticket-id");
        Label age = new Label(KitchenViewModel.clockText(model.age(t)));
        age.getStyleClass().add("ticket-age");
        ageLabels.put(t.ticketId(), age);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Number and age never shrink: they are what a cook reads first, from across the kitchen (a long name
        // of a tab gives way first).
        for (Label l : List.of(number, age)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox head = new HBox(8, number, id, spacer, age);
        head.getStyleClass().add("ticket-head");
        Label where = new Label(where(t));
        where.getStyleClass().add("ticket-where");
        where.setWrapText(true);

        VBox card = new VBox(4, head, where);
        boolean voided = KitchenTicket.VOIDED.equals(t.status())
                || (!model.isExpo() && t.items().stream().allMatch(KitchenItem::fullyVoided));
        if (voided) {
            Label flag = new Label(model.isExpo() ? texts.voidTicketAtExpo() : texts.voidTicketAtStation());
            flag.getStyleClass().add("ticket-void");
            flag.setWrapText(true);
            flag.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().add(flag);
        }
        if (model.isExpo()) {
            for (KitchenTicket.Station s : t.stations()) {
                Label progress = new Label(progress(s));
                progress.getStyleClass().addAll("station-progress", s.liveLines() == 0 ? "station-void"
                        : s.bumped() ? "station-bumped" : s.startedAt() != null ? "station-cooking"
                        : "station-waiting");
                progress.setMaxWidth(Double.MAX_VALUE);
                progress.setId("progress-" + t.ticketId() + "-" + s.stationId());
                card.getChildren().add(progress);
                t.items().stream().filter(i -> s.stationId().equals(i.stationId()))
                        .forEach(i -> lines(card, t, i));
            }
        } else {
            t.items().forEach(i -> lines(card, t, i));
        }
        card.setId("ticket-" + t.ticketId());
        card.getStyleClass().add("ticket");
        if (t.ticketId().equals(model.selectedProperty().get())) {
            card.getStyleClass().add("selected");
        }
        if (column == KitchenViewModel.Column.BUMPED) {
            card.getStyleClass().add("bumped");
        }
        ageStyle(card, t);
        card.setOnMouseClicked(e -> model.select(t.ticketId()));
        cards.put(t.ticketId(), card);
        return card;
    }

    private void lines(VBox card, KitchenTicket t, KitchenItem item) {
        String seat = item.seat() == null ? "" : texts.seat(item.seat()) + "  ";
        String what = texts.line(item.fullyVoided() ? item.quantity() : item.liveQuantity(), item.name());
        Label line = new Label(seat + (item.done() && !item.fullyVoided() ? texts.lineDoneMark(what) : what));
        line.getStyleClass().add("ticket-item");
        if (item.done()) {
            line.getStyleClass().add("item-done");
        }
        if (item.fullyVoided()) {
            line.getStyleClass().add("item-void");
        }
        line.setId("line-" + t.ticketId() + "-" + item.lineId());
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        line.setOnMouseClicked(e -> {
            e.consume();
            if (t.ticketId().equals(model.selectedProperty().get()) && !item.fullyVoided()) {
                model.toggleLine(t.ticketId(), item);
            } else {
                model.select(t.ticketId());
            }
        });
        card.getChildren().add(line);
        if (item.voidedQuantity() > 0) {
            Label v = new Label("   " + texts.voidedLine(item.voidedQuantity(), item.voidReason() == null ? ""
                    : item.voidReason()));
            v.getStyleClass().add("ticket-void-line");
            v.setWrapText(true);
            v.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().add(v);
        }
        for (String m : item.modifiers()) {
            Label mod = new Label("   + " + m.strip());
            mod.getStyleClass().add("ticket-modifier");
            mod.setWrapText(true);
            mod.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().add(mod);
        }
        if (item.notes() != null) {
            Label note = new Label("   ! " + item.notes());
            note.getStyleClass().add("ticket-note");
            note.setWrapText(true);
            note.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().add(note);
        }
    }

    private String progress(KitchenTicket.Station s) {
        if (s.liveLines() == 0) {
            return texts.stationVoid(s.name());
        }
        if (s.bumped()) {
            return texts.stationBumped(s.name(), timeOfDay.format(s.bumpedAt()).substring(0, 5));
        }
        return s.startedAt() != null ? texts.stationCooking(s.name()) : texts.stationWaiting(s.name());
    }

    private String where(KitchenTicket t) {
        DispatchType d = t.dispatchType() == null ? DispatchType.DineIn : t.dispatchType();
        List<String> parts = new ArrayList<>();
        parts.add(switch (d) {
            case DineIn -> texts.dineIn();
            case TakeAway -> texts.takeaway();
            case Collection -> texts.collection();
            case Delivery -> texts.delivery();
        });
        if (t.table() != null) {
            parts.add(texts.table(t.table()));
        }
        if (t.guests() != null) {
            parts.add(texts.guests(t.guests()));
        }
        if (t.round() != null && t.round() > 1) {
            parts.add(texts.round(t.round()));
        }
        if (t.course() != null && t.course() > 1) {
            parts.add(texts.course(t.course()));
        }
        return String.join(" · ", parts);
    }

    private void renderPrepTimes() {
        prepTimes.getChildren().clear();
        KitchenPrepTimes times = model.prepTimesProperty().get();
        if (times == null) {
            return;
        }
        for (KitchenPrepTimes.Station s : times.stations()) {
            Label name = new Label(s.name());
            name.getStyleClass().add("prep-name");
            Label figures = new Label(s.averageSeconds() == null ? texts.noPrepTime(s.name())
                    : texts.prepTime(s.name(), KitchenViewModel.clockText(Duration.ofSeconds(s.averageSeconds())),
                    KitchenViewModel.clockText(Duration.ofSeconds(s.p90Seconds())), s.bumped()));
            figures.getStyleClass().add("prep-figures");
            figures.setWrapText(true);
            VBox row = new VBox(0, name, figures);
            row.setId("prep-" + s.stationId());
            row.getStyleClass().add("prep-row");
            if (s.stationId().equals(model.viewProperty().get())) {
                row.getStyleClass().add("current");
            }
            prepTimes.getChildren().add(row);
        }
    }

    private void ageStyle(Node card, KitchenTicket t) {
        String wanted = switch (model.ageColour(t)) {
            case FRESH -> "age-fresh";
            case AMBER -> "age-amber";
            case RED -> "age-red";
        };
        if (card.getStyleClass().contains("bumped") || (model.isExpo() && KitchenTicket.READY.equals(t.status()))) {
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
        // Enter or an arrow in the screen chooser picks a screen: it must not bump or serve a ticket as well.
        if (e.getTarget() instanceof ComboBoxBase<?> && (viewChoice.isShowing() || code == KeyCode.ENTER
                || code == KeyCode.SPACE || code.isArrowKey() || code == KeyCode.ESCAPE)) {
            return;
        }
        if (code.isDigitKey() && code != KeyCode.DIGIT0 && code != KeyCode.NUMPAD0) {
            model.selectKey(Integer.parseInt(code.getName().replaceAll("\\D", "")));
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
}
