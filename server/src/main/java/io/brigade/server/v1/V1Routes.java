package io.brigade.server.v1;

import io.brigade.protocol.Data;
import io.brigade.protocol.Json;
import io.brigade.protocol.v1.V1Shapes;
import io.brigade.server.access.Access;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Route;
import io.brigade.server.http.Router;
import io.brigade.server.ratelimit.RateLimiter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 9 endpoints of the public API under /api/v1, authenticated by {@code X-API-Key} (Enterprise).
 * Every request draws on the key's rate limits; GET answers are served from the org's cache.
 */
public final class V1Routes {
    private final V1Catalog catalog;
    private final V1Orders orders;
    private final RateLimiter limiter;
    private final ResponseCache cache;

    public V1Routes(V1Catalog catalog, V1Orders orders, RateLimiter limiter, ResponseCache cache) {
        this.catalog = catalog;
        this.orders = orders;
        this.limiter = limiter;
        this.cache = cache;
    }

    public void register(Router router) {
        router.get("/api/v1/meals", Access.apiKey(), cached(ex -> new Data<>(
                        catalog.meals(org(ex), ex.query("categoryId").orElse(null)))))
                .get("/api/v1/meals/{id}", Access.apiKey(), cached(ex -> catalog.meal(org(ex), ex.path("id"))))
                .get("/api/v1/categories", Access.apiKey(), cached(ex -> new Data<>(catalog.categories(org(ex)))))
                .get("/api/v1/menus", Access.apiKey(), cached(ex -> new Data<>(catalog.menus(org(ex)))))
                .get("/api/v1/menus/{id}", Access.apiKey(), cached(ex -> catalog.menu(org(ex), ex.path("id"))))
                .get("/api/v1/orders", Access.apiKey(), cached(ex -> orders.list(org(ex), ex.query("status").orElse(null),
                        ex.query("from").orElse(null), ex.query("to").orElse(null), ex.query("page").orElse(null),
                        ex.query("pageSize").orElse(null))))
                .get("/api/v1/orders/{id}", Access.apiKey(), cached(ex -> orders.read(org(ex), ex.path("id"))))
                .post("/api/v1/orders", Access.apiKey(), limited(true, ex -> created(orders.create(org(ex),
                        ex.header("Idempotency-Key"), ex.json(V1Shapes.OrderRequest.class), ex.body()))))
                .patch("/api/v1/orders/{id}/status", Access.apiKey(), limited(false, ex -> Reply.ok(
                        orders.changeStatus(org(ex), ex.path("id"), ex.json(V1Shapes.StatusChange.class)))));
    }

    /** What a cached GET computes: the body to serialise. */
    @FunctionalInterface
    private interface Body {
        Object compute(Exchange ex) throws Exception;
    }

    private Route cached(Body body) {
        return limited(false, ex -> {
            String uri = ex.request().getHttpURI().getPath();
            String query = ex.request().getHttpURI().getQuery();
            ResponseCache.Result result = cache.get(org(ex), query == null ? uri : uri + '?' + query,
                    () -> Json.mapper().writeValueAsBytes(body.compute(ex)));
            return new Reply(200, result.body(), "application/json",
                    Map.of("Cache-Status", result.hit() ? "brigade; hit" : "brigade; fwd=miss; stored"));
        });
    }

    private static Reply created(V1Shapes.Order order) {
        return new Reply(201, order, "application/json", Map.of("Location", "/api/v1/orders/" + order.id()));
    }

    private Route limited(boolean orderCreation, Route route) {
        return ex -> {
            Map<String, String> headers = new LinkedHashMap<>(limiter.acquire(ex.caller().subject(),
                    orderCreation));
            Reply reply = route.handle(ex);
            headers.putAll(reply.headers());
            return new Reply(reply.status(), reply.body(), reply.contentType(), headers);
        };
    }

    private static String org(Exchange ex) {
        return ex.caller().orgId();
    }
}
