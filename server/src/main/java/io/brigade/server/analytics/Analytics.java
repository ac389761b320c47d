package io.brigade.server.analytics;

import io.brigade.server.db.Database;
import io.brigade.server.http.Router;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.SaleRepository;
import java.time.Clock;

/** The analytics feature wired together: the rollups the sale path keeps, and the routes. */
public final class Analytics {
    private final SaleRollups rollups;
    private final PropertyDirectory properties;
    private final AnalyticsRoutes eventRoutes;
    private final AnalyticsViewRoutes viewRoutes;

    public Analytics(Database database, OrgRepository orgs, MenuService menus, SaleRepository sales, Clock clock) {
        AnalyticsRollupRepository rollupRows = new AnalyticsRollupRepository();
        AnalyticsEventRepository events = new AnalyticsEventRepository();
        this.properties = new PropertyDirectory(orgs);
        EventRollups eventRollups = new EventRollups(rollupRows, properties);
        this.rollups = new SaleRollups(rollupRows, events, eventRollups, properties, menus, sales);
        this.eventRoutes = new AnalyticsRoutes(database, events, eventRollups, clock);
        this.viewRoutes = new AnalyticsViewRoutes(new AnalyticsService(database, orgs, new AnalyticsQueryRepository(),
                new ReconciliationRepository()));
    }

    /** The rollups of sales, kept by the sale path and the historical import in their own transactions. */
    public SaleRollups saleRollups() {
        return rollups;
    }

    /** A property's settings changed on this node (its time zone may be another now). */
    public void propertyChanged(String orgId, String propertyId) {
        properties.forget(orgId, propertyId);
    }

    public void register(Router router) {
        eventRoutes.register(router);
        viewRoutes.register(router);
    }
}
