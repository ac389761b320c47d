package io.brigade.desktop.tables;

import io.brigade.protocol.checks.Check;
import io.brigade.protocol.checks.FloorPlan;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The floor as a till shows it: one tile per table, in the floor's order, with its state (free, open, sent,
 * waiting for the bill) and how long its check has been open; tables a check names that the floor does not know
 * (typed on a till) come after, and tabs without a table last. Rebuilt from the open checks on every change.
 */
public final class FloorViewModel {
    /** A table's state on the floor. */
    public enum State { FREE, OPEN, SENT, BILL }

    /**
     * One tile: the table (or a tab's name), its state, the open check's id (null when free), when it was
     * opened, guests, what it stands at, the floor plan's area it is in (null: on no area of the plan), and whether
     * it is a takeaway sent to the kitchen before it was paid (no table, called by its number).
     */
    public record Tile(String table, String label, State state, String checkId, Instant openedAt, Integer guests,
                       BigDecimal total, int checks, String area, FloorPlan.Table place, boolean takeaway) {
        public Tile(String table, String label, State state, String checkId, Instant openedAt, Integer guests,
                    BigDecimal total, int checks, String area, FloorPlan.Table place) {
            this(table, label, state, checkId, openedAt, guests, total, checks, area, place, false);
        }

        /** Minutes since the check was opened (0 for a free table). */
        public long minutesOpen(Instant now) {
            return openedAt == null ? 0 : Math.max(0, Duration.between(openedAt, now).toMinutes());
        }
    }

    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    // One read-only view, kept: a view made per call listens to the list weakly and is gone with its listeners.
    private final ObservableList<Tile> shown = FXCollections.unmodifiableObservableList(tiles);
    private final Clock clock;
    private List<String> tables = List.of();
    private final Map<String, String> areaOf = new java.util.HashMap<>();
    private final Map<String, FloorPlan.Table> placeOf = new java.util.HashMap<>();
    private List<String> areaNames = List.of();

    public FloorViewModel(Clock clock) {
        this.clock = clock;
    }

    /**
     * An area of the floor plan (dining room, terrace) with its tables in order; a null name: no plan. {@code
     * placed} holds where the manager put each table, with its shape and seats (empty: tables in a row of tiles).
     */
    public record Area(String name, List<String> tables, List<FloorPlan.Table> placed) {
        public Area(String name, List<String> tables) {
            this(name, tables, List.of());
        }

        /** An area of the plan as the store server holds it. */
        public static Area of(FloorPlan.Area a) {
            return new Area(a.name(), a.tables().stream().map(FloorPlan.Table::table).toList(), a.tables());
        }
    }

    /** The floor's tables in their order, in no area (a plain numbering). */
    public void tables(List<String> floor) {
        areas(List.of(new Area(null, floor)));
    }

    /** The floor plan's areas and their tables, in order. */
    public void areas(List<Area> floor) {
        this.areaOf.clear();
        this.placeOf.clear();
        List<String> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Area a : floor) {
            if (a.name() != null) {
                names.add(a.name());
            }
            for (FloorPlan.Table t : a.placed()) {
                if (t.x() != null && t.y() != null) {
                    placeOf.put(t.table(), t);
                }
            }
            for (String t : a.tables()) {
                all.add(t);
                if (a.name() != null) {
                    areaOf.put(t, a.name());
                }
            }
        }
        this.tables = List.copyOf(all);
        this.areaNames = List.copyOf(names);
    }

    /** The plan's areas by name, in order (empty: no plan). */
    public List<String> areaNames() {
        return areaNames;
    }

    /** Shows {@code open} (the store's open checks as this till knows them). */
    public void show(List<Check> open) {
        Map<String, Tile> byTable = new LinkedHashMap<>();
        for (String t : tables) {
            byTable.put(t, new Tile(t, t, State.FREE, null, null, null, BigDecimal.ZERO, 0, areaOf.get(t),
                    placeOf.get(t)));
        }
        List<Tile> tabs = new ArrayList<>();
        for (Check c : open) {
            if (c.closed()) {
                continue;
            }
            if (c.table() == null) {
                tabs.add(new Tile(null, c.name() == null ? c.checkId().substring(0, 6) : c.name(), state(c),
                        c.checkId(), c.openedAt(), c.guests(), c.total(), 1, null, null,
                        c.dispatchType() == io.brigade.protocol.sales.DispatchType.TakeAway));
                continue;
            }
            Tile before = byTable.get(c.table());
            if (before == null || before.checkId() == null) {
                byTable.put(c.table(), new Tile(c.table(), c.table(), state(c), c.checkId(), c.openedAt(), c.guests(),
                        c.total(), 1, areaOf.get(c.table()), placeOf.get(c.table())));
            } else {
                // Two checks on one table (opened on two tills at once): the older is shown, the count says two.
                byTable.put(c.table(), new Tile(before.table(), before.label(), worst(before.state(), state(c)),
                        before.checkId(), before.openedAt(), before.guests(), before.total().add(c.total()),
                        before.checks() + 1, before.area(), before.place()));
            }
        }
        List<Tile> all = new ArrayList<>(byTable.values());
        all.addAll(tabs);
        tiles.setAll(all);
    }

    private static State state(Check c) {
        return switch (c.state()) {
            case Check.SENT -> State.SENT;
            case Check.BILL -> State.BILL;
            default -> State.OPEN;
        };
    }

    // Open (something not sent yet) needs the waiter soonest, then the bill, then sent.
    private static State worst(State a, State b) {
        if (a == State.OPEN || b == State.OPEN) {
            return State.OPEN;
        }
        return a == State.BILL || b == State.BILL ? State.BILL : State.SENT;
    }

    public ObservableList<Tile> tiles() {
        return shown;
    }

    public Instant now() {
        return clock.instant();
    }
}
