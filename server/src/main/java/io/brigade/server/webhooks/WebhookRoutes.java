package io.brigade.server.webhooks;

import io.brigade.protocol.Data;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;

/** The v3 Webhook Service API: {@code /webhooks/orgs/{orgId}/subscriptions/...}, as in both Flipdish guides. */
public final class WebhookRoutes {
    private static final String SUBS = "/webhooks/orgs/{orgId}/subscriptions";

    private final WebhookService service;

    public WebhookRoutes(WebhookService service) {
        this.service = service;
    }

    public void register(Router router) {
        router.route("POST", SUBS, ex -> Reply.created(new Data<>(service.createV3(org(ex),
                        ex.json(SubscriptionRequest.class)))))
                .route("GET", SUBS, ex -> Reply.ok(new Data<>(service.list(org(ex)))))
                .route("GET", SUBS + "/{subId}", ex -> Reply.ok(new Data<>(service.get(org(ex), ex.path("subId")))))
                .route("POST", SUBS + "/{subId}", ex -> Reply.ok(new Data<>(service.update(org(ex), ex.path("subId"),
                        ex.json(SubscriptionRequest.class)))))
                .route("DELETE", SUBS + "/{subId}", ex -> {
                    service.delete(org(ex), ex.path("subId"));
                    return Reply.noContent();
                })
                .route("GET", SUBS + "/{subId}/trigger",
                        ex -> Reply.accepted(new Data<>(service.trigger(org(ex), ex.path("subId")))));
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }
}
