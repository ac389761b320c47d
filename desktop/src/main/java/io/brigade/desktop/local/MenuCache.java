package io.brigade.desktop.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.MenuRevision;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The menu revision published to this terminal's channel, kept locally so the till sells offline. */
public final class MenuCache {
    private final LocalDatabase db;
    private final String salesChannelId;
    private final ObjectMapper mapper = Json.mapper();
    private final CopyOnWriteArrayList<Consumer<MenuRevision>> listeners = new CopyOnWriteArrayList<>();

    public MenuCache(LocalDatabase db, String salesChannelId) {
        this.db = db;
        this.salesChannelId = salesChannelId;
    }

    /** Keeps {@code revision} if it differs from the cached one, and tells the listeners. */
    public void store(MenuRevision revision) {
        Optional<MenuRevision> current = current();
        if (current.isPresent() && current.get().menuId().equals(revision.menuId())
                && current.get().revisionId() == revision.revisionId()) {
            return;
        }
        String content;
        try {
            content = mapper.writeValueAsString(revision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write menu revision", e);
        }
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO menu_cache (sales_channel_id, menu_id, "
                    + "revision_id, content, fetched_at) KEY (sales_channel_id) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, salesChannelId);
                ps.setString(2, revision.menuId());
                ps.setLong(3, revision.revisionId());
                ps.setString(4, content);
                ps.setObject(5, java.time.OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
        listeners.forEach(l -> l.accept(revision));
    }

    public Optional<MenuRevision> current() {
        String content = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT content FROM menu_cache WHERE sales_channel_id = ?")) {
                ps.setString(1, salesChannelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (content == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(content, MenuRevision.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cached menu is unreadable", e);
        }
    }

    /** Called (on the sync thread) whenever a new revision is cached. */
    public void onChange(Consumer<MenuRevision> listener) {
        listeners.add(listener);
    }
}
