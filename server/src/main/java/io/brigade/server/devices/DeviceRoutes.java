package io.brigade.server.devices;

import io.brigade.protocol.Data;
import io.brigade.protocol.devices.DeviceUpdate;
import io.brigade.protocol.devices.NewPairingCode;
import io.brigade.protocol.devices.PairingRequest;
import io.brigade.protocol.devices.StoreHello;
import io.brigade.server.access.Access;
import io.brigade.server.access.Caller;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/**
 * Devices of a store. Managers: {@code POST /backoffice/v1/orgs/{orgId}/devices/pairing-codes} (a one-time code
 * and the fingerprint to compare), {@code GET .../devices}, {@code PATCH .../devices/{deviceId}} (name, role),
 * {@code DELETE .../devices/{deviceId}} (revoke). New devices: {@code GET /store/v1/hello} (first contact, to see
 * the certificate) and {@code POST /store/v1/pairings} (code for credential). A device: {@code GET
 * /store/v1/device} (itself; a revoked one is told so).
 */
public final class DeviceRoutes {
    private static final String DEVICES = "/backoffice/v1/orgs/{orgId}/devices";
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");
    private final DeviceService service;
    private final StoreIdentity store;

    public DeviceRoutes(DeviceService service, StoreIdentity store) {
        this.service = service;
        this.store = store;
    }

    public void register(Router router) {
        router.post(DEVICES + "/pairing-codes", Access.manager(), ex -> new Reply(201,
                        service.newCode(ex.path("orgId"), ex.json(NewPairingCode.class),
                                ex.caller().kind() + ":" + ex.caller().subject()), "application/json", NO_STORE))
                .get(DEVICES, Access.manager(), ex -> Reply.ok(new Data<>(service.list(ex.path("orgId")))))
                .patch(DEVICES + "/{deviceId}", Access.manager(), ex -> Reply.ok(service.rename(ex.path("orgId"),
                        ex.path("deviceId"), ex.json(DeviceUpdate.class))))
                .delete(DEVICES + "/{deviceId}", Access.manager(), ex -> {
                    service.revoke(ex.path("orgId"), ex.path("deviceId"));
                    return Reply.noContent();
                })
                .get("/store/v1/hello", Access.open(), ex -> Reply.ok(new StoreHello(store.name(), "1")))
                .post("/store/v1/pairings", Access.open(), this::pair)
                .get("/store/v1/device", Access.device(), ex -> Reply.ok(service.self((Caller.Device) ex.caller())));
    }

    private Reply pair(Exchange ex) throws Exception {
        String caller = Request.getRemoteAddr(ex.request());
        return new Reply(201, service.pair(ex.json(PairingRequest.class), caller), "application/json", NO_STORE);
    }
}
