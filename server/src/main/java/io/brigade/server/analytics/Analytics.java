package io.brigade.server.analytics;

import io.brigade.server.db.Database;
import io.brigade.server.http.Router;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.ImportObserver;
import io.brigade.server.sales.SaleObserver;
import io.brigade.server.sales.SaleRepository;
import java.time.Clock;

/** The analytics feature wired together: the sale observer that maintains rollups, and its routes. */
public final class Analytics {
    private final AnalyticsSaleObserver observer;
    private final AnalyticsRoutes eventRoutes;
    private final AnalyticsViewRoutes viewRoutes;

    public Analytics(Database database, OrgRepository orgs, MenuService menus, SaleRepository sales, Clock clock) {
        AnalyticsRollupRepository rollups = new AnalyticsRollupRepository();
        AnalyticsEventRepository events = new AnalyticsEventRepository();
        PropertyDirectory properties = new PropertyDirectory(orgs);
        EventRollups eventRollups = new EventRollups(rollups, properties);
        this.observer = new AnalyticsSaleObserver(rollups, events, eventRollups, properties, menus, sales);
        this.eventRoutes = new AnalyticsRoutes(database, events, eventRollups, clock);
        this.viewRoutes = new AnalyticsViewRoutes(new AnalyticsService(database, orgs, new AnalyticsQueryRepository(),
                new ReconciliationRepository()));
    }

    /** Hand this to the SaleService: it keeps the rollups in each sale's transaction. */
    public SaleObserver saleObserver() {
        return observer;
    }

    /** Hand this to a SaleImport: it adds imported sales to the rollups in each import chunk's transaction. */
    public ImportObserver importObserver() {
        return observer;
    }

    public void register(Router router) {
        eventRoutes.register(router);
        viewRoutes.register(router);
    }
}
