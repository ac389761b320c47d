package io.brigade.server.kitchen;

import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A store's kitchen stations and which menu categories each one makes. */
public final class KitchenStationRepository {

    /** The store's stations in their order (empty when it never set any), each with its categories. */
    public List<KitchenStation> stations(Connection c, String orgId, String propertyId) throws SQLException {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT station_id, category_id FROM kitchen_station_categories"
                + " WHERE org_id = ? AND property_id = ? ORDER BY category_id")) {
            Sql.bind(ps, orgId, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    categories.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<KitchenStation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT station_id, name, catch_all FROM kitchen_stations"
                + " WHERE org_id = ? AND property_id = ? ORDER BY position")) {
            Sql.bind(ps, orgId, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.add(new KitchenStation(id, rs.getString(2), List.copyOf(categories.getOrDefault(id, List.of())),
                            rs.getBoolean(3)));
                }
            }
        }
        return out;
    }

    /** Replaces the store's stations with {@code stations} (already checked: names, ids, one catch-all). */
    public void replace(Connection c, String orgId, String propertyId, List<KitchenStation> stations)
            throws SQLException {
        for (String table : List.of("kitchen_station_categories", "kitchen_stations")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                    + " WHERE org_id = ? AND property_id = ?")) {
                Sql.bind(ps, orgId, propertyId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement station = c.prepareStatement("INSERT INTO kitchen_stations (org_id, property_id,"
                + " station_id, name, position, catch_all) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement category = c.prepareStatement("INSERT INTO kitchen_station_categories (org_id,"
                     + " property_id, category_id, station_id) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (KitchenStation s : stations) {
                Sql.bind(station, orgId, propertyId, s.id(), s.name(), position++, s.catchAll());
                station.addBatch();
                for (String categoryId : s.categoryIds()) {
                    Sql.bind(category, orgId, propertyId, categoryId, s.id());
                    category.addBatch();
                }
            }
            station.executeBatch();
            category.executeBatch();
        }
    }
}
