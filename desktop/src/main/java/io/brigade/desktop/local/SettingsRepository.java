package io.brigade.desktop.local;

import io.brigade.desktop.client.TerminalSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Terminal settings as name/value rows in the till database. */
public final class SettingsRepository {
    private final LocalDatabase db;

    public SettingsRepository(LocalDatabase db) {
        this.db = db;
    }

    public Optional<TerminalSettings> load() {
        Map<String, String> v = db.inTransaction(SettingsRepository::all);
        if (!v.containsKey("serverUrl")) {
            return Optional.empty();
        }
        return Optional.of(new TerminalSettings(v.get("serverUrl"), v.get("clientId"), v.get("clientSecret"),
                v.get("orgId"), v.get("propertyId"), v.get("salesChannelId"), v.get("terminalName"),
                Boolean.parseBoolean(v.get("embedded"))));
    }

    public void save(TerminalSettings s) {
        Map<String, String> v = new HashMap<>();
        v.put("serverUrl", s.serverUrl());
        v.put("clientId", s.clientId());
        v.put("clientSecret", s.clientSecret());
        v.put("orgId", s.orgId());
        v.put("propertyId", s.propertyId());
        v.put("salesChannelId", s.salesChannelId());
        v.put("terminalName", s.terminalName());
        v.put("embedded", Boolean.toString(s.embedded()));
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO settings (name, setting_value) KEY (name) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : v.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** One setting of this PC (outside the terminal settings), if it was ever saved. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(db.inTransaction(SettingsRepository::all).get(name));
    }

    /** Saves one setting of this PC. */
    public void put(String name, String value) {
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO settings (name, setting_value) KEY (name) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Map<String, String> all(Connection c) throws Exception {
        Map<String, String> v = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, setting_value FROM settings");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                v.put(rs.getString(1), rs.getString(2));
            }
        }
        return v;
    }
}
