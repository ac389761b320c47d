package io.brigade.desktop.kitchen;

import io.brigade.desktop.fx.Background;
import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenTicket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The kitchen display's state, without a screen: tickets by column, their ages and colours, the station
 * filter, all-day counts, the day's average ticket time, the selection and whether the stream is live.
 * Everything runs on the FX thread (tests call it directly); time comes from the injected {@link Clock}.
 */
public final class KitchenViewModel {
    /** The display's columns, from the sale's status. */
    public enum Column { NEW, IN_PREPARATION, READY }

    /** How late a ticket is. */
    public enum Age { FRESH, AMBER, RED }

    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, KitchenTicket> tickets = new LinkedHashMap<>();
    private final Map<String, Long> bumpSeconds = new HashMap<>();
    private int earlierBumped;
    private long earlierSeconds;
    private LocalDate statsDay;
    private final ObservableList<String> stations = FXCollections.observableArrayList();
    private final ObjectProperty<String> station = new SimpleObjectProperty<>();
    private final BooleanProperty live = new SimpleBooleanProperty(false);
    private final ObjectProperty<Instant> lastUpdate = new SimpleObjectProperty<>();
    private final StringProperty downReason = new SimpleStringProperty("");
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final StringProperty selected = new SimpleStringProperty();
    private final IntegerProperty version = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private KitchenActions actions;
    private Background background = Background.direct();
    private Duration amberAfter = Duration.ofMinutes(5);
    private Duration redAfter = Duration.ofMinutes(8);

    public KitchenViewModel(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        station.addListener((o, a, b) -> changed());
    }

    /** Age thresholds (amber and red); 5 and 8 minutes unless configured. */
    public void ageThresholds(Duration amber, Duration red) {
        if (amber.compareTo(red) > 0) {
            throw new IllegalArgumentException("amber must come before red");
        }
        this.amberAfter = amber;
        this.redAfter = red;
        changed();
    }

    // --- the stream -------------------------------------------------------------------------------------------

    /** A fresh picture from the server: replaces every ticket. */
    public void snapshot(KitchenSnapshot s) {
        tickets.clear();
        bumpSeconds.clear();
        s.tickets().forEach(t -> tickets.put(t.saleId(), t));
        statsDay = LocalDate.ofInstant(clock.instant(), zone);
        earlierBumped = s.today().bumped();
        earlierSeconds = s.today().averageSeconds() == null ? 0 : s.today().averageSeconds() * s.today().bumped();
        // Bumps already in the snapshot's figures are not counted again when their tickets are recalled.
        s.tickets().stream().filter(t -> t.bumpedAt() != null).forEach(t -> bumpSeconds.put(t.saleId(), -1L));
        heard();
        changed();
    }

    /** A new ticket; true when it was not on the display yet (the sound plays for those only). */
    public boolean created(KitchenTicket t) {
        heard();
        if (tickets.containsKey(t.saleId())) {
            return false;
        }
        tickets.put(t.saleId(), t);
        changed();
        return true;
    }

    /** The sale moved: past ready it leaves the display; a bump counts towards today's average. */
    public void status(String saleId, String status, Instant bumpedAt) {
        heard();
        KitchenTicket t = tickets.get(saleId);
        if (t == null) {
            return;
        }
        if (column(status) == null) {
            tickets.remove(saleId);
            if (saleId.equals(selected.get())) {
                selected.set(null);
            }
        } else {
            tickets.put(saleId, t.withStatus(status, bumpedAt));
        }
        countBump(t, status, bumpedAt);
        changed();
    }

    /** A line was marked done or not done. */
    public void itemDone(String saleId, int lineNo, boolean done) {
        heard();
        KitchenTicket t = tickets.get(saleId);
        if (t != null) {
            tickets.put(saleId, new KitchenTicket(t.saleId(), t.displayId(), t.propertyId(), t.dispatchType(),
                    t.table(), t.createdAt(), t.status(), t.bumpedAt(), t.items().stream()
                            .map(i -> i.lineNo() == lineNo ? i.withDone(done) : i).toList()));
            changed();
        }
    }

