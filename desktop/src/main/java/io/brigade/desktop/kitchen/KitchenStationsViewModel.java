package io.brigade.desktop.kitchen;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.menus.Category;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The manager's draft of a store's kitchen stations: which stations there are, which one makes whatever no station
 * names (the catch-all), and the station each menu category goes to. Nothing reaches the screens before
 * {@link #save()}; the server checks the whole set and its refusal is what the manager reads.
 */
public final class KitchenStationsViewModel {
    /** A station of the draft: {@code key} is its id, or a stand-in until the server names a new one. */
    public record Draft(String key, String id, String name, boolean catchAll) {
    }

    /** A menu category and the station (its key) it goes to; null: the catch-all makes it. */
    public record Assignment(String categoryId, String caption, String stationKey) {
    }

    private final BackOfficeClient office;
    private final String propertyId;
    private final Supplier<List<Category>> categories;
    private final Background background;
    private final KitchenTexts texts;
    private final List<Draft> stations = new ArrayList<>();
    private final Map<String, String> assigned = new HashMap<>(); // category id -> station key
    private final Map<String, String> captions = new LinkedHashMap<>(); // category id -> caption, menu order
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private int newKeys;

    public KitchenStationsViewModel(BackOfficeClient office, String propertyId, Supplier<List<Category>> categories,
                                    Background background, KitchenTexts texts) {
        this.office = office;
        this.propertyId = propertyId;
        this.categories = categories;
        this.background = background;
        this.texts = texts;
    }

    /** Reads the store's stations and the menu's categories again (what was not saved is dropped). */
    public void refresh() {
        background.run(() -> office.get(path(), KitchenStations.class), s -> {
            show(s);
            message.set("");
        }, e -> message.set(Refusals.describe(e)));
    }

    /** Shows the stations as the server has them. */
    public void show(KitchenStations saved) {
        stations.clear();
        assigned.clear();
        for (KitchenStation s : saved.stations()) {
            stations.add(new Draft(s.id(), s.id(), s.name(), s.catchAll()));
            s.categoryIds().forEach(c -> assigned.put(c, s.id()));
        }
        captions.clear();
        for (Category c : categories.get()) {
            captions.putIfAbsent(c.id(), c.caption());
        }
        changed();
    }

    /** Adds a station; the first one of a store also makes what no station names. */
    public void add(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            message.set(texts.stationNameNeeded());
            return;
        }
        stations.add(new Draft("new-" + (++newKeys), null, n, stations.isEmpty()));
        message.set(texts.stationAdded(n));
        changed();
    }

    public void rename(String key, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            message.set(texts.stationNameNeeded());
            return;
        }
        replace(key, d -> new Draft(d.key(), d.id(), n, d.catchAll()));
    }

    /** Removes a station; its categories go to the catch-all (a removed catch-all hands that role to the first). */
    public void remove(String key) {
        Draft gone = find(key);
        if (gone == null) {
            return;
        }
        stations.remove(gone);
        assigned.values().removeIf(key::equals);
        if (gone.catchAll() && !stations.isEmpty()) {
            Draft first = stations.get(0);
            stations.set(0, new Draft(first.key(), first.id(), first.name(), true));
        }
        message.set(texts.stationRemoved(gone.name()));
        changed();
    }

    /** Makes {@code key} the station of every item whose category no station names. */
    public void makeCatchAll(String key) {
        if (find(key) == null) {
            return;
        }
        stations.replaceAll(d -> new Draft(d.key(), d.id(), d.name(), d.key().equals(key)));
        changed();
    }

    /** Sends a category to a station (null: to the catch-all). */
    public void assign(String categoryId, String stationKey) {
        if (stationKey == null) {
            assigned.remove(categoryId);
        } else if (find(stationKey) != null) {
            assigned.put(categoryId, stationKey);
        }
        changed();
    }

    /** Saves the draft as the store's stations; kitchen screens route new tickets by it at once. */
    public void save() {
        List<KitchenStation> out = new ArrayList<>();
        for (Draft d : stations) {
            List<String> mine = new ArrayList<>();
            // In the menu's order, then any category the menu no longer has (kept, so nothing is dropped unseen).
            captions.keySet().stream().filter(c -> d.key().equals(assigned.get(c))).forEach(mine::add);
            assigned.entrySet().stream().filter(e -> d.key().equals(e.getValue()) && !captions.containsKey(e.getKey()))
                    .map(Map.Entry::getKey).sorted().forEach(mine::add);
            out.add(new KitchenStation(d.id(), d.name(), mine, d.catchAll()));
        }
        KitchenStations body = new KitchenStations(propertyId, out);
        background.run(() -> office.put(path(), body, KitchenStations.class), saved -> {
            show(saved);
            message.set(texts.stationsSaved());
        }, e -> message.set(Refusals.describe(e)));
    }

    public List<Draft> stations() {
        return List.copyOf(stations);
    }

    /** The menu's categories in menu order, each with its station. */
    public List<Assignment> assignments() {
        List<Assignment> out = new ArrayList<>();
        captions.forEach((id, caption) -> out.add(new Assignment(id, caption, assigned.get(id))));
        return out;
    }

    /** The station that makes a category's items, by name (the catch-all's when no station names it). */
    public String stationOf(String categoryId) {
        Draft d = find(assigned.get(categoryId));
        if (d == null) {
            d = stations.stream().filter(Draft::catchAll).findFirst().orElse(null);
        }
        return d == null ? "" : d.name();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Bumped whenever the draft changed. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    private Draft find(String key) {
        return key == null ? null : stations.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }

    private void replace(String key, java.util.function.UnaryOperator<Draft> change) {
        stations.replaceAll(d -> d.key().equals(key) ? change.apply(d) : d);
        changed();
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    private String path() {
        return "kitchen/stations?propertyId=" + URLEncoder.encode(propertyId, StandardCharsets.UTF_8);
    }
}
