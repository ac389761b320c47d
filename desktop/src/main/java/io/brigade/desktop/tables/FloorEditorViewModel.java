package io.brigade.desktop.tables;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.checks.FloorPlan;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The manager's draft of the store's floor plan: its areas (dining room, terrace, bar), and on each the tables with
 * their shape, seats and place on the area's grid of 1000 x 1000. Nothing reaches the tills before {@link #save()};
 * the store server checks the whole plan and its refusal is what the manager reads. The draft keeps the store
 * server's own rules (a table once on the whole floor, 1 to 30 seats, inside the grid), so a plan that would be
 * refused says why at once.
 */
public final class FloorEditorViewModel {
    /** How much of the grid a table takes, by shape: a rectangle is a long table. */
    public static int width(String shape) {
        return FloorPlan.RECTANGLE.equals(shape) ? 200 : 120;
    }

    public static int height(String shape) {
        return 120;
    }

    private static final TablesTexts TEXTS = Texts.of(TablesTexts.class);
    private final BackOfficeClient office;
    private final String propertyId;
    private final Background background;
    private final List<FloorPlan.Area> areas = new ArrayList<>();
    private final ReadOnlyIntegerWrapper area = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageGood = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private boolean edited;

    public FloorEditorViewModel(BackOfficeClient office, String propertyId, Background background) {
        this.office = office;
        this.propertyId = propertyId;
        this.background = background;
    }

    /** Reads the store's plan again (what was not saved is dropped). */
    public void refresh() {
        background.run(() -> office.get(path(), FloorPlan.class), plan -> {
            show(plan);
            say("", false);
        }, e -> say(Refusals.describe(e), false));
    }

    /** Reads the store's plan again unless the manager changed the draft since it was read or saved. */
    public void refreshUnlessEdited() {
        if (!edited) {
            refresh();
        }
    }

    /** Shows the plan as the store server has it. */
    public void show(FloorPlan plan) {
        edited = false;
        areas.clear();
        areas.addAll(plan.areas());
        area.set(areas.isEmpty() ? -1 : Math.max(0, Math.min(area.get(), areas.size() - 1)));
        changed();
    }

    public List<String> areaNames() {
        return areas.stream().map(FloorPlan.Area::name).toList();
    }

    /** The area shown (its index), -1 when there is none yet. */
    public ReadOnlyIntegerProperty areaProperty() {
        return area.getReadOnlyProperty();
    }

    public void chooseArea(int index) {
        if (index >= 0 && index < areas.size() && index != area.get()) {
            area.set(index);
            changed();
        }
    }

