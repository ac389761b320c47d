package io.brigade.server;

import io.brigade.server.analytics.AnalyticsEventRepository;
import io.brigade.server.analytics.AnalyticsRoutes;
import io.brigade.server.auth.Authenticator;
import io.brigade.server.auth.CredentialRepository;
import io.brigade.server.auth.TokenRoutes;
import io.brigade.server.billing.BillingRepository;
import io.brigade.server.billing.SubscriptionProcessor;
import io.brigade.server.db.Database;
import io.brigade.server.db.GroupCommitter;
import io.brigade.server.export.AnalyticsExportJob;
import io.brigade.server.export.ExportRepository;
import io.brigade.server.http.Router;
import io.brigade.server.jobs.BulkMealUpdateJob;
import io.brigade.server.jobs.ChannelMenuRepository;
import io.brigade.server.jobs.GdprDeletionJob;
import io.brigade.server.jobs.JobEngine;
import io.brigade.server.jobs.JobOptions;
import io.brigade.server.jobs.JobRepository;
import io.brigade.server.jobs.JobRoutes;
import io.brigade.server.jobs.NutritionImportJob;
import io.brigade.server.jobs.NutritionRepository;
import io.brigade.server.jobs.PersonalDataRepository;
import io.brigade.server.jobs.ProductSyncAllJob;
import io.brigade.server.jobs.SubscriptionProcessJob;
import io.brigade.server.jobs.TenantMigrationJob;
import io.brigade.server.jobs.TenantMigrationRepository;
import io.brigade.server.jobs.WebhookRetriesJob;
import io.brigade.server.jobs.WebhookRetrySweep;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.menus.MenuRoutes;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.OrgRoutes;
import io.brigade.server.org.OrgService;
import io.brigade.server.sales.SaleRepository;
import io.brigade.server.sales.SaleRoutes;
import io.brigade.server.sales.SaleService;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The whole server, built from its dependencies; {@link Main} only starts it. */
public final class BrigadeServer implements AutoCloseable {
    private final Server jetty;
    private final Database database;
    private final GroupCommitter committer;
    private final Router router;
    private final JobEngine jobs;

    private BrigadeServer(Server jetty, Database database, GroupCommitter committer, Router router, JobEngine jobs) {
        this.jetty = jetty;
        this.database = database;
        this.committer = committer;
        this.router = router;
        this.jobs = jobs;
    }

    /** Builds (but does not start) a server on {@code port} (0 for any free port) over {@code database}. */
    public static BrigadeServer create(int port, Database database, Clock clock) {
        return create(port, database, clock, JobOptions.defaults());
    }

    /** As {@link #create(int, Database, Clock)}, with the job worker's settings. */
    public static BrigadeServer create(int port, Database database, Clock clock, JobOptions jobOptions) {
        CredentialRepository credentials = new CredentialRepository();
        OrgRepository orgs = new OrgRepository();
        MenuRepository menus = new MenuRepository();
        SaleRepository sales = new SaleRepository();
        MenuService menuService = new MenuService(database, menus, orgs, clock);
        GroupCommitter committer = new GroupCommitter(database);
        SaleService saleService = new SaleService(database, committer, sales, orgs, menuService, clock,
                java.util.List.of());

        Router router = new Router(new Authenticator(database, credentials, clock));
        new TokenRoutes(database, credentials, clock).register(router);
        new OrgRoutes(database, orgs, new OrgService(database, orgs, clock)).register(router);
        new MenuRoutes(database, menus, menuService).register(router);
        new SaleRoutes(saleService).register(router);
        new AnalyticsRoutes(database, new AnalyticsEventRepository(), clock).register(router);

        // Background jobs (issue 5). The webhooks feature replaces WebhookRetrySweep.NONE with its sweep.
        ChannelMenuRepository channelMenus = new ChannelMenuRepository();
        JobEngine jobs = new JobEngine(database, new JobRepository(), List.of(
                new AnalyticsExportJob(database, new ExportRepository(), menuService, orgs),
                new BulkMealUpdateJob(database, menus, menuService, channelMenus),
                new ProductSyncAllJob(database, channelMenus, menuService),
                new GdprDeletionJob(database, orgs, new PersonalDataRepository()),
                new TenantMigrationJob(database, orgs, new TenantMigrationRepository()),
                new NutritionImportJob(database, menus, menuService, new NutritionRepository()),
                new WebhookRetriesJob(WebhookRetrySweep.NONE),
                new SubscriptionProcessJob(new SubscriptionProcessor(database, new BillingRepository(), clock))),
                clock, jobOptions);
        new JobRoutes(database, orgs, jobs).register(router);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setHandler(router.build());
        jetty.setStopTimeout(5_000);
        return new BrigadeServer(jetty, database, committer, router, jobs);
    }

    public BrigadeServer start() throws Exception {
        jetty.start();
        jobs.start();
        return this;
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public URI uri() {
        return URI.create("http://localhost:" + port());
    }

    public Router router() {
        return router;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops taking requests, finishes the ones under way, then closes the database. */
    @Override
    public void close() throws Exception {
        try {
            jobs.close();
            jetty.stop();
            committer.close();
        } finally {
            database.close();
        }
    }
}
