package io.brigade.server.store;

import io.brigade.protocol.Json;
import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.store.StorePrinters;
import io.brigade.protocol.store.StoreSettings;
import io.brigade.server.access.Access;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * A store's settings and printers, under {@code /backoffice/v1/orgs/{orgId}/store}: {@code GET settings?propertyId=}
 * and {@code GET printers?propertyId=} for every screen of the store (staff of any role, its paired devices, the
 * org's own client; the settings with an {@code ETag}, 304 to a device that holds them); {@code PUT} of each for managers, with a {@link StoreSettings} or a {@link StorePrinters}.
 */
public final class StoreRoutes {
    private static final String BASE = "/backoffice/v1/orgs/{orgId}/store";
    private final StoreService service;

    public StoreRoutes(StoreService service) {
        this.service = service;
    }

    public void register(Router router) {
        router.get(BASE + "/settings", Access.anyStaff().orDevices(DeviceRole.values()),
                        ex -> tagged(ex, service.settings(ex.path("orgId"), property(ex))))
                .put(BASE + "/settings", Access.manager(), ex -> Reply.ok(service.saveSettings(ex.path("orgId"),
                        property(ex), ex.json(StoreSettings.class))))
                .get(BASE + "/printers", Access.anyStaff().orDevices(DeviceRole.values()),
                        ex -> Reply.ok(service.printers(ex.path("orgId"), property(ex))))
                .put(BASE + "/printers", Access.manager(), ex -> Reply.ok(service.savePrinters(ex.path("orgId"),
                        property(ex), ex.json(StorePrinters.class))));
    }

    /**
     * The settings with an {@code ETag} of their JSON; a device that names it in {@code If-None-Match} is answered
     * 304 without a body, so a till that asks every refresh downloads the logo once per change.
     */
    private static Reply tagged(Exchange ex, StoreSettings settings) throws IOException {
        byte[] json = Json.mapper().writeValueAsBytes(settings);
        String tag = '"' + HexFormat.of().formatHex(sha256(json), 0, 16) + '"';
        String asked = ex.header("If-None-Match");
        if (asked != null && Arrays.stream(asked.split(",")).map(String::strip)
                .anyMatch(t -> t.equals(tag) || t.equals("W/" + tag))) {
            return new Reply(304, null, null, Map.of("ETag", tag));
        }
        return new Reply(200, json, "application/json", Map.of("ETag", tag));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String property(Exchange ex) {
        return ex.query("propertyId").orElse(null);
    }
}
