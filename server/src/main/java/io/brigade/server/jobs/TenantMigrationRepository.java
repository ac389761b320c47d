package io.brigade.server.jobs;

import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The writes that move a property, its channels and its history from one org to another. */
public final class TenantMigrationRepository {

    public Optional<String> owner(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner_id FROM orgs WHERE org_id = ?")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void setOwner(Connection c, String orgId, String ownerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orgs SET owner_id = ? WHERE org_id = ?")) {
            Sql.bind(ps, ownerId, orgId);
            ps.executeUpdate();
        }
    }

    /** The org the property is in now (locked), or empty if it does not exist. */
    public Optional<String> lockPropertyOrg(Connection c, String propertyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT org_id FROM properties WHERE property_id = ? FOR UPDATE")) {
            Sql.bind(ps, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public List<String> channels(Connection c, String propertyId) throws SQLException {
        return strings(c, "SELECT sales_channel_id FROM sales_channels WHERE property_id = ? ORDER BY sales_channel_id",
                propertyId);
    }

    /** Menus the property's channels were published or sold from. */
    public Set<String> menusUsed(Connection c, String orgId, String propertyId) throws SQLException {
        Set<String> out = new LinkedHashSet<>(strings(c, "SELECT DISTINCT p.menu_id FROM menu_publications p "
                + "JOIN sales_channels sc ON sc.sales_channel_id = p.sales_channel_id WHERE sc.property_id = ? "
                + "AND p.org_id = ?", propertyId, orgId));
        out.addAll(strings(c, "SELECT DISTINCT menu_id FROM sales WHERE property_id = ? AND org_id = ?",
                propertyId, orgId));
        return out;
    }

    /** Copies a menu with all its revisions into {@code targetOrgId} under {@code newMenuId}. */
    public void copyMenu(Connection c, String menuId, String newMenuId, String targetOrgId, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO menus (menu_id, org_id, name, currency, draft, "
                + "latest_revision, created_at, updated_at) SELECT ?, ?, name, currency, draft, latest_revision, ?, ? "
                + "FROM menus WHERE menu_id = ?")) {
            Sql.bind(ps, newMenuId, targetOrgId, now, now, menuId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO menu_revisions (menu_id, revision_id, org_id, "
                + "content, created_at) SELECT ?, revision_id, ?, content, created_at FROM menu_revisions "
                + "WHERE menu_id = ?")) {
            Sql.bind(ps, newMenuId, targetOrgId, menuId);
            ps.executeUpdate();
        }
    }

    /** A brand of the target org with this name, for the moved channels. */
    public Optional<String> brandNamed(Connection c, String orgId, String name) throws SQLException {
        List<String> ids = strings(c, "SELECT brand_id FROM brands WHERE org_id = ? AND name = ? ORDER BY brand_id",
                orgId, name);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    public List<String[]> channelBrands(Connection c, String propertyId) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT b.brand_id, b.name FROM sales_channels sc "
                + "JOIN brands b ON b.brand_id = sc.brand_id WHERE sc.property_id = ?")) {
            Sql.bind(ps, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    public void insertBrand(Connection c, String brandId, String orgId, String name, Instant now) throws SQLException {
        update(c, "INSERT INTO brands (brand_id, org_id, name, created_at) VALUES (?,?,?,?)", brandId, orgId, name, now);
    }

    public void rebrandChannels(Connection c, String propertyId, String fromBrandId, String toBrandId)
            throws SQLException {
        update(c, "UPDATE sales_channels SET brand_id = ? WHERE property_id = ? AND brand_id = ?", toBrandId,
                propertyId, fromBrandId);
    }

    private int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Moves rows of the property's channels and sales (menu ids remapped by the caller, menu by menu). */
    public int moveSales(Connection c, String sourceOrgId, String targetOrgId, String propertyId) throws SQLException {
        // Idempotency keys first: they are found through the sales still in the source org.
        update(c, "UPDATE idempotency_keys SET org_id = ? WHERE org_id = ? AND sale_id IN "
                + "(SELECT sale_id FROM sales WHERE property_id = ? AND org_id = ?)", targetOrgId, sourceOrgId,
                propertyId, sourceOrgId);
        return update(c, "UPDATE sales SET org_id = ? WHERE org_id = ? AND property_id = ?", targetOrgId, sourceOrgId,
                propertyId);
    }

    public void remapMenu(Connection c, String targetOrgId, String propertyId, String menuId, String newMenuId)
            throws SQLException {
        update(c, "UPDATE sales SET menu_id = ? WHERE org_id = ? AND property_id = ? AND menu_id = ?", newMenuId,
                targetOrgId, propertyId, menuId);
        update(c, "UPDATE menu_publications SET menu_id = ?, org_id = ? WHERE menu_id = ? AND sales_channel_id IN "
                + "(SELECT sales_channel_id FROM sales_channels WHERE property_id = ?)", newMenuId, targetOrgId, menuId,
                propertyId);
        update(c, "UPDATE channel_menus SET menu_id = ?, org_id = ? WHERE menu_id = ? AND sales_channel_id IN "
                + "(SELECT sales_channel_id FROM sales_channels WHERE property_id = ?)", newMenuId, targetOrgId, menuId,
                propertyId);
    }

    /**
     * Moves the property with its channels, their snoozes, its analytics events, the order keys those
     * events claimed, and its analytics rollups (every rollup row names its property, so the figures move
     * exactly; the target org has no rows for a property it did not have).
     */
    public void moveProperty(Connection c, String sourceOrgId, String targetOrgId, String propertyId)
            throws SQLException {
        update(c, "UPDATE snoozes SET org_id = ? WHERE org_id = ? AND sales_channel_id IN "
                + "(SELECT sales_channel_id FROM sales_channels WHERE property_id = ?)", targetOrgId, sourceOrgId,
                propertyId);
        update(c, "UPDATE analytics_order_keys SET org_id = ? WHERE org_id = ? AND event_id IN "
                + "(SELECT event_id FROM analytics_events WHERE org_id = ? AND property_id = ?)", targetOrgId,
                sourceOrgId, sourceOrgId, propertyId);
        // Kitchen tickets move so that the target's displays show and bump them; the source's kitchen event
        // log stays where it was numbered (a display of the target starts from a snapshot of tickets).
        update(c, "UPDATE kitchen_check_lines SET org_id = ? WHERE org_id = ? AND ticket_id IN"
                + " (SELECT ticket_id FROM kitchen_tickets WHERE org_id = ? AND property_id = ?)", targetOrgId,
                sourceOrgId, sourceOrgId, propertyId);
        for (String kitchen : List.of("kitchen_tickets", "kitchen_stations", "kitchen_station_categories")) {
            update(c, "UPDATE " + kitchen + " SET org_id = ? WHERE org_id = ? AND property_id = ?", targetOrgId,
                    sourceOrgId, propertyId);
        }
        for (String rollup : List.of("analytics_sales_day", "analytics_sales_hour", "analytics_items_day",
                "analytics_events_day")) {
            update(c, "UPDATE " + rollup + " SET org_id = ? WHERE org_id = ? AND property_id = ?", targetOrgId,
                    sourceOrgId, propertyId);
        }
        update(c, "UPDATE sales_channels SET org_id = ? WHERE org_id = ? AND property_id = ?", targetOrgId,
                sourceOrgId, propertyId);
        // The store's devices go with it (they name the old org in their settings until they pair again).
        update(c, "UPDATE devices SET org_id = ? WHERE org_id = ? AND property_id = ?", targetOrgId, sourceOrgId,
                propertyId);
        update(c, "UPDATE pairing_codes SET org_id = ? WHERE org_id = ? AND property_id = ?", targetOrgId,
                sourceOrgId, propertyId);
        update(c, "UPDATE properties SET org_id = ? WHERE org_id = ? AND property_id = ?", targetOrgId, sourceOrgId,
                propertyId);
        update(c, "UPDATE analytics_events SET org_id = ? WHERE org_id = ? AND property_id = ?", targetOrgId,
                sourceOrgId, propertyId);
    }

    private static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
