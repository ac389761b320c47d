package io.brigade.desktop.local;

import io.brigade.desktop.client.StoreLink;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.protocol.devices.DeviceRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Terminal settings as name/value rows in the till database, the device credential of a desktop that joined a store
 * among them: the file is readable by its owner only ({@link LocalDatabase}), and the credential never leaves it
 * except as the {@code Authorization} header of calls to the pinned store server.
 */
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
        StoreLink link = v.containsKey("deviceCredential") ? new StoreLink(v.get("deviceId"),
                v.get("deviceCredential"), v.get("pinnedFingerprint"), DeviceRole.valueOf(v.get("deviceRole")),
                v.get("terminalName"), v.get("displayPrefix"), v.get("storeName")) : null;
        return Optional.of(new TerminalSettings(v.get("serverUrl"), v.get("clientId"), v.get("clientSecret"),
                v.get("orgId"), v.get("propertyId"), v.get("salesChannelId"), v.get("terminalName"),
                Boolean.parseBoolean(v.get("embedded")), link));
    }

    /**
     * Whether this PC's built-in server serves the store (HTTPS on the network) and on which port, as a manager
     * last switched it; empty while it listens on this PC only.
     */
    public Optional<Integer> servesStoreOn() {
        Map<String, String> v = db.inTransaction(SettingsRepository::all);
        return Boolean.parseBoolean(v.get("serveStore")) ? Optional.of(Integer.parseInt(v.getOrDefault("servePort",
                "0"))) : Optional.empty();
    }

    /** Remembers the "serve the store" switch and the HTTPS port devices were given, for the next start. */
    public void saveServeStore(boolean on, int port) {
        Map<String, String> v = new HashMap<>();
        v.put("serveStore", Boolean.toString(on));
        v.put("servePort", Integer.toString(port));
        merge(v);
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
        if (s.link() != null) {
            v.put("deviceId", s.link().deviceId());
            v.put("deviceCredential", s.link().credential());
            v.put("pinnedFingerprint", s.link().fingerprint());
            v.put("deviceRole", s.link().role().name());
            if (s.link().displayPrefix() != null) {
                v.put("displayPrefix", s.link().displayPrefix());
            }
            v.put("storeName", s.link().storeName());
        }
        merge(v);
    }

    private void merge(Map<String, String> v) {
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