    /** A ticket as an action's answer returned it (the stream will say the same; applying twice is harmless). */
    public void replaced(KitchenTicket t) {
        KitchenTicket before = tickets.get(t.saleId());
        if (before == null) {
            if (column(t.status()) != null) {
                tickets.put(t.saleId(), t); // recalled from beyond the snapshot's ready window
                changed();
            }
            return;
        }
        if (!Objects.equals(before.status(), t.status())) {
            countBump(before, t.status(), t.bumpedAt());
        }
        tickets.put(t.saleId(), t);
        changed();
    }

    public void streamUp() {
        live.set(true);
        downReason.set("");
        if (lastUpdate.get() == null) {
            lastUpdate.set(clock.instant());
        }
    }

    public void streamDown(String why) {
        live.set(false);
        downReason.set(why == null ? "" : why);
    }

    private void heard() {
        lastUpdate.set(clock.instant());
    }

    private void countBump(KitchenTicket t, String status, Instant bumpedAt) {
        rollDay();
        Long counted = bumpSeconds.get(t.saleId());
        if ("SALE_PREPARED_BY_KITCHEN".equals(status) && bumpedAt != null && counted == null) {
            bumpSeconds.put(t.saleId(), Duration.between(t.createdAt(), bumpedAt).toSeconds());
        } else if (!"SALE_PREPARED_BY_KITCHEN".equals(status) && column(status) != null && counted != null) {
            // Recalled: it is not done after all.
            bumpSeconds.remove(t.saleId());
            if (counted < 0) {
                earlierBumped = Math.max(0, earlierBumped - 1);
                long tookBefore = Duration.between(t.createdAt(), t.bumpedAt() == null ? t.createdAt()
                        : t.bumpedAt()).toSeconds();
                earlierSeconds = Math.max(0, earlierSeconds - tookBefore);
            }
        }
    }

