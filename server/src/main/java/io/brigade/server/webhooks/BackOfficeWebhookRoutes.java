package io.brigade.server.webhooks;

import io.brigade.protocol.Data;
import io.brigade.protocol.webhooks.SubscriptionRequest;
import io.brigade.server.access.Access;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;

/**
 * The desktop's webhook manager (FoodFlex style): {@code /backoffice/v1/orgs/{orgId}/webhooks} to create (the
 * generated secret is in that answer only) and list, {@code /{subId}} to read, edit (PUT: URL, event types,
 * properties; the secret stays the generated one) and delete,
 * {@code /{subId}/deliveries} for the attempt log, {@code /{subId}/test} and {@code /{subId}/enable}.
 */
public final class BackOfficeWebhookRoutes {
    private static final String HOOKS = "/backoffice/v1/orgs/{orgId}/webhooks";
    private static final int DEFAULT_LOG = 100;
    private static final int MAX_LOG = 1000;

    private final WebhookService service;

    public BackOfficeWebhookRoutes(WebhookService service) {
        this.service = service;
    }

    public void register(Router router) {
        router.post(HOOKS, Access.manager(), ex -> Reply.created(new Data<>(service.createBackOffice(org(ex),
                        ex.json(SubscriptionRequest.class)))).secret())
                .get(HOOKS, Access.manager(), ex -> Reply.ok(new Data<>(service.list(org(ex)))))
                .get(HOOKS + "/{subId}", Access.manager(), ex -> Reply.ok(new Data<>(service.get(org(ex),
                        ex.path("subId")))))
                .put(HOOKS + "/{subId}", Access.manager(), ex -> Reply.ok(new Data<>(service.update(org(ex),
                        ex.path("subId"), withoutSecret(ex.json(SubscriptionRequest.class))))))
                .delete(HOOKS + "/{subId}", Access.manager(), ex -> {
                    service.delete(org(ex), ex.path("subId"));
                    return Reply.noContent();
                })
                .get(HOOKS + "/{subId}/deliveries", Access.manager(), ex -> Reply.ok(new Data<>(
                        service.attempts(org(ex), ex.path("subId"), limit(ex)))))
                .post(HOOKS + "/{subId}/test", Access.manager(), ex -> Reply.accepted(new Data<>(
                        service.trigger(org(ex), ex.path("subId")))))
                .post(HOOKS + "/{subId}/enable", Access.manager(), ex -> Reply.ok(new Data<>(
                        service.enable(org(ex), ex.path("subId")))));
    }

    /** The back office never sets a secret: its subscriptions keep the one generated at creation. */
    private static SubscriptionRequest withoutSecret(SubscriptionRequest r) {
        return new SubscriptionRequest(r.callbackUrl(), null, r.eventTypes(), r.propertyIds(), r.enabled());
    }

    private static int limit(Exchange ex) {
        String raw = ex.query("limit").orElse(null);
        if (raw == null) {
            return DEFAULT_LOG;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_LOG) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the refusal
        }
        throw InvalidInputException.malformed(java.util.List.of(new io.brigade.protocol.Problem.FieldError("limit",
                "must be a whole number from 1 to " + MAX_LOG)));
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }
}
