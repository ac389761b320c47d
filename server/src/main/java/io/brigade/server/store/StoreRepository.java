package io.brigade.server.store;

import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StoreSettings;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code store_settings} and {@code store_printers} tables: one store's receipt identity and its printers. */
public final class StoreRepository {

    public Optional<StoreSettings> settings(Connection c, String orgId, String propertyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT restaurant_name, address, tax_number, phone, currency, "
                + "locale, receipt_header, receipt_footer, logo_png, updated_at FROM store_settings "
                + "WHERE org_id = ? AND property_id = ?")) {
            Sql.bind(ps, orgId, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoreSettings(propertyId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), Sql.instant(rs, "updated_at")));
            }
        }
    }

    /** Inserts or replaces the store's settings (already checked). */
    public void saveSettings(Connection c, String orgId, StoreSettings s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM store_settings WHERE org_id = ? AND property_id = ?")) {
            Sql.bind(ps, orgId, s.propertyId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_settings (org_id, property_id, "
                + "restaurant_name, address, tax_number, phone, currency, locale, receipt_header, receipt_footer, "
                + "logo_png, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, orgId, s.propertyId(), s.restaurantName(), s.address(), s.taxNumber(), s.phone(),
                    s.currency(), s.locale(), s.receiptHeader(), s.receiptFooter(), s.logoPng(), s.updatedAt());
            ps.executeUpdate();
        }
    }

    /** The store's printers in their order. */
    public List<StorePrinter> printers(Connection c, String orgId, String propertyId) throws SQLException {
        List<StorePrinter> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT printer_id, name, connection, address, paper_width, "
                + "code_page, station_ids, drawer_pin, drawer_on_ms, drawer_off_ms FROM store_printers "
                + "WHERE org_id = ? AND property_id = ? ORDER BY position")) {
            Sql.bind(ps, orgId, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stations = rs.getString("station_ids");
                    Integer pin = Sql.nullableInt(rs, "drawer_pin");
                    out.add(new StorePrinter(rs.getString("printer_id"), rs.getString("name"),
                            rs.getString("connection"), rs.getString("address"), rs.getInt("paper_width"),
                            rs.getString("code_page"), stations.isEmpty() ? List.of()
                                    : List.copyOf(Arrays.asList(stations.split(","))),
                            pin == null ? null : new StorePrinter.CashDrawer(pin, Sql.nullableInt(rs, "drawer_on_ms"),
                                    Sql.nullableInt(rs, "drawer_off_ms"))));
                }
            }
        }
        return out;
    }

    /** Replaces the store's printers with {@code printers} (already checked, each with its id). */
    public void replacePrinters(Connection c, String orgId, String propertyId, List<StorePrinter> printers)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM store_printers WHERE org_id = ? AND property_id = ?")) {
            Sql.bind(ps, orgId, propertyId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_printers (org_id, property_id, printer_id, "
                + "position, name, connection, address, paper_width, code_page, station_ids, drawer_pin, "
                + "drawer_on_ms, drawer_off_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int position = 0;
            for (StorePrinter p : printers) {
                StorePrinter.CashDrawer d = p.drawer();
                Sql.bind(ps, orgId, propertyId, p.printerId(), position++, p.name(), p.connection(), p.address(),
                        p.paperWidth(), p.codePage(), String.join(",", p.stationIds()), d == null ? null : d.pin(),
                        d == null ? null : d.onMs(), d == null ? null : d.offMs());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