    /** Adds an area and shows it. */
    public boolean addArea(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return say(TEXTS.areaNameNeeded(), false);
        }
        if (areas.stream().anyMatch(a -> a.name().equalsIgnoreCase(n))) {
            return say(TEXTS.areaTwice(n), false);
        }
        areas.add(new FloorPlan.Area(null, n, List.of()));
        edited = true;
        area.set(areas.size() - 1);
        changed();
        return say(TEXTS.areaAdded(n), true);
    }

    /** Renames the area shown to {@code name}; false, with the reason said, when another area has that name. */
    public boolean renameArea(String name) {
        if (area.get() < 0) {
            return say(TEXTS.areaFirst(), false);
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return say(TEXTS.areaNameNeeded(), false);
        }
        FloorPlan.Area a = areas.get(area.get());
        if (areas.stream().anyMatch(o -> o != a && o.name().equalsIgnoreCase(n))) {
            return say(TEXTS.areaTwice(n), false);
        }
        areas.set(area.get(), new FloorPlan.Area(a.areaId(), n, a.tables()));
        edited = true;
        changed();
        return say(TEXTS.areaRenamed(a.name(), n), true);
    }

    /** Takes the area shown off the plan, with its tables (nothing reaches the tills before Save). */
    public boolean removeArea() {
        if (area.get() < 0) {
            return say(TEXTS.areaFirst(), false);
        }
        FloorPlan.Area a = areas.remove(area.get());
        edited = true;
        area.set(areas.isEmpty() ? -1 : Math.min(area.get(), areas.size() - 1));
        changed();
        return say(TEXTS.areaRemoved(a.name(), a.tables().size()), true);
    }

    /**
     * Changes table {@code name}: its name, shape and seats (kept inside the grid when it grows); false, with the
     * reason said, when the store would refuse it.
     */
    public boolean changeTable(String name, String newName, String shape, int seats) {
        Optional<FloorPlan.Table> found = tables().stream().filter(t -> t.table().equals(name)).findFirst();
        if (found.isEmpty()) {
            return say(TEXTS.chooseTable(), false);
        }
        String n = newName == null ? "" : newName.strip();
        if (n.isEmpty() || n.length() > 20) {
            return say(TEXTS.tableNameNeeded(), false);
        }
        if (!n.equalsIgnoreCase(name) && find(n).isPresent()) {
            return say(TEXTS.tableTwice(n), false);
        }
        if (seats < 1 || seats > 30) {
            return say(TEXTS.seatsBetween(), false);
        }
        String s = shape == null ? found.get().shape() : shape;
        replaceTables(tables -> tables.replaceAll(t -> t.table().equals(name)
                ? new FloorPlan.Table(n, s, seats, clamp(t.x(), FloorPlan.GRID - width(s)),
                clamp(t.y(), FloorPlan.GRID - height(s))) : t));
        return say(TEXTS.tableChanged(n), true);
    }

    /** The tables of the area shown. */
    public List<FloorPlan.Table> tables() {
        return area.get() < 0 ? List.of() : areas.get(area.get()).tables();
    }

    /** A name for the next table: one more than the highest number on the floor. */
    public String nextTableName() {
        int highest = 0;
        for (FloorPlan.Area a : areas) {
            for (FloorPlan.Table t : a.tables()) {
                try {
                    highest = Math.max(highest, Integer.parseInt(t.table()));
                } catch (NumberFormatException e) {
                    // a named table ("Bar 1") has no number to follow
                }
            }
        }
        return String.valueOf(highest + 1);
    }

    /**
     * Puts table {@code name} of {@code shape} with {@code seats} on the area shown, at the first free place of its
     * rows; false, with the reason said, when the store would refuse it.
     */
    public boolean addTable(String name, String shape, int seats) {
        if (area.get() < 0) {
            return say(TEXTS.areaFirst(), false);
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 20) {
            return say(TEXTS.tableNameNeeded(), false);
        }
        if (find(n).isPresent()) {
            return say(TEXTS.tableTwice(n), false);
        }
        if (seats < 1 || seats > 30) {
            return say(TEXTS.seatsBetween(), false);
        }
        int[] spot = freeSpot(shape);
        replaceTables(tables -> tables.add(new FloorPlan.Table(n, shape, seats, spot[0], spot[1])));
        return say(TEXTS.tableAdded(n), true);
    }

    /** Moves table {@code name} to {@code x}, {@code y} (its top-left corner), kept inside the grid. */
    public void move(String name, int x, int y) {
        replaceTables(tables -> tables.replaceAll(t -> t.table().equals(name)
                ? new FloorPlan.Table(t.table(), t.shape(), t.seats(),
                clamp(x, FloorPlan.GRID - width(t.shape())), clamp(y, FloorPlan.GRID - height(t.shape()))) : t));
    }

    /** Changes how many seat at table {@code name}. */
    public boolean seats(String name, int seats) {
        if (seats < 1 || seats > 30) {
            return say(TEXTS.seatsBetween(), false);
        }
        replaceTables(tables -> tables.replaceAll(t -> t.table().equals(name)
                ? new FloorPlan.Table(t.table(), t.shape(), seats, t.x(), t.y()) : t));
        return true;
    }

    public void remove(String name) {
        replaceTables(tables -> tables.removeIf(t -> t.table().equals(name)));
        say(TEXTS.tableRemoved(name), true);
    }

    /** Saves the draft as the store's plan; every till's floor shows it at once. */
    public void save() {
        FloorPlan body = new FloorPlan(propertyId, List.copyOf(areas), null);
        background.run(() -> office.put(path(), body, FloorPlan.class), saved -> {
            show(saved);
            say(TEXTS.floorSaved(), true);
        }, e -> say(Refusals.describe(e), false));
    }

    public Optional<FloorPlan.Table> find(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return areas.stream().flatMap(a -> a.tables().stream())
                .filter(t -> t.table().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the message says something was done (not why it was refused). */
    public ReadOnlyBooleanProperty messageGoodProperty() {
        return messageGood.getReadOnlyProperty();
    }

    /** Bumped whenever the draft changed. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** The first place in rows across the area where a table of {@code shape} overlaps no other. */
    private int[] freeSpot(String shape) {
        int w = width(shape);
        int h = height(shape);
        for (int y = 20; y + h <= FloorPlan.GRID; y += 150) {
            for (int x = 20; x + w <= FloorPlan.GRID; x += 40) {
                int fx = x;
                int fy = y;
                boolean free = tables().stream().noneMatch(t -> fx < t.x() + width(t.shape()) + 20
                        && t.x() < fx + w + 20 && fy < t.y() + height(t.shape()) + 20 && t.y() < fy + h + 20);
                if (free) {
                    return new int[] {x, y};
                }
            }
        }
        return new int[] {0, 0};
    }

    private void replaceTables(java.util.function.Consumer<List<FloorPlan.Table>> change) {
        if (area.get() < 0) {
            return;
        }
        FloorPlan.Area a = areas.get(area.get());
        List<FloorPlan.Table> tables = new ArrayList<>(a.tables());
        change.accept(tables);
        areas.set(area.get(), new FloorPlan.Area(a.areaId(), a.name(), List.copyOf(tables)));
        edited = true;
        changed();
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    private boolean say(String text, boolean good) {
        message.set(text);
        messageGood.set(good);
        return good;
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    private String path() {
        return "floor?propertyId=" + URLEncoder.encode(propertyId, StandardCharsets.UTF_8);
    }
}
