package io.brigade.server.kitchen;

import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.kitchen.KitchenStations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's stations as routing needs them: which station makes a category's items, and where the lines of a
 * station that was removed since go (the catch-all, so nothing sent is ever lost from every screen).
 */
final class StationSetup {
    /** The one station of a store that never set its own. */
    static final KitchenStation DEFAULT = new KitchenStation(KitchenStations.DEFAULT_ID, "Kitchen", List.of(), true);

    private final List<KitchenStation> stations;
    private final Map<String, String> byCategory = new HashMap<>();
    private final Map<String, KitchenStation> byId = new HashMap<>();
    private final String catchAll;

    StationSetup(List<KitchenStation> stored) {
        this.stations = stored.isEmpty() ? List.of(DEFAULT) : List.copyOf(stored);
        String all = null;
        for (KitchenStation s : stations) {
            byId.put(s.id(), s);
            s.categoryIds().forEach(c -> byCategory.put(c, s.id()));
            if (s.catchAll()) {
                all = s.id();
            }
        }
        this.catchAll = all == null ? stations.get(0).id() : all;
    }

    List<KitchenStation> stations() {
        return stations;
    }

    /** The station that makes items of {@code categoryId} (null: an item of no category). */
    String route(String categoryId) {
        return categoryId == null ? catchAll : byCategory.getOrDefault(categoryId, catchAll);
    }

    /** Where a line routed to {@code stationId} shows now: there, or at the catch-all if that station is gone. */
    String current(String stationId) {
        return stationId != null && byId.containsKey(stationId) ? stationId : catchAll;
    }

    String name(String stationId) {
        KitchenStation s = byId.get(stationId);
        return s == null ? stationId : s.name();
    }

    boolean has(String stationId) {
        return byId.containsKey(stationId);
    }

    /** The position of a station in the store's order (unknown ones last). */
    int position(String stationId) {
        for (int i = 0; i < stations.size(); i++) {
            if (stations.get(i).id().equals(stationId)) {
                return i;
            }
        }
        return stations.size();
    }
}
