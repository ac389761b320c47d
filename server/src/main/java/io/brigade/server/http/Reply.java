package io.brigade.server.http;

import java.util.Map;

/**
 * What a route answers: a status, a body (an object to serialise as JSON, or raw bytes
 * already serialised) and extra headers.
 */
public record Reply(int status, Object body, String contentType, Map<String, String> headers) {

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
}
