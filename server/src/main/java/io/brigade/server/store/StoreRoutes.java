package io.brigade.server.store;

import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.store.StorePrinters;
import io.brigade.protocol.store.StoreSettings;
import io.brigade.server.access.Access;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;

/**
 * A store's settings and printers, under {@code /backoffice/v1/orgs/{orgId}/store}: {@code GET settings?propertyId=}
 * and {@code GET printers?propertyId=} for every screen of the store (staff of any role, its paired devices, the
 * org's own client); {@code PUT} of each for managers, with a {@link StoreSettings} or a {@link StorePrinters}.
 */
public final class StoreRoutes {
    private static final String BASE = "/backoffice/v1/orgs/{orgId}/store";
    private final StoreService service;

    public StoreRoutes(StoreService service) {
        this.service = service;
    }

    public void register(Router router) {
        router.get(BASE + "/settings", Access.anyStaff().orDevices(DeviceRole.values()),
                        ex -> Reply.ok(service.settings(ex.path("orgId"), property(ex))))
                .put(BASE + "/settings", Access.manager(), ex -> Reply.ok(service.saveSettings(ex.path("orgId"),
                        property(ex), ex.json(StoreSettings.class))))
                .get(BASE + "/printers", Access.anyStaff().orDevices(DeviceRole.values()),
                        ex -> Reply.ok(service.printers(ex.path("orgId"), property(ex))))
                .put(BASE + "/printers", Access.manager(), ex -> Reply.ok(service.savePrinters(ex.path("orgId"),
                        property(ex), ex.json(StorePrinters.class))));
    }

    private static String property(Exchange ex) {
        return ex.query("propertyId").orElse(null);
    }
}
