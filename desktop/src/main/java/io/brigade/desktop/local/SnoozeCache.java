package io.brigade.desktop.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.protocol.Json;
import io.brigade.protocol.availability.ChannelSnoozes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The channel's snoozes as last read from the server, kept in memory and in the local database so that a till
 * that restarts offline still greys out what was snoozed (until each snooze's expiry, by its own clock).
 */
public final class SnoozeCache {
    private final LocalDatabase db;
    private final String salesChannelId;
    private final ObjectMapper mapper = Json.mapper();
    private final CopyOnWriteArrayList<Consumer<ChannelSnoozes>> listeners = new CopyOnWriteArrayList<>();
    private volatile ChannelSnoozes current;

    public SnoozeCache(LocalDatabase db, String salesChannelId) {
        this.db = db;
        this.salesChannelId = salesChannelId;
    }

    /** Keeps {@code state} if it differs from what is known, and tells the listeners. */
    public void store(ChannelSnoozes state) {
        if (Objects.equals(state, current())) {
            return;
        }
        String content;
        try {
            content = mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write snoozes", e);
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO snooze_cache (sales_channel_id, content, "
                    + "fetched_at) KEY (sales_channel_id) VALUES (?, ?, ?)")) {
                ps.setString(1, salesChannelId);
                ps.setString(2, content);
                ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
        current = state;
        listeners.forEach(l -> l.accept(state));
    }

    /** The last known snoozes ({@link ChannelSnoozes#NONE} before the first read). */
    public ChannelSnoozes current() {
        ChannelSnoozes known = current;
        if (known != null) {
            return known;
        }
        String content = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT content FROM snooze_cache WHERE sales_channel_id = ?")) {
                ps.setString(1, salesChannelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        try {
            known = content == null ? ChannelSnoozes.NONE : mapper.readValue(content, ChannelSnoozes.class);
        } catch (JsonProcessingException e) {
            known = ChannelSnoozes.NONE; // an unreadable row is replaced by the next read from the server
        }
        current = known;
        return known;
    }

    /** Called (on the sync thread) whenever the snoozes change. */
    public void onChange(Consumer<ChannelSnoozes> listener) {
        listeners.add(listener);
    }
}
