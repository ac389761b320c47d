package io.brigade.server.webhooks;

import io.brigade.protocol.Json;
import io.brigade.protocol.org.SalesChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the v3 envelope {@code {source, detail-type, detail: {properties, metadata: {actor}}}} as in the
 * guides' examples; properties start with the org tree ids of the channel concerned.
 */
public final class Envelope {
    // The guides show every documented field, null or not: keep nulls (the shared mapper drops them).
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.newMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);

    private final String eventType;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Map<String, Object> actor = systemActor();
    private boolean synthetic;

    private Envelope(String eventType) {
        this.eventType = eventType;
    }

    /** An event about a sales channel: orgId, brandId, propertyId, salesChannelId, salesChannelType first. */
    public static Envelope forChannel(String eventType, String orgId, SalesChannel channel) {
        Envelope e = new Envelope(eventType);
        e.properties.put("orgId", orgId);
        e.properties.put("brandId", channel.brandId());
        e.properties.put("propertyId", channel.propertyId());
        e.properties.put("salesChannelId", channel.salesChannelId());
        e.properties.put("salesChannelType", channel.salesChannelType());
        return e;
    }

    /** An event about an org as a whole (an app's install lifecycle): {@code orgId} first. */
    public static Envelope forOrg(String eventType, String orgId) {
        Envelope e = new Envelope(eventType);
        e.properties.put("orgId", orgId);
        return e;
    }

    public String eventType() {
        return eventType;
    }

    public String propertyId() {
        return (String) properties.get("propertyId");
    }

    /** Adds a property; nulls are kept (the guides document the fields as present, possibly null). */
    public Envelope with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Who caused the event: the guides' {@code {id, email, name}}. */
    public Envelope actor(String id, String email, String name) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("email", email);
        a.put("name", name);
        this.actor = a;
        return this;
    }

    /** Marks a test delivery (the trigger and the back office's test button). */
    public Envelope synthetic() {
        this.synthetic = true;
        return this;
    }

    private static Map<String, Object> systemActor() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "system");
        a.put("email", null);
        a.put("name", "Brigade");
        return a;
    }

    public String toJson() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("actor", actor);
        if (synthetic) {
            metadata.put("synthetic", true);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("properties", properties);
        detail.put("metadata", metadata);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", "rms");
        root.put("detail-type", eventType);
        root.put("detail", detail);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
