package io.brigade.desktop.kitchen;

import io.brigade.desktop.fx.Background;
import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenPrepTimes;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.kitchen.KitchenTicket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The kitchen screen's state, without a screen. A screen shows one station's part of each ticket (its own lines,
 * bumped there) or the expo (whole tickets with every station's progress, served from there). Tickets keep their
 * 1–9 number on a screen for as long as they wait there; Enter acts on the selected ticket, which is always one the
 * screen highlights. Runs on the FX thread (tests call it directly); time comes from the injected {@link Clock}.
 */
public final class KitchenViewModel {
    /** A screen's columns. Station: new, in preparation, bumped here. Expo: in progress, ready. */
    public enum Column { NEW, IN_PREPARATION, BUMPED, IN_PROGRESS, READY }

    /** How late a ticket is. */
    public enum Age { FRESH, AMBER, RED }

    /** How many of a station's bumped tickets stay in sight (the last one is what R brings back). */
    static final int BUMPED_SHOWN = 5;

    private final Clock clock;
    private final KitchenTexts texts;
    private final Map<String, KitchenTicket> tickets = new LinkedHashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final ObservableList<KitchenStation> stations = FXCollections.observableArrayList();
    // One read-only view kept for good: JavaFX's wrapper holds its listeners weakly, so a wrapper made per call
    // (and collected) silently stops telling the screen about new stations.
    private final ObservableList<KitchenStation> stationsShown = FXCollections.unmodifiableObservableList(stations);
    // Null until the stations are known or the PC's last choice is read: then the catch-all station, or that choice.
    private final ReadOnlyObjectWrapper<String> view = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<KitchenPrepTimes> prepTimes = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Instant> lastUpdate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper downReason = new ReadOnlyStringWrapper("");
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private KitchenActions actions;
    private Background background = Background.direct();
    private Consumer<String> viewChosen = v -> { };
    private boolean prepTimesLoading;
    private boolean prepTimesStale;
    private Duration amberAfter = Duration.ofMinutes(5);
    private Duration redAfter = Duration.ofMinutes(8);

    public KitchenViewModel(Clock clock, KitchenTexts texts) {
        this.clock = clock;
        this.texts = texts;
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

    /** A fresh picture from the server: replaces every ticket, the stations and the prep times. */
    public void snapshot(KitchenSnapshot s) {
        tickets.clear();
        s.tickets().stream().filter(KitchenTicket::open).forEach(t -> tickets.put(t.ticketId(), t));
        stations(s.stations());
        prepTimes.set(s.prepTimes());
        heard();
        changed();
    }

    /** A new ticket; true when this screen has something of it to make and did not show it yet (it chimes). */
    public boolean created(KitchenTicket t) {
        heard();
        boolean fresh = !tickets.containsKey(t.ticketId()) && t.open();
        if (t.open()) {
            tickets.put(t.ticketId(), t);
        }
        changed();
        return fresh && (isExpo() || t.station(view.get()) != null);
    }

    /** A ticket changed (a station started or bumped it, a line was done or voided, it was served). */
    public void updated(KitchenTicket t) {
        heard();
        KitchenTicket before = tickets.get(t.ticketId());
        if (t.open()) {
            tickets.put(t.ticketId(), t);
        } else {
            tickets.remove(t.ticketId());
        }
        if (before == null || !bumps(before).equals(bumps(t))) {
            refreshPrepTimes();
        }
        changed();
    }

    private static Map<String, Instant> bumps(KitchenTicket t) {
        Map<String, Instant> out = new HashMap<>();
        t.stations().forEach(s -> out.put(s.stationId(), s.bumpedAt()));
        return out;
    }

    /** The store's stations changed; a screen without a station, or whose station is gone, shows the catch-all. */
    public void stations(KitchenStations s) {
        stations.setAll(s.stations());
        if (!isExpo() && s.stations().stream().noneMatch(st -> st.id().equals(view.get()))) {
            s.stations().stream().filter(KitchenStation::catchAll).findFirst()
                    .or(() -> s.stations().stream().findFirst()).ifPresent(st -> view.set(st.id()));
        }
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

    // --- the cook's commands, carried out on the server as whoever is signed in ---------------------------------

    /**
     * How the commands reach the server, where they run, and who hears of a chosen screen (to remember it);
     * without them the screen only shows the stream.
     */
    public void commands(KitchenActions kitchenActions, Background worker, Consumer<String> onViewChosen) {
        this.actions = kitchenActions;
        this.background = worker;
        this.viewChosen = onViewChosen;
    }

    /** Shows a station's screen (its id) or the expo ({@link KitchenStations#EXPO}). */
    public void show(String viewId) {
        Objects.requireNonNull(viewId, "viewId == null");
        boolean known = KitchenStations.EXPO.equals(viewId) || stations.isEmpty()
                || stations.stream().anyMatch(s -> s.id().equals(viewId));
        if (viewId.equals(view.get()) || !known) {
            return;
        }
        view.set(viewId);
        numbers.clear();
        selected.set(null);
        message.set("");
        changed();
        viewChosen.accept(viewId);
    }

    /**
     * Enter: at a station, bumps the selected ticket's part there; at the expo, serves the selected ticket (or
     * clears it, when every line was voided).
     */
    public void bump() {
        KitchenTicket t = target();
        if (t == null) {
            message.set(texts.nothingSelected());
            return;
        }
        if (isExpo()) {
            if (!KitchenTicket.READY.equals(t.status()) && !KitchenTicket.VOIDED.equals(t.status())) {
                message.set(texts.notReady(t.displayId(), String.join(", ", t.stations().stream()
                        .filter(s -> !s.bumped() && s.liveLines() > 0).map(KitchenTicket.Station::name).toList())));
                return;
            }
            String done = KitchenTicket.VOIDED.equals(t.status()) ? texts.cleared(t.displayId())
                    : texts.served(t.displayId());
            act(done, () -> actions.serve(t.ticketId()));
            return;
        }
        String station = view.get();
        act(texts.bumped(t.displayId(), stationName(station)), () -> actions.bump(t.ticketId(), station));
    }

    /** S: the station starts the selected ticket, when it is new there. */
    public void start() {
        KitchenTicket t = target();
        KitchenTicket.Station part = t == null || isExpo() ? null : t.station(view.get());
        if (part == null || part.startedAt() != null || part.bumped()) {
            message.set(texts.startNeedsNew());
            return;
        }
        String station = view.get();
        act(texts.started(t.displayId()), () -> actions.start(t.ticketId(), station));
    }

    /** R: brings back the ticket this station bumped last (the expo: the ticket served last). */
    public void recall() {
        String station = view.get();
        if (station == null) {
            return;
        }
        Callable<KitchenTicket> work = isExpo() ? actions::recallServed : () -> actions.recall(station);
        background.run(work, ticket -> {
            updated(ticket);
            select(ticket.ticketId());
            message.set(texts.recalled(ticket.displayId()));
        }, this::failed);
    }

    /** Marks a line of a ticket done at its station, or not done again. */
    public void toggleLine(String ticketId, KitchenItem item) {
        act(item.done() ? texts.lineNotDone(item.name()) : texts.lineDone(item.name()),
                () -> actions.markLine(ticketId, item.lineId(), !item.done()));
    }

    /** Asks the server for today's prep times again (after a bump; at most one request at a time). */
    public void refreshPrepTimes() {
        if (actions == null) {
            return;
        }
        if (prepTimesLoading) {
            prepTimesStale = true;
            return;
        }
        prepTimesLoading = true;
        background.run(actions::prepTimes, times -> {
            prepTimes.set(times);
            prepTimesDone();
        }, failure -> prepTimesDone());
    }

    private void prepTimesDone() {
        prepTimesLoading = false;
        if (prepTimesStale) {
            prepTimesStale = false;
            refreshPrepTimes();
        }
    }

    private void act(String done, Callable<KitchenTicket> work) {
        message.set("");
        background.run(work, ticket -> {
            updated(ticket);
            message.set(done);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        message.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
    }

    // --- what the screen shows ---------------------------------------------------------------------------------

    public boolean isExpo() {
        return KitchenStations.EXPO.equals(view.get());
    }

    /** The tickets of a column of the current screen, oldest first (bumped ones: the latest first). */
    public List<KitchenTicket> column(Column c) {
        if (isExpo()) {
            return expoColumn(c);
        }
        String station = view.get();
        List<KitchenTicket> out = new ArrayList<>();
        if (station == null) {
            return out;
        }
        for (KitchenTicket t : tickets.values()) {
            KitchenTicket.Station part = t.station(station);
            if (part != null && columnAtStation(part) == c) {
                out.add(t.onlyStation(station));
            }
        }
        if (c == Column.BUMPED) {
            out.sort(Comparator.comparing((KitchenTicket t) -> t.station(station).bumpedAt()).reversed()
                    .thenComparing(KitchenTicket::ticketId));
            return out.size() > BUMPED_SHOWN ? List.copyOf(out.subList(0, BUMPED_SHOWN)) : out;
        }
        out.sort(Comparator.comparing(KitchenTicket::orderedAt).thenComparing(KitchenTicket::ticketId));
        return out;
    }

    private static Column columnAtStation(KitchenTicket.Station part) {
        return part.bumped() ? Column.BUMPED : part.startedAt() != null ? Column.IN_PREPARATION : Column.NEW;
    }

    private List<KitchenTicket> expoColumn(Column c) {
        List<KitchenTicket> out = new ArrayList<>();
        for (KitchenTicket t : tickets.values()) {
            boolean ready = KitchenTicket.READY.equals(t.status()) || KitchenTicket.VOIDED.equals(t.status());
            if ((c == Column.READY && ready) || (c == Column.IN_PROGRESS && !ready)) {
                out.add(t);
            }
        }
        out.sort(Comparator.comparing(KitchenTicket::orderedAt).thenComparing(KitchenTicket::ticketId));
        return out;
    }

    /** The columns of the current screen, left to right. */
    public List<Column> columns() {
        return isExpo() ? List.of(Column.IN_PROGRESS, Column.READY)
                : List.of(Column.NEW, Column.IN_PREPARATION, Column.BUMPED);
    }

    /**
     * The tickets the number keys and Enter act on: at a station those still to bump there, at the expo every
     * ticket on it; oldest first.
     */
    public List<KitchenTicket> workQueue() {
        List<KitchenTicket> out = new ArrayList<>();
        if (isExpo()) {
            out.addAll(column(Column.IN_PROGRESS));
            out.addAll(column(Column.READY));
        } else {
            out.addAll(column(Column.NEW));
            out.addAll(column(Column.IN_PREPARATION));
        }
        out.sort(Comparator.comparing(KitchenTicket::orderedAt).thenComparing(KitchenTicket::ticketId));
        return out;
    }

    /**
     * The ticket's number key on this screen (0: none). A ticket keeps its number while it waits here; one that
     * arrives takes the lowest free number, and past nine tickets the newest wait for one to free.
     */
    public int keyOf(String ticketId) {
        return numbers.getOrDefault(ticketId, 0);
    }

    private void renumber(List<KitchenTicket> queue) {
        java.util.Set<String> waiting = new java.util.HashSet<>();
        queue.forEach(t -> waiting.add(t.ticketId()));
        numbers.keySet().retainAll(waiting);
        TreeSet<Integer> free = new TreeSet<>();
        for (int n = 1; n <= 9; n++) {
            free.add(n);
        }
        free.removeAll(numbers.values());
        for (KitchenTicket t : queue) {
            if (!numbers.containsKey(t.ticketId()) && !free.isEmpty()) {
                numbers.put(t.ticketId(), free.pollFirst());
            }
        }
    }

    /** Selects the ticket showing number {@code n}; false, and says so, when none does. */
    public boolean selectKey(int n) {
        for (Map.Entry<String, Integer> e : numbers.entrySet()) {
            if (e.getValue() == n) {
                select(e.getKey());
                return true;
            }
        }
        message.set(texts.noTicket(n));
        return false;
    }

    /** Selects a ticket of this screen (a tap on it). */
    public void select(String ticketId) {
        selected.set(ticketId);
        changed();
    }

    /** The ticket Enter acts on: the selected one, as this screen shows it, or null. */
    public KitchenTicket target() {
        String id = selected.get();
        if (id == null) {
            return null;
        }
        for (KitchenTicket t : workQueue()) {
            if (t.ticketId().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** How long ago the ticket was ordered (until its bump here, or until it was ready at the expo). */
    public Duration age(KitchenTicket t) {
        Instant end = clock.instant();
        KitchenTicket.Station part = isExpo() ? null : t.station(view.get());
        if (part != null && part.bumpedAt() != null) {
            end = part.bumpedAt();
        } else if (isExpo() && t.readyAt() != null) {
            end = t.readyAt();
        }
        Duration d = Duration.between(t.orderedAt(), end);
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

    /** Items still to make on this screen's work queue (undone, not voided, not bumped), most first. */
    public List<Map.Entry<String, Integer>> allDayCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (KitchenTicket t : workQueue()) {
            for (KitchenItem i : t.items()) {
                KitchenTicket.Station part = t.station(i.stationId());
                boolean made = part != null && part.bumped();
                if (!i.done() && !made && i.liveQuantity() > 0) {
                    counts.merge(i.name(), i.liveQuantity(), Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> out = new ArrayList<>(counts.entrySet());
        out.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    public String stationName(String stationId) {
        return stations.stream().filter(s -> s.id().equals(stationId)).map(KitchenStation::name).findFirst()
                .orElse(stationId);
    }

    public KitchenTicket ticket(String ticketId) {
        return tickets.get(ticketId);
    }

    public ObservableList<KitchenStation> stations() {
        return stationsShown;
    }

    public ReadOnlyObjectProperty<String> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KitchenPrepTimes> prepTimesProperty() {
        return prepTimes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty downReasonProperty() {
        return downReason.getReadOnlyProperty();
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    /** What the last command did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Bumped whenever what the columns show changed (not on the clock's tick). */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public java.util.Set<String> ticketIds() {
        return java.util.Set.copyOf(tickets.keySet());
    }

    /** Numbers and the selection follow every change, before the screen redraws. */
    private void changed() {
        List<KitchenTicket> queue = workQueue();
        renumber(queue);
        if (target() == null) {
            // Nothing (or a ticket gone from here) selected: the oldest waiting ticket, highlighted for all to see.
            selected.set(queue.isEmpty() ? null : queue.get(0).ticketId());
        }
        version.set(version.get() + 1);
    }
}
