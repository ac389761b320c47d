package io.brigade.desktop.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.protocol.Json;
import io.brigade.protocol.store.StorePrinters;
import io.brigade.protocol.store.StoreSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The store's settings and printers as last read from the store server, in memory and in the local database: a
 * till that starts offline still prints its receipts with the store's name, address and printers.
 */
public final class StoreCache {
    private static final String SETTINGS = "settings";
    private static final String PRINTERS = "printers";
    private final LocalDatabase db;
    private final ObjectMapper mapper = Json.mapper();
    private final CopyOnWriteArrayList<Consumer<StoreCache>> listeners = new CopyOnWriteArrayList<>();
    private volatile StoreSettings settings;
    private volatile StorePrinters printers;

    public StoreCache(LocalDatabase db) {
        this.db = db;
        this.settings = read(SETTINGS, StoreSettings.class);
        this.printers = read(PRINTERS, StorePrinters.class);
    }

    /** The store's settings as last read, if ever. */
    public Optional<StoreSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** The store's printers as last read (none before the first read). */
    public List<io.brigade.protocol.store.StorePrinter> printers() {
        StorePrinters known = printers;
        return known == null || known.printers() == null ? List.of() : known.printers();
    }

    /** Keeps {@code next} if it differs from what is known, and tells the listeners. */
    public void store(StoreSettings next) {
        if (!Objects.equals(next, settings)) {
            write(SETTINGS, next);
            settings = next;
            listeners.forEach(l -> l.accept(this));
        }
    }

    /** Keeps {@code next} if it differs from what is known, and tells the listeners. */
    public void store(StorePrinters next) {
        if (!Objects.equals(next, printers)) {
            write(PRINTERS, next);
            printers = next;
            listeners.forEach(l -> l.accept(this));
        }
    }

    /** Called (on the thread that stored) whenever the settings or the printers change. */
    public void onChange(Consumer<StoreCache> listener) {
        listeners.add(listener);
    }

    private void write(String kind, Object value) {
        String content;
        try {
            content = mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the store's " + kind, e);
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO store_cache (kind, content, fetched_at) "
                    + "KEY (kind) VALUES (?, ?, ?)")) {
                ps.setString(1, kind);
                ps.setString(2, content);
                ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private <T> T read(String kind, Class<T> type) {
        String content = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM store_cache WHERE kind = ?")) {
                ps.setString(1, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        try {
            return content == null ? null : mapper.readValue(content, type);
        } catch (JsonProcessingException e) {
            return null; // an unreadable row is replaced by the next read from the server
        }
    }
}
