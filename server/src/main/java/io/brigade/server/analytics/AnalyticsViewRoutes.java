package io.brigade.server.analytics;

import io.brigade.server.access.Access;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.function.Function;

/**
 * The back-office analytics views, {@code GET /backoffice/v1/orgs/{orgId}/analytics/{view}} with query
 * {@code fromDate}, {@code toDate} and optional {@code propertyId}, {@code salesChannelId},
 * {@code salesChannelType}; plus the per-sale {@code reconciliation} check.
 */
public final class AnalyticsViewRoutes {
    private static final String BASE = "/backoffice/v1/orgs/{orgId}/analytics/";
    private final AnalyticsService service;

    AnalyticsViewRoutes(AnalyticsService service) {
        this.service = service;
    }

    public void register(Router router) {
        view(router, "summary", AnalyticsService.MAX_RANGE_DAYS, service::summary);
        view(router, "daily", AnalyticsService.MAX_RANGE_DAYS, service::daily);
        view(router, "meals", AnalyticsService.MAX_RANGE_DAYS, service::meals);
        view(router, "options", AnalyticsService.MAX_RANGE_DAYS, service::options);
        view(router, "funnel", AnalyticsService.MAX_RANGE_DAYS, service::funnel);
        view(router, "profitability", AnalyticsService.MAX_RANGE_DAYS, service::profitability);
        view(router, "ingredients", AnalyticsService.MAX_RANGE_DAYS, service::ingredients);
        view(router, "reconciliation", AnalyticsService.MAX_RECONCILIATION_DAYS, service::reconciliation);
    }

    private void view(Router router, String name, int maxDays, Function<AnalyticsFilter, Object> view) {
        router.get(BASE + name, Access.manager(), ex -> {
            String orgId = ex.path("orgId");
            service.requireAnalytics(orgId);
            AnalyticsFilter filter = service.filter(orgId, name1 -> query(ex, name1), maxDays);
            return Reply.ok(view.apply(filter));
        });
    }

    private static String query(Exchange ex, String name) {
        return ex.query(name).orElse(null);
    }
}
