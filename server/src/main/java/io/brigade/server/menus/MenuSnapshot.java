package io.brigade.server.menus;

import com.fasterxml.jackson.core.JsonGenerator;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuRevision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A revision's menu as stored: the JSON of its {@link MenuContent}, gzip-compressed at the fastest level (a
 * 100,000-item menu, ~60 MB of JSON, compresses ~10 to 1 in well under a second). Revisions written before
 * snapshots existed hold the same JSON as text; {@link #of} takes either.
 */
public final class MenuSnapshot {
    private static final int BUFFER = 1 << 16;

    private final byte[] gzip;
    private final String text;

    private MenuSnapshot(byte[] gzip, String text) {
        this.gzip = gzip;
        this.text = text;
    }

    /** A stored snapshot: the compressed bytes, or (older rows) the JSON text. */
    static MenuSnapshot of(byte[] gzip, String text) {
        if (gzip == null && text == null) {
            throw new IllegalStateException("a menu revision without content");
        }
        return new MenuSnapshot(gzip, text);
    }

    /** Compresses the menu's JSON as it is written; the menu is never held as one string. */
    static byte[] encode(MenuContent content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (OutputStream gz = new GZIPOutputStream(bytes, BUFFER) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }; JsonGenerator json = Json.mapper().createGenerator(gz)) {
            Json.mapper().writeValue(json, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The compressed bytes, or null for an older text row. */
    byte[] gzip() {
        return gzip;
    }

    /** The menu's JSON as a stream. */
    InputStream open() throws IOException {
        return gzip != null ? new GZIPInputStream(new ByteArrayInputStream(gzip), BUFFER)
                : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses the whole menu (sale validation, jobs that edit a menu): the one time it is held as objects. */
    MenuContent parse() {
        try (InputStream in = open()) {
            return Json.mapper().readValue(in, MenuContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the menu's JSON to {@code out} without parsing it. */
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = open()) {
            in.transferTo(out);
        }
    }

    /**
     * Writes {@code {"data":{"menuId":…,"revisionId":…,"createdAt":…,"menu":…}}}, the answer of {@code current}
     * and {@code revisions/{id}}, byte for byte what serialising the parsed {@link MenuRevision} would give.
     */
    void writeRevision(String menuId, long revisionId, Instant createdAt, OutputStream out) throws IOException {
        String header = Json.mapper().writeValueAsString(new MenuRevision(menuId, revisionId, createdAt, null));
        out.write(("{\"data\":" + header.substring(0, header.length() - 1) + ",\"menu\":")
                .getBytes(StandardCharsets.UTF_8));
        writeTo(out);
        out.write("}}".getBytes(StandardCharsets.UTF_8));
    }
}
