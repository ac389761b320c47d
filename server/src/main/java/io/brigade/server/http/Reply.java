package io.brigade.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * What a route answers: a status, a body (an object to serialise as JSON, raw bytes already serialised, or a
 * {@link Streamed} body written as it is produced) and extra headers.
 */
public record Reply(int status, Object body, String contentType, Map<String, String> headers) {

    /**
     * A body too large to hold whole (a 100,000-item menu): written to the response as it is produced, and
     * compressed on the way when the client accepts gzip.
     */
    @FunctionalInterface
    public interface Streamed {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A streamed body that is compressed already (a zip): sent as it is, never gzip-coded on top. */
    @FunctionalInterface
    public interface Packed extends Streamed {
    }

    /**
     * A body stored gzip-compressed (a large job result): sent as it is, with {@code Content-Encoding: gzip}, to a
     * client that accepts gzip, and decompressed on the way for one that does not.
     */
    @FunctionalInterface
    public interface Gzipped {
        InputStream open() throws IOException;
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, "application/json", Map.of());
    }

    public static Reply created(Object body) {
        return new Reply(201, body, "application/json", Map.of());
    }

    public static Reply accepted(Object body) {
        return new Reply(202, body, "application/json", Map.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, null, Map.of());
    }

    public static Reply raw(int status, byte[] json) {
        return new Reply(status, json, "application/json", Map.of());
    }

    /**
     * This reply marked {@code Cache-Control: no-store}: it shows a secret (a key, a client secret, a signing
     * secret, a token) that no browser, proxy or client cache may keep a copy of.
     */
    public Reply secret() {
        Map<String, String> withNoStore = new java.util.LinkedHashMap<>(headers);
        withNoStore.put("Cache-Control", "no-store");
        withNoStore.put("Pragma", "no-cache");
        return new Reply(status, body, contentType, Map.copyOf(withNoStore));
    }

    /** 200 with a JSON body written by {@code body}. */
    public static Reply streamed(Streamed body) {
        return new Reply(200, body, "application/json", Map.of());
    }
}
