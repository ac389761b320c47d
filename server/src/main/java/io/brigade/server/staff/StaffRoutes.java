package io.brigade.server.staff;

import io.brigade.protocol.Data;
import io.brigade.protocol.staff.NewStaffMember;
import io.brigade.server.access.Access;
import io.brigade.protocol.devices.DeviceRole;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.Map;

/**
 * Staff in the back office: {@code /backoffice/v1/orgs/{orgId}/staff} lists, adds and removes members (managers;
 * signing in and out is {@code auth.SessionRoutes}). {@code .../staff/credentials} gives a till the PIN digests it
 * needs to sign staff in while offline; only the org's own client (a terminal) and the store's paired devices may
 * read them.
 */
public final class StaffRoutes {
    private static final String STAFF = "/backoffice/v1/orgs/{orgId}/staff";
    private final StaffService service;

    public StaffRoutes(StaffService service) {
        this.service = service;
    }

    public void register(Router router) {
        router.get(STAFF, Access.manager(), this::list)
                .post(STAFF, Access.manager(), this::add)
                .get(STAFF + "/credentials", Access.ownClient().orDevices(DeviceRole.values()), this::credentials)
                .delete(STAFF + "/{staffId}", Access.manager(), this::remove);
    }

    private Reply list(Exchange ex) {
        return Reply.ok(new Data<>(service.list(ex.path("orgId"))));
    }

    private Reply add(Exchange ex) throws Exception {
        return Reply.created(service.add(ex.path("orgId"), ex.json(NewStaffMember.class)));
    }

    private Reply credentials(Exchange ex) {
        return new Reply(200, new Data<>(service.credentials(ex.path("orgId"))), "application/json",
                Map.of("Cache-Control", "no-store"));
    }

    private Reply remove(Exchange ex) {
        service.remove(ex.path("orgId"), ex.path("staffId"));
        return Reply.noContent();
    }
}
