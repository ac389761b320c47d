package io.brigade.desktop.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.protocol.Data;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.MenuRevision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The menu revision published to this terminal's channel, kept locally so the till sells offline. It is kept as
 * the server's answer, gzip-compressed ({@code {"data": revision}}): a 100,000-item menu takes ~8 MB here and is
 * parsed once when the till opens it. Which revision is cached is readable without opening it ({@link #header}).
 */
public final class MenuCache {
    private static final TypeReference<Data<MenuRevision>> ANSWER = new TypeReference<>() { };

    /** Which revision is cached, and its currency. */
    public record Header(String menuId, long revisionId, String currency) {
    }

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
        if (isCached(revision.menuId(), revision.revisionId())) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            mapper.writeValue(gzip, new Data<>(revision));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write menu revision", e);
        }
        write(revision, bytes.toByteArray());
    }

    /**
     * Keeps a revision as the server sent it: {@code gzipAnswer} is the gzip-compressed body of
     * {@code GET .../revisions/{id}}. It is parsed once, here, for the listeners (the till); a body that does
     * not parse is not kept.
     */
    public void storeAnswer(byte[] gzipAnswer) {
        MenuRevision revision = parse(gzipAnswer);
        if (isCached(revision.menuId(), revision.revisionId())) {
            return;
        }
        write(revision, gzipAnswer);
    }

    private boolean isCached(String menuId, long revisionId) {
        Optional<Header> cached = header();
        return cached.isPresent() && cached.get().menuId().equals(menuId) && cached.get().revisionId() == revisionId;
    }

    private void write(MenuRevision revision, byte[] snapshot) {
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO menu_cache (sales_channel_id, menu_id, "
                    + "revision_id, currency, content, snapshot, fetched_at) KEY (sales_channel_id) "
                    + "VALUES (?, ?, ?, ?, NULL, ?, ?)")) {
                ps.setString(1, salesChannelId);
                ps.setString(2, revision.menuId());
                ps.setLong(3, revision.revisionId());
                ps.setString(4, revision.menu() == null ? null : revision.menu().currency());
                ps.setBytes(5, snapshot);
                ps.setObject(6, java.time.OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
        listeners.forEach(l -> l.accept(revision));
    }

    /** Which revision is cached, read without opening it. */
    public Optional<Header> header() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT menu_id, revision_id, currency FROM menu_cache WHERE sales_channel_id = ?")) {
                ps.setString(1, salesChannelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Header(rs.getString(1), rs.getLong(2), rs.getString(3)))
                            : Optional.<Header>empty();
                }
            }
        });
    }

    /** The cached revision, parsed (the till opens it with this). */
    public Optional<MenuRevision> current() {
        Object[] stored = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT snapshot, content FROM menu_cache WHERE sales_channel_id = ?")) {
                ps.setString(1, salesChannelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Object[] {rs.getBytes(1), rs.getString(2)} : null;
                }
            }
        });
        if (stored == null) {
            return Optional.empty();
        }
        if (stored[0] != null) {
            return Optional.of(parse((byte[]) stored[0]));
        }
        try {
            return Optional.of(mapper.readValue((String) stored[1], MenuRevision.class));
        } catch (IOException e) {
            throw new IllegalStateException("cached menu is unreadable", e);
        }
    }

    private MenuRevision parse(byte[] gzipAnswer) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipAnswer), 1 << 16)) {
            MenuRevision revision = mapper.readValue(in, ANSWER).data();
            if (revision == null || revision.menuId() == null) {
                throw new IllegalStateException("the menu answer holds no revision");
            }
            return revision;
        } catch (IOException e) {
            throw new IllegalStateException("cached menu is unreadable", e);
        }
    }

    /** Called (on the sync thread) whenever a new revision is cached. */
    public void onChange(Consumer<MenuRevision> listener) {
        listeners.add(listener);
    }
}
