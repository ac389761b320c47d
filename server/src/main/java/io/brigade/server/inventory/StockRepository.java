package io.brigade.server.inventory;

import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stock levels per menu item id; an item without a row is not tracked (always available). */
public final class StockRepository {

    /** One tracked item and how many are left. */
    public record StockLevel(String menuItemId, int quantity, Instant updatedAt) {
    }

    public List<StockLevel> levels(Connection c, String orgId) throws SQLException {
        List<StockLevel> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_item_id, quantity, updated_at FROM stock_levels "
                + "WHERE org_id = ? ORDER BY menu_item_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StockLevel(rs.getString(1), rs.getInt(2), Sql.instant(rs, "updated_at")));
                }
            }
        }
        return out;
    }

    public Optional<StockLevel> level(Connection c, String orgId, String menuItemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_item_id, quantity, updated_at FROM stock_levels "
                + "WHERE org_id = ? AND menu_item_id = ?")) {
            Sql.bind(ps, orgId, menuItemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StockLevel(rs.getString(1), rs.getInt(2),
                        Sql.instant(rs, "updated_at"))) : Optional.empty();
            }
        }
    }

    /** Which of {@code menuItemIds} the org tracks (has a stock level for). */
    public Set<String> tracked(Connection c, String orgId, Collection<String> menuItemIds) throws SQLException {
        Set<String> out = new HashSet<>();
        if (menuItemIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_item_id FROM stock_levels WHERE org_id = ? "
                + "AND menu_item_id IN (" + Sql.marks(menuItemIds.size()) + ")")) {
            List<Object> args = new ArrayList<>(List.of(orgId));
            args.addAll(menuItemIds);
            Sql.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Sets the level (a count after a delivery or a stock take). */
    public void set(Connection c, String orgId, String menuItemId, int quantity, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stock_levels SET quantity = ?, updated_at = ? "
                + "WHERE org_id = ? AND menu_item_id = ?")) {
            Sql.bind(ps, quantity, now, orgId, menuItemId);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_levels (org_id, menu_item_id, quantity, "
                + "updated_at) VALUES (?,?,?,?)")) {
            Sql.bind(ps, orgId, menuItemId, quantity, now);
            ps.executeUpdate();
        }
    }

    public boolean delete(Connection c, String orgId, String menuItemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM stock_levels WHERE org_id = ? AND menu_item_id = ?")) {
            Sql.bind(ps, orgId, menuItemId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Takes {@code quantity} off a tracked item; with {@code mustCover} only if that many are left.
     * Returns the level after, or empty when the item is untracked or (with mustCover) short.
     */
    public Optional<Integer> decrement(Connection c, String orgId, String menuItemId, int quantity,
                                       boolean mustCover, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stock_levels SET quantity = quantity - ?, "
                + "updated_at = ? WHERE org_id = ? AND menu_item_id = ?" + (mustCover ? " AND quantity >= ?" : ""))) {
            if (mustCover) {
                Sql.bind(ps, quantity, now, orgId, menuItemId, quantity);
            } else {
                Sql.bind(ps, quantity, now, orgId, menuItemId);
            }
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return level(c, orgId, menuItemId).map(StockLevel::quantity);
    }
}
