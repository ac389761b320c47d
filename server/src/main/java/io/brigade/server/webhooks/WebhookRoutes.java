package io.brigade.server.webhooks;

import static io.brigade.server.access.Scopes.WEBHOOKS_MANAGE;

import io.brigade.protocol.Data;
import io.brigade.protocol.webhooks.SubscriptionRequest;
import io.brigade.server.access.Access;
import io.brigade.server.access.AppGrant;
import io.brigade.server.access.Caller;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.Set;

/** The v3 Webhook Service API: {@code /webhooks/orgs/{orgId}/subscriptions/...}, as in both Flipdish guides. */
public final class WebhookRoutes {
    private static final String SUBS = "/webhooks/orgs/{orgId}/subscriptions";

    private final WebhookService service;

    public WebhookRoutes(WebhookService service) {
        this.service = service;
    }

    public void register(Router router) {
        router.post(SUBS, Access.scope(WEBHOOKS_MANAGE), ex -> Reply.created(new Data<>(service.createV3(org(ex),
                        ex.json(SubscriptionRequest.class), app(ex)))))
                .get(SUBS, Access.scope(WEBHOOKS_MANAGE), ex -> Reply.ok(new Data<>(service.list(org(ex), app(ex)))))
                .get(SUBS + "/{subId}", Access.scope(WEBHOOKS_MANAGE), ex -> {
                    service.requireOwn(org(ex), ex.path("subId"), app(ex));
                    return Reply.ok(new Data<>(service.get(org(ex), ex.path("subId"))));
                })
                .post(SUBS + "/{subId}", Access.scope(WEBHOOKS_MANAGE), ex -> Reply.ok(new Data<>(service.update(org(ex), ex.path("subId"),
                        ex.json(SubscriptionRequest.class), app(ex)))))
                .delete(SUBS + "/{subId}", Access.scope(WEBHOOKS_MANAGE), ex -> {
                    service.requireOwn(org(ex), ex.path("subId"), app(ex));
                    service.delete(org(ex), ex.path("subId"));
                    return Reply.noContent();
                })
                .get(SUBS + "/{subId}/trigger", Access.scope(WEBHOOKS_MANAGE), ex -> {
                    service.requireOwn(org(ex), ex.path("subId"), app(ex));
                    return Reply.accepted(new Data<>(service.trigger(org(ex), ex.path("subId"))));
                });
    }

    /** An installed app calling on an org other than its owner's, or null (the org itself, or the app at home). */
    private static AppCaller app(Exchange ex) {
        if (!(ex.caller() instanceof Caller.App app)) {
            return null;
        }
        AppGrant grant = app.grant();
        AppGrant.OrgAccess access = grant.access(org(ex)).orElseThrow(() -> new IllegalStateException("unchecked org"));
        return access.owner() ? null
                : new AppCaller(grant.clientId(), access.allStores() ? Set.of() : access.propertyIds());
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }
}
