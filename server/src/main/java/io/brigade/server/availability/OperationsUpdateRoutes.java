package io.brigade.server.availability;

import static io.brigade.protocol.devices.DeviceRole.TILL;
import static io.brigade.server.access.Scopes.OPERATIONS_WRITE;

import io.brigade.protocol.Data;
import io.brigade.protocol.availability.PublishStatus;
import io.brigade.protocol.availability.SnoozeChange;
import io.brigade.protocol.availability.SnoozeStatus;
import io.brigade.server.access.Access;
import io.brigade.server.domain.Validation;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;

/**
 * The Operations Updates API ({@code /operations-updates/orgs/{orgId}/properties/{propertyId}/salesChannels/
 * {salesChannelId}/menu-publish-status|item-snooze-status|store-snooze-status}) and the back office's
 * snooze screen ({@code /backoffice/v1/orgs/{orgId}/salesChannels/{salesChannelId}/snoozes}, also the till's
 * read of what to grey out).
 */
public final class OperationsUpdateRoutes {
    private static final String CHANNEL =
            "/operations-updates/orgs/{orgId}/properties/{propertyId}/salesChannels/{salesChannelId}";
    private static final String SNOOZES = "/backoffice/v1/orgs/{orgId}/salesChannels/{salesChannelId}/snoozes";
    private static final int MAX_ID = 64;

    private final SnoozeService service;

    public OperationsUpdateRoutes(SnoozeService service) {
        this.service = service;
    }

    public void register(Router router) {
        router.post(CHANNEL + "/menu-publish-status", Access.scope(OPERATIONS_WRITE), this::publishStatus)
                .post(CHANNEL + "/item-snooze-status", Access.scope(OPERATIONS_WRITE), this::itemStatus)
                .post(CHANNEL + "/store-snooze-status", Access.scope(OPERATIONS_WRITE), this::storeStatus)
                .get(SNOOZES, Access.manager().orDevices(TILL), ex -> Reply.ok(new Data<>(service.state(ex.path("orgId"), null,
                        ex.path("salesChannelId")))))
                .post(SNOOZES, Access.manager(), this::backOfficeChange);
    }

    private Reply publishStatus(Exchange ex) throws Exception {
        channel(ex);
        PublishStatus body = ex.json(PublishStatus.class);
        Validation v = new Validation();
        v.require(body.menuPublishId(), "menuPublishId");
        v.require(body.success(), "success");
        if (body.errorMessage() != null && body.errorMessage().length() > 2000) {
            v.error("errorMessage", "must be at most 2000 characters");
        }
        v.throwIfMalformed();
        return Reply.ok(new Data<>(service.publishReport(ex.path("orgId"), ex.path("propertyId"),
                ex.path("salesChannelId"), body.menuPublishId(), body.success(), body.errorMessage(), actor(ex))));
    }

    private Reply itemStatus(Exchange ex) throws Exception {
        channel(ex);
        SnoozeStatus body = ex.json(SnoozeStatus.class);
        Validation v = new Validation();
        v.require(body.menuId(), "menuId");
        Long revision = null;
        if (v.require(body.menuRevisionId(), "menuRevisionId")) {
            try {
                revision = Long.parseLong(body.menuRevisionId().strip());
            } catch (NumberFormatException e) {
                v.error("menuRevisionId", "must be a revision number");
            }
        }
        if (v.require(body.menuItemId(), "menuItemId") && body.menuItemId().length() > MAX_ID) {
            v.error("menuItemId", "must be at most " + MAX_ID + " characters");
        }
        boolean snooze = requested(body, v);
        v.throwIfMalformed();
        if (Boolean.TRUE.equals(body.success())) {
            service.item(ex.path("orgId"), ex.path("propertyId"), ex.path("salesChannelId"), body.menuId(), revision,
                    body.menuItemId(), snooze, body.expiry(), actor(ex));
        }
        return Reply.ok(new Data<>(service.state(ex.path("orgId"), ex.path("propertyId"), ex.path("salesChannelId"))));
    }

    private Reply storeStatus(Exchange ex) throws Exception {
        channel(ex);
        SnoozeStatus body = ex.json(SnoozeStatus.class);
        Validation v = new Validation();
        boolean snooze = requested(body, v);
        v.throwIfMalformed();
        if (Boolean.TRUE.equals(body.success())) {
            service.store(ex.path("orgId"), ex.path("propertyId"), ex.path("salesChannelId"), snooze, body.expiry(),
                    actor(ex));
        }
        return Reply.ok(new Data<>(service.state(ex.path("orgId"), ex.path("propertyId"), ex.path("salesChannelId"))));
    }

    /** {@code success: false} reports that the marketplace could not apply the change: nothing changes here. */
    private static boolean requested(SnoozeStatus body, Validation v) {
        v.require(body.success(), "success");
        if (!v.require(body.requestedStatus(), "requestedStatus")) {
            return false;
        }
        return switch (body.requestedStatus()) {
            case "Snooze" -> true;
            case "UnSnooze" -> false;
            default -> {
                v.error("requestedStatus", "must be Snooze or UnSnooze");
                yield false;
            }
        };
    }

    private Reply backOfficeChange(Exchange ex) throws Exception {
        service.requireChannel(ex.path("orgId"), null, ex.path("salesChannelId"));
        SnoozeChange body = ex.json(SnoozeChange.class);
        Validation v = new Validation();
        v.require(body.snoozed(), "snoozed");
        if (body.menuItemId() != null && (body.menuItemId().isBlank() || body.menuItemId().length() > MAX_ID)) {
            v.error("menuItemId", "must be 1 to " + MAX_ID + " characters, or left out to snooze the whole channel");
        }
        v.throwIfMalformed();
        String org = ex.path("orgId");
        String channel = ex.path("salesChannelId");
        if (body.menuItemId() == null) {
            service.store(org, null, channel, body.snoozed(), body.expiry(), actor(ex));
        } else {
            service.item(org, null, channel, null, null, body.menuItemId(), body.snoozed(), body.expiry(), actor(ex));
        }
        return Reply.ok(new Data<>(service.state(org, null, channel)));
    }

    /** Unknown (or another org's) channel answers 404 before the body is looked at. */
    private void channel(Exchange ex) {
        service.requireChannel(ex.path("orgId"), ex.path("propertyId"), ex.path("salesChannelId"));
    }

    private static String actor(Exchange ex) {
        return ex.caller().subject();
    }
}
