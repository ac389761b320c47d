package io.brigade.server.sales;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the commit journal keeps of a new sale: everything its write stored, with the ids and times the
 * server gave it, so that redoing it after a crash stores the very sale the client was answered about.
 */
record SaleRedo(SaleRecord record, String idempotencyKey, String requestHash, String responseBody) {
    private static final ObjectMapper MAPPER = Json.mapper();

    byte[] toBytes() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SaleRedo parse(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, SaleRedo.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable sale in the commit journal", e);
        }
    }
}