    private void rollDay() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (statsDay != null && !today.equals(statsDay)) {
            earlierBumped = 0;
            earlierSeconds = 0;
            bumpSeconds.replaceAll((k, v) -> -1L);
        }
        statsDay = today;
    }

    // --- the cook's commands, carried out on the server as whoever is signed in ---------------------------------

    /** How the commands reach the server, and where they run; without them the display only shows the stream. */
    public void commands(KitchenActions kitchenActions, Background worker) {
        this.actions = kitchenActions;
        this.background = worker;
    }

    /** Bumps the selected ticket (or the oldest one still to make) to ready. */
    public void bump() {
        KitchenTicket t = bumpTarget();
        if (t == null) {
            message.set("Nothing to bump");
            return;
        }
        act("Bumped #" + t.displayId(), () -> actions.bump(t.saleId()));
    }

    /** Starts preparing the selected ticket, when it is a new one. */
    public void start() {
        KitchenTicket t = bumpTarget();
        if (t == null || column(t.status()) != Column.NEW) {
            message.set("Select a new ticket to start");
            return;
        }
        act("Started #" + t.displayId(), () -> actions.start(t.saleId()));
    }

    /** Brings the last bumped ticket back. */
    public void recall() {
        background.run(actions::recallLast, ticket -> {
            replaced(ticket);
            message.set("Recalled #" + ticket.displayId());
        }, this::failed);
    }

    /** Marks an item of a ticket done, or not done again. */
    public void toggleItem(String saleId, KitchenItem item) {
        act((item.done() ? "Not done: " : "Done: ") + item.name(), () -> actions.markItem(saleId, item.lineNo(),
                !item.done()));
    }

    private void act(String done, Callable<KitchenTicket> work) {
        message.set("");
        background.run(work, ticket -> {
            replaced(ticket);
            message.set(done);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        message.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
    }

    /** What the last command did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // --- what the screen shows -------------------------------------------------------------------------------

    /** The column of a sale status, or null when the ticket has left the kitchen. */
    public static Column column(String status) {
        return switch (status) {
            case "SALE_CREATED" -> Column.NEW;
            case "SALE_IN_PREPARATION" -> Column.IN_PREPARATION;
            case "SALE_PREPARED_BY_KITCHEN" -> Column.READY;
            default -> null;
        };
    }

    /** The tickets of a column the current station sees (with only that station's items), oldest first. */
    public List<KitchenTicket> column(Column c) {
        Comparator<KitchenTicket> order = c == Column.READY
                ? Comparator.comparing(KitchenTicket::bumpedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                : Comparator.comparing(KitchenTicket::createdAt);
        List<KitchenTicket> out = new ArrayList<>();
        for (KitchenTicket t : tickets.values()) {
            if (column(t.status()) != c) {
                continue;
            }
            KitchenTicket seen = forStation(t);
            if (!seen.items().isEmpty()) {
                out.add(seen);
            }
        }
        out.sort(order.thenComparing(KitchenTicket::saleId));
        return out;
    }

    private KitchenTicket forStation(KitchenTicket t) {
        String s = station.get();
        if (s == null) {
            return t;
        }
        return new KitchenTicket(t.saleId(), t.displayId(), t.propertyId(), t.dispatchType(), t.table(), t.createdAt(),
                t.status(), t.bumpedAt(), t.items().stream().filter(i -> s.equals(i.category())).toList());
    }

    /** Tickets still to make (new, then in preparation): the order number keys select them in, from 1. */
    public List<KitchenTicket> workQueue() {
        List<KitchenTicket> out = new ArrayList<>(column(Column.NEW));
        out.addAll(column(Column.IN_PREPARATION));
        return out;
    }

    /** The 1-based key of a ticket in the work queue, or 0 (ready tickets have none). */
    public int keyOf(String saleId) {
        List<KitchenTicket> queue = workQueue();
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).saleId().equals(saleId)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** How long ago the ticket came in (until its bump, for a ready ticket). */
    public Duration age(KitchenTicket t) {
        Instant end = t.bumpedAt() != null ? t.bumpedAt() : clock.instant();
        Duration d = Duration.between(t.createdAt(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public Age ageColour(KitchenTicket t) {
        Duration age = age(t);
        return age.compareTo(redAfter) >= 0 ? Age.RED : age.compareTo(amberAfter) >= 0 ? Age.AMBER : Age.FRESH;
    }

    /** "m:ss" (or "h:mm:ss" past an hour). */
    public static String clockText(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** Items still to make across new and in-preparation tickets (the station's only), most first. */
    public List<Map.Entry<String, Integer>> allDayCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (KitchenTicket t : workQueue()) {
            for (KitchenItem i : t.items()) {
                if (!i.done()) {
                    counts.merge(i.name(), i.quantity(), Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> out = new ArrayList<>(counts.entrySet());
        out.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    /** The day's average time from ticket to bump, or null before the first bump. */
    public Duration averageTicketTime() {
        rollDay();
        long count = earlierBumped;
        long seconds = earlierSeconds;
        for (long s : bumpSeconds.values()) {
            if (s >= 0) {
                count++;
                seconds += s;
            }
        }
        return count == 0 ? null : Duration.ofSeconds(seconds / count);
    }

    /** Selects the n-th ticket of the work queue (number keys); false, and says so, when there is none. */
    public boolean selectKey(int n) {
        List<KitchenTicket> queue = workQueue();
        if (n < 1 || n > queue.size()) {
            message.set("No ticket " + n);
            return false;
        }
        selected.set(queue.get(n - 1).saleId());
        changed();
        return true;
    }

    public void select(String saleId) {
        selected.set(saleId);
        changed();
    }

    /** The selected ticket if it is still to make, else the oldest one (what Enter bumps). */
    public KitchenTicket bumpTarget() {
        List<KitchenTicket> queue = workQueue();
        return queue.stream().filter(t -> t.saleId().equals(selected.get())).findFirst()
                .orElse(queue.isEmpty() ? null : queue.get(0));
    }

    public KitchenTicket ticket(String saleId) {
        return tickets.get(saleId);
    }

    /** Sets the stations (menu category captions) a cook can filter by. */
    public void stations(List<String> categories) {
        stations.setAll(categories);
        if (station.get() != null && !categories.contains(station.get())) {
            station.set(null);
        }
    }

    public ObservableList<String> stations() {
        return stations;
    }

    public ObjectProperty<String> stationProperty() {
        return station;
    }

    public BooleanProperty liveProperty() {
        return live;
    }

    public ObjectProperty<Instant> lastUpdateProperty() {
        return lastUpdate;
    }

    public StringProperty downReasonProperty() {
        return downReason;
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    /** Bumped whenever what the columns show changed (not on the clock's tick). */
    public IntegerProperty versionProperty() {
        return version;
    }

    public Set<String> saleIds() {
        return Set.copyOf(tickets.keySet());
    }

    private void changed() {
        version.set(version.get() + 1);
    }
}
