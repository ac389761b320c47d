package io.brigade.server;

import io.brigade.server.analytics.AnalyticsEventRepository;
import io.brigade.server.analytics.AnalyticsRoutes;
import io.brigade.server.auth.Authenticator;
import io.brigade.server.auth.CredentialRepository;
import io.brigade.server.auth.TokenRoutes;
import io.brigade.server.availability.OperationsUpdateRoutes;
import io.brigade.server.availability.SnoozeGuard;
import io.brigade.server.availability.SnoozeRepository;
import io.brigade.server.availability.SnoozeService;
import io.brigade.server.webhooks.BackOfficeWebhookRoutes;
import io.brigade.server.webhooks.CallbackGuard;
import io.brigade.server.webhooks.DeliveryRepository;
import io.brigade.server.webhooks.Dispatcher;
import io.brigade.server.webhooks.SecretBox;
import io.brigade.server.webhooks.SubscriptionRepository;
import io.brigade.server.webhooks.WebhookOutbox;
import io.brigade.server.webhooks.WebhookRoutes;
import io.brigade.server.webhooks.WebhookService;
import io.brigade.server.db.Database;
import io.brigade.server.db.GroupCommitter;
import io.brigade.server.http.Router;
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
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The whole server, built from its dependencies; {@link Main} only starts it. */
public final class BrigadeServer implements AutoCloseable {
    private final Server jetty;
    private final Database database;
    private final GroupCommitter committer;
    private final Router router;

    private final Dispatcher dispatcher;
    private final Options options;

    private BrigadeServer(Server jetty, Database database, GroupCommitter committer, Router router,
                          Dispatcher dispatcher, Options options) {
        this.jetty = jetty;
        this.database = database;
        this.committer = committer;
        this.router = router;
        this.dispatcher = dispatcher;
        this.options = options;
    }

    /**
     * Server options beyond the port: {@code allowPrivateCallbacks} is the development flag that lets webhooks
     * reach loopback and private addresses; {@code secrets} holds the master key for webhook secrets;
     * {@code pollWebhooks} false leaves the dispatcher to the caller ({@link #dispatcher()}, for tests
     * driving retries with their own clock).
     */
    public record Options(boolean allowPrivateCallbacks, SecretBox secrets, boolean pollWebhooks) {
        /** Production defaults: callbacks to public https only; the key from the environment or ./data/master.key. */
        public static Options defaults() {
            return new Options(false, SecretBox.fromEnvOrFile(java.nio.file.Path.of("data", "master.key")), true);
        }
    }

    /** Builds (but does not start) a server on {@code port} (0 for any free port) over {@code database}. */
    public static BrigadeServer create(int port, Database database, Clock clock) {
        return create(port, database, clock, Options.defaults());
    }

    /** As {@link #create(int, Database, Clock)}, with explicit {@link Options}. */
    public static BrigadeServer create(int port, Database database, Clock clock, Options options) {
        CredentialRepository credentials = new CredentialRepository();
        OrgRepository orgs = new OrgRepository();
        MenuRepository menus = new MenuRepository();
        SaleRepository sales = new SaleRepository();
        // Webhooks (issue 4): outbox rows commit with sales, publications and snoozes; the dispatcher posts them.
        SubscriptionRepository subscriptions = new SubscriptionRepository();
        DeliveryRepository deliveries = new DeliveryRepository();
        CallbackGuard guard = new CallbackGuard(options.allowPrivateCallbacks());
        WebhookOutbox outbox = new WebhookOutbox(subscriptions, deliveries, orgs, clock);
        Dispatcher dispatcher = new Dispatcher(database, subscriptions, deliveries, options.secrets(), guard, clock, 16);
        outbox.onAppend(dispatcher::hint);
        SnoozeRepository snoozes = new SnoozeRepository(clock);

        MenuService menuService = new MenuService(database, menus, orgs, clock, java.util.List.of(outbox));
        GroupCommitter committer = new GroupCommitter(database);
        SaleService saleService = new SaleService(database, committer, sales, orgs, menuService, clock,
                java.util.List.of(outbox, new SnoozeGuard(snoozes)));

        Router router = new Router(new Authenticator(database, credentials, clock));
        new TokenRoutes(database, credentials, clock).register(router);
        new OrgRoutes(database, orgs, new OrgService(database, orgs, clock)).register(router);
        new MenuRoutes(database, menus, menuService).register(router);
        new SaleRoutes(saleService).register(router);
        new AnalyticsRoutes(database, new AnalyticsEventRepository(), clock).register(router);
        WebhookService webhooks = new WebhookService(database, subscriptions, deliveries, orgs, outbox,
                options.secrets(), guard, clock, dispatcher::hint);
        new WebhookRoutes(webhooks).register(router);
        new BackOfficeWebhookRoutes(webhooks).register(router);
        new OperationsUpdateRoutes(new SnoozeService(database, snoozes, orgs, menuService, outbox, clock))
                .register(router);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setHandler(router.build());
        jetty.setStopTimeout(5_000);
        return new BrigadeServer(jetty, database, committer, router, dispatcher, options);
    }

    public BrigadeServer start() throws Exception {
        jetty.start();
        if (options.allowPrivateCallbacks()) {
            org.slf4j.LoggerFactory.getLogger(BrigadeServer.class).warn("--allow-private-callbacks is ON: webhooks may "
                    + "reach loopback and private addresses over plain http. Development only; never in production.");
        }
        if (options.pollWebhooks()) {
            dispatcher.start();
        }
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

    /** The webhook dispatcher (tests call {@link Dispatcher#runDue()} when polling is off). */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops taking requests, finishes the ones under way, then closes the database. */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
            dispatcher.close();
            committer.close();
        } finally {
            database.close();
        }
    }
}
