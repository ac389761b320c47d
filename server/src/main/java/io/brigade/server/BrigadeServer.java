package io.brigade.server;

import io.brigade.server.analytics.Analytics;
import io.brigade.server.apps.Apps;
import io.brigade.server.auth.ApiKeyAuthenticator;
import io.brigade.server.auth.ApiKeyRoutes;
import io.brigade.server.auth.Authenticator;
import io.brigade.server.auth.CredentialRepository;
import io.brigade.server.auth.SessionRepository;
import io.brigade.server.auth.SessionRoutes;
import io.brigade.server.auth.StaffSessions;
import io.brigade.server.auth.TokenRoutes;
import io.brigade.server.availability.OperationsUpdateRoutes;
import io.brigade.server.availability.SnoozeCheck;
import io.brigade.server.availability.SnoozeRepository;
import io.brigade.server.availability.SnoozeExpiry;
import io.brigade.server.availability.SnoozeService;
import io.brigade.server.availability.StockOutSnoozes;
import io.brigade.server.billing.BillingRepository;
import io.brigade.server.billing.SubscriptionProcessor;
import io.brigade.server.cache.CacheVersionRepository;
import io.brigade.server.cache.CacheVersions;
import io.brigade.server.db.Database;
import io.brigade.server.export.AnalyticsExportJob;
import io.brigade.server.export.ExportRepository;
import io.brigade.server.http.ProblemErrorHandler;
import io.brigade.server.http.Router;
import io.brigade.server.http.SecurityHeaders;
import io.brigade.server.inventory.StockRepository;
import io.brigade.server.inventory.StockRoutes;
import io.brigade.server.inventory.StockDecrement;
import io.brigade.server.jobs.BulkMealUpdateJob;
import io.brigade.server.checks.CheckRepository;
import io.brigade.server.checks.CheckRoutes;
import io.brigade.server.checks.CheckService;
import io.brigade.server.checks.FloorPlans;
import io.brigade.server.kitchen.KitchenEventRetention;
import io.brigade.server.kitchen.KitchenRepository;
import io.brigade.server.kitchen.KitchenRoutes;
import io.brigade.server.kitchen.KitchenService;
import io.brigade.server.kitchen.KitchenStationRepository;
import io.brigade.server.kitchen.KitchenStreams;
import io.brigade.server.kitchen.KitchenTickets;
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
import io.brigade.server.jobs.SubscriptionRenewals;
import io.brigade.server.jobs.TenantMigrationJob;
import io.brigade.server.jobs.TenantMigrationRepository;
import io.brigade.server.jobs.WebhookRetriesJob;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.menus.MenuBackOfficeRoutes;
import io.brigade.server.menus.MenuRoutes;
import io.brigade.server.menus.MenuService;
import io.brigade.server.menus.PublishedMenus;
import io.brigade.server.money.ApprovalRepository;
import io.brigade.server.money.Approvals;
import io.brigade.server.money.AuditRepository;
import io.brigade.server.money.DayRepository;
import io.brigade.server.money.MoneyRoutes;
import io.brigade.server.money.RemoteApprovals;
import io.brigade.server.money.MoneyService;
import io.brigade.server.money.ShiftRepository;
import io.brigade.server.money.ZReportRepository;
import io.brigade.server.devices.DeviceRepository;
import io.brigade.server.devices.DeviceRoutes;
import io.brigade.server.devices.DeviceService;
import io.brigade.server.devices.StoreIdentity;
import io.brigade.server.network.Connectors;
import io.brigade.server.network.Listening;
import io.brigade.server.network.PlainHttpGuard;
import io.brigade.server.network.StoreAddresses;
import io.brigade.server.network.StoreAnnouncer;
import io.brigade.server.network.StoreAuthority;
import io.brigade.server.network.TlsMaterial;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.BackOfficeOrgRoutes;
import io.brigade.server.org.OrgRoutes;
import io.brigade.server.org.OrgService;
import io.brigade.server.org.OrgStores;
import io.brigade.server.org.PlanRoutes;
import io.brigade.server.pricing.PricingRoutes;
import io.brigade.server.pricing.PricingRuleRepository;
import io.brigade.server.ratelimit.ClockTimeMeter;
import io.brigade.server.ratelimit.DatabaseBucketStore;
import io.brigade.server.ratelimit.LocalBucketStore;
import io.brigade.server.ratelimit.RateLimitPolicy;
import io.brigade.server.ratelimit.RateLimiter;
import io.brigade.server.staff.StaffRepository;
import io.brigade.server.staff.StaffRoutes;
import io.brigade.server.staff.StaffService;
import io.brigade.server.store.StoreRepository;
import io.brigade.server.store.StoreRoutes;
import io.brigade.server.store.StoreService;
import io.brigade.server.sales.SaleBatcher;
import io.brigade.server.sales.SaleRepository;
import io.brigade.server.sales.SaleRoutes;
import io.brigade.server.sales.SaleService;
import io.brigade.server.sales.SaleSteps;
import io.brigade.server.v1.OpenApiRoute;
import io.brigade.server.v1.ResponseCache;
import io.brigade.server.v1.V1Catalog;
import io.brigade.server.v1.V1OrderRepository;
import io.brigade.server.v1.V1Orders;
import io.brigade.server.v1.V1Routes;
import io.brigade.server.webhooks.BackOfficeWebhookRoutes;
import io.brigade.server.webhooks.CallbackGuard;
import io.brigade.server.webhooks.DeliveryRepository;
import io.brigade.server.webhooks.Dispatcher;
import io.brigade.server.webhooks.SecretBox;
import io.brigade.server.webhooks.SubscriptionRepository;
import io.brigade.server.webhooks.WebhookOutbox;
import io.brigade.server.webhooks.WebhookRoutes;
import io.brigade.server.webhooks.WebhookService;
import io.github.bucket4j.TimeMeter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The whole server, built from its dependencies; {@link Main} only starts it. */
public final class BrigadeServer implements AutoCloseable {
    private final Server jetty;
    private final Database database;
    private final SaleService saleService;
    private final Router router;
    private final JobEngine jobs;
    private final Dispatcher dispatcher;
    private final Options options;
    private final KitchenStreams kitchenStreams;
    private final KitchenStreams floorStreams;
    private final SnoozeExpiry snoozeExpiry;
    private final Clock clock;
    /** The TLS connector, when the server serves HTTPS (from the start or since {@link #serveStore}). */
    private final AtomicReference<Connectors.Secure> secure;
    private java.util.concurrent.ScheduledExecutorService renewal;
    private StoreAnnouncer announcer;

    private BrigadeServer(Server jetty, Database database, SaleService saleService, Router router, JobEngine jobs,
                          Dispatcher dispatcher, Options options, KitchenStreams kitchenStreams,
                          KitchenStreams floorStreams, SnoozeExpiry snoozeExpiry, Clock clock,
                          AtomicReference<Connectors.Secure> secure) {
        this.clock = clock;
        this.secure = secure;
        this.kitchenStreams = kitchenStreams;
        this.floorStreams = floorStreams;
        this.snoozeExpiry = snoozeExpiry;
        this.jetty = jetty;
        this.database = database;
        this.saleService = saleService;
        this.router = router;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.options = options;
    }

    /**
     * Server options beyond the port: {@code allowPrivateCallbacks} is the development flag that lets webhooks
     * reach loopback and private addresses; {@code secrets} holds the master key for webhook secrets;
     * {@code pollWebhooks} false leaves the dispatcher and the snooze expiry sweep to the caller
     * ({@link #dispatcher()}, {@link #snoozeExpiry()}, for tests driving them with their own clock); {@code apiGeneralLimit} is the general /api/v1 quota per key;
     * {@code jobs} the background job worker's settings.
     */
    public record Options(boolean allowPrivateCallbacks, SecretBox secrets, boolean pollWebhooks,
                          RateLimitPolicy apiGeneralLimit, JobOptions jobs, Listening listening) {

        public Options(boolean allowPrivateCallbacks, SecretBox secrets, boolean pollWebhooks) {
            this(allowPrivateCallbacks, secrets, pollWebhooks, RateLimitPolicy.GENERAL, JobOptions.defaults());
        }

        public Options(boolean allowPrivateCallbacks, SecretBox secrets, boolean pollWebhooks,
                       RateLimitPolicy apiGeneralLimit, JobOptions jobs) {
            this(allowPrivateCallbacks, secrets, pollWebhooks, apiGeneralLimit, jobs, Listening.anyAddress());
        }

        /** Production defaults: callbacks to public https only; the key from the environment or ./data/master.key. */
        public static Options defaults() {
            return new Options(false, SecretBox.fromEnvOrFile(Path.of("data", "master.key")), true);
        }

        /** Defaults with the webhook master key kept in {@code keyFile} (unless BRIGADE_MASTER_KEY is set). */
        public static Options withKeyFile(Path keyFile) {
            return new Options(false, SecretBox.fromEnvOrFile(keyFile), true);
        }

        public Options withApiGeneralLimit(RateLimitPolicy limit) {
            return new Options(allowPrivateCallbacks, secrets, pollWebhooks, limit, jobs, listening);
        }

        public Options withJobs(JobOptions jobOptions) {
            return new Options(allowPrivateCallbacks, secrets, pollWebhooks, apiGeneralLimit, jobOptions, listening);
        }

        /** Where the main connector listens and whether it speaks TLS (see {@link Listening}). */
        public Options withListening(Listening where) {
            return new Options(allowPrivateCallbacks, secrets, pollWebhooks, apiGeneralLimit, jobs, where);
        }
    }

    /** Builds (but does not start) a server on {@code port} (0 for any free port) over {@code database}. */
    public static BrigadeServer create(int port, Database database, Clock clock) {
        return create(port, database, clock, Options.defaults());
    }

    /** As {@link #create(int, Database, Clock)} with another general /api/v1 quota per key. */
    public static BrigadeServer create(int port, Database database, Clock clock, RateLimitPolicy apiGeneralLimit) {
        return create(port, database, clock, Options.defaults().withApiGeneralLimit(apiGeneralLimit));
    }

    /** As {@link #create(int, Database, Clock)}, with the job worker's settings. */
    public static BrigadeServer create(int port, Database database, Clock clock, JobOptions jobOptions) {
        return create(port, database, clock, Options.defaults().withJobs(jobOptions));
    }

    /** As {@link #create(int, Database, Clock)}, with explicit {@link Options}. */
    public static BrigadeServer create(int port, Database database, Clock clock, Options options) {
        CredentialRepository credentials = new CredentialRepository();
        OrgRepository orgs = new OrgRepository();
        MenuRepository menus = new MenuRepository();
        SaleRepository sales = new SaleRepository();
        // Webhooks: outbox rows commit with sales, publications and snoozes; the dispatcher posts them.
        SubscriptionRepository subscriptions = new SubscriptionRepository();
        DeliveryRepository deliveries = new DeliveryRepository();
        CallbackGuard guard = new CallbackGuard(options.allowPrivateCallbacks());
        WebhookOutbox outbox = new WebhookOutbox(subscriptions, deliveries, orgs, clock);
        Dispatcher dispatcher = new Dispatcher(database, subscriptions, deliveries, options.secrets(), guard, clock, 16);
        SnoozeRepository snoozes = new SnoozeRepository(clock);
        CacheVersionRepository cacheVersions = new CacheVersionRepository();
        ResponseCache v1Cache = new ResponseCache(clock, new CacheVersions(database, cacheVersions));
        KitchenRepository kitchen = new KitchenRepository();
        KitchenStationRepository kitchenStations = new KitchenStationRepository();
        KitchenStreams kitchenStreams = KitchenStreams.fromSystemProperties(database, kitchen);
        // After a change has committed, before its writer is answered: the org's cached v1 answers go on every
        // node (they may show menus, stock, prices, snoozes or the plan), and the dispatcher looks for the webhook
        // events the change may have queued. A sale moves the org's cache version in its own transaction (the
        // batcher's last step); its change wakes the dispatcher and the kitchen streams.
        Consumer<String> orgChanged = orgId -> {
            v1Cache.invalidate(orgId);
            dispatcher.hint();
        };

        MenuService menuService = new MenuService(database, menus, orgs, clock, List.of(outbox), orgChanged);
        dispatcher.menus(menuService::writeMenu);
        Analytics analytics = new Analytics(database, orgs, menuService, sales, clock);
        StockRepository stock = new StockRepository();
        StockOutSnoozes stockOut = new StockOutSnoozes(snoozes, orgs, menuService, outbox, clock);
        KitchenTickets kitchenTickets = new KitchenTickets(kitchen, kitchenStations, menuService, orgs, clock);
        // Money control: what a store wants a manager for; its tills' discounts and vouchers are a step of sales.
        StaffRepository staff = new StaffRepository();
        Approvals approvals = new Approvals(database, new ApprovalRepository(), new AuditRepository(), orgs, staff,
                clock);
        SaleSteps saleSteps = new SaleSteps(sales, new SnoozeCheck(snoozes), new StockDecrement(stock, clock, stockOut),
                kitchenTickets, outbox, analytics.saleRollups(), cacheVersions, approvals.tillSaleRules());
        SaleService saleService = new SaleService(database, sales, orgs, menuService, clock, saleSteps, committed -> {
            dispatcher.hint();
            kitchenStreams.wake(committed.orgId());
        });

        // OAuth apps: their tokens reach the orgs that installed them, within their scopes and stores.
        Apps apps = new Apps(database, orgs, subscriptions, outbox, options.secrets(), guard, clock, dispatcher::hint);
        TimeMeter time = new ClockTimeMeter(clock);
        RateLimiter limiter = new RateLimiter(database.isPostgres()
                ? new DatabaseBucketStore(database.dataSource(), time) : new LocalBucketStore(time),
                options.apiGeneralLimit());
        StaffSessions sessions = new StaffSessions(database, new SessionRepository(), staff, clock);
        // Store network: devices pair with one-time codes and get credentials of their own, for their store only.
        AtomicReference<Connectors.Secure> secure = new AtomicReference<>();
        StoreIdentity store = storeIdentity(secure);
        DeviceService devices = new DeviceService(database, new DeviceRepository(), orgs, store, clock);
        // Every route declares its access rule; the router's filter authenticates and enforces it.
        Authenticator authenticator = new Authenticator(database, credentials, sessions, clock, apps.credentials(),
                new ApiKeyAuthenticator(database, credentials, limiter, clock), devices);
        Router router = new Router(authenticator, new OrgStores(database));
        StaffService staffService = new StaffService(database, staff, orgs, clock);
        new SessionRoutes(sessions, staffService, clock, authenticator).register(router);
        new DeviceRoutes(devices, store).register(router);
        new TokenRoutes(database, credentials, clock, apps.credentials()).register(router);
        apps.register(router);
        new OrgRoutes(database, orgs, new OrgService(database, orgs, clock), analytics::propertyChanged).register(router);
        new MenuRoutes(database, menus, menuService).register(router);
        new MenuBackOfficeRoutes(database, menus, menuService, orgs).register(router); // the desktop's menu editor
        new SaleRoutes(saleService, approvals.refundGate()).register(router);
        analytics.register(router);
        // Money of a store: shifts and drawers, X and Z reports, approvals, vouchers, the audit log.
        MoneyService money = new MoneyService(database, new ShiftRepository(), new DayRepository(),
                new ZReportRepository(), orgs, menuService, approvals, clock);
        new MoneyRoutes(money, approvals, new RemoteApprovals(database, approvals, clock)).register(router);

        // API keys, plans, stock, pricing rules and the public /api/v1 API.
        PublishedMenus published = new PublishedMenus(menus, menuService);
        PricingRuleRepository pricingRules = new PricingRuleRepository();
        new ApiKeyRoutes(database, credentials, orgs, clock).register(router);
        new PlanRoutes(database, orgs, orgChanged).register(router);
        new BackOfficeOrgRoutes(database, orgs).register(router);
        new StaffRoutes(staffService).register(router);
        new StockRoutes(database, stock, published, clock, stockOut, orgChanged).register(router);
        new PricingRoutes(database, pricingRules, published, clock, orgChanged).register(router);
        new V1Routes(new V1Catalog(database, published, stock), new V1Orders(database, saleService, sales, orgs,
                published, pricingRules, new V1OrderRepository(), clock), limiter, v1Cache).register(router);
        new OpenApiRoute().register(router);

        // Webhook subscriptions, the back-office webhook manager, operations updates and snoozes.
        WebhookService webhooks = new WebhookService(database, subscriptions, deliveries, orgs, outbox,
                options.secrets(), guard, clock, dispatcher::hint);
        new WebhookRoutes(webhooks).register(router);
        new BackOfficeWebhookRoutes(webhooks).register(router);
        new OperationsUpdateRoutes(new SnoozeService(database, snoozes, orgs, menuService, outbox, clock,
                orgChanged)).register(router);
        SnoozeExpiry snoozeExpiry = new SnoozeExpiry(database, snoozes, orgs, outbox, clock, orgChanged);

        // Background jobs. Webhook retries run on their schedule in the dispatcher's own loop;
        // the webhook-retries job brings an org's waiting retries forward to now.
        ChannelMenuRepository channelMenus = new ChannelMenuRepository();
        JobEngine jobs = new JobEngine(database, new JobRepository(), List.of(
                new AnalyticsExportJob(database, new ExportRepository(), menuService, orgs),
                new BulkMealUpdateJob(database, menus, menuService, channelMenus),
                new ProductSyncAllJob(database, channelMenus, menuService),
                new GdprDeletionJob(database, orgs, new PersonalDataRepository()),
                new TenantMigrationJob(database, orgs, new TenantMigrationRepository()),
                new NutritionImportJob(database, menus, menuService, new NutritionRepository()),
                new WebhookRetriesJob(webhooks::retryNow),
                new SubscriptionProcessJob(new SubscriptionProcessor(database, new BillingRepository(), clock))),
                clock, options.jobs());
        if (options.pollWebhooks()) {
            jobs.every("snooze-expiry", SnoozeExpiry.EVERY, snoozeExpiry::sweep);
        }
        jobs.every("subscription-renewals", Duration.ofHours(1),
                new SubscriptionRenewals(database, new BillingRepository(), new JobRepository(), jobs, clock)::submitDue);
        new JobRoutes(database, orgs, jobs).register(router);

        jobs.every("kitchen-events-purge", Duration.ofHours(1),
                new KitchenEventRetention(database, kitchen, clock)::purge);
        new KitchenRoutes(new KitchenService(database, kitchen, kitchenStations, kitchenTickets, orgs, saleService,
                kitchenStreams, clock), kitchenStreams, database, kitchen).register(router);
        // The store's own settings and printers, read by every device of the store.
        new StoreRoutes(new StoreService(database, new StoreRepository(), orgs, kitchenStations, clock)).register(router);

        // Table service: checks changed by device-made operations; rounds go to the kitchen above, closed checks
        // become sales through the sale path. The sweep pushes a closed check's sale a crash left unstored.
        CheckRepository checkRepository = new CheckRepository();
        KitchenStreams floorStreams = KitchenStreams.fromSystemProperties(database, checkRepository::eventsAfter,
                "floor-streams");
        CheckService checks = new CheckService(database, checkRepository, kitchenTickets, menuService, orgs,
                saleService, approvals.forChecks(), money.forChecks(), kitchenStreams::wake, floorStreams::wake,
                clock);
        new CheckRoutes(checks, new FloorPlans(database, checkRepository, checks, floorStreams::wake, clock),
                floorStreams, database, checkRepository).register(router);
        jobs.every("check-sales", Duration.ofMinutes(1), checks::pushAllPending);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        Server jetty = new Server(threads);
        Listening listening = options.listening();
        if (listening.tls() != null) {
            secure.set(Connectors.tls(jetty, listening.host(), port, listening.tls()));
            jetty.addConnector(secure.get().connector());
        } else {
            jetty.addConnector(Connectors.plain(jetty, listening.host(), port));
        }
        // Outermost, so the guard's refusals carry the same headers as every other answer.
        jetty.setHandler(new SecurityHeaders(new PlainHttpGuard(router.build())));
        jetty.setErrorHandler(new ProblemErrorHandler());
        jetty.setStopTimeout(5_000);
        return new BrigadeServer(jetty, database, saleService, router, jobs, dispatcher, options, kitchenStreams,
                floorStreams, snoozeExpiry, clock, secure);
    }

    /** The store server as pairing describes it: its name, HTTPS addresses and the fingerprint devices pin. */
    private static StoreIdentity storeIdentity(AtomicReference<Connectors.Secure> secure) {
        return new StoreIdentity() {
            @Override
            public String name() {
                return StoreAuthority.hostName();
            }

            @Override
            public Optional<String> fingerprint() {
                return Optional.ofNullable(secure.get()).map(s -> s.tls().get().fingerprint());
            }

            @Override
            public List<String> addresses() {
                Connectors.Secure s = secure.get();
                return s == null ? List.of() : StoreAddresses.https(s.connector().getLocalPort());
            }
        };
    }

    public BrigadeServer start() throws Exception {
        jetty.start();
        if (secure.get() != null) {
            synchronized (this) {
                scheduleRenewal();
                if (options.listening().announce()) {
                    announcer = StoreAnnouncer.start(StoreAuthority.hostName(), port(), secure.get().tls().get()
                            .fingerprint());
                }
            }
        }
        jobs.start();
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

    /** The address to reach this server from the same machine (plain HTTP, answered on loopback). */
    public URI uri() {
        return URI.create("http://localhost:" + port());
    }

    /**
     * Opens the server to the store's network: HTTPS with {@code tls} on every interface at {@code port} (0: any
     * free port), beside the loopback connector it already has. A built-in server does this when a manager
     * switches "serve the store" on. Idempotent; answers the HTTPS port.
     */
    public synchronized int serveStore(int port, TlsMaterial tls) throws Exception {
        return serveStore(port, tls, false);
    }

    /** As {@link #serveStore(int, TlsMaterial)}; {@code announce} also announces the store server by mDNS. */
    public synchronized int serveStore(int port, TlsMaterial tls, boolean announce) throws Exception {
        if (secure.get() == null) {
            Connectors.Secure opened = Connectors.tls(jetty, null, port, tls);
            jetty.addConnector(opened.connector());
            opened.connector().start();
            secure.set(opened);
            scheduleRenewal();
        }
        int httpsPort = secure.get().connector().getLocalPort();
        if (announce && announcer == null) {
            announcer = StoreAnnouncer.start(StoreAuthority.hostName(), httpsPort, tls.fingerprint());
        }
        return httpsPort;
    }

    /** Twice a day, each node checks its own certificate (a cluster's nodes may each serve their own). */
    private void scheduleRenewal() {
        if (renewal == null) {
            renewal = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tls-renewal");
                t.setDaemon(true);
                return t;
            });
            renewal.scheduleWithFixedDelay(() -> {
                Connectors.Secure s = secure.get();
                if (s != null) {
                    s.renewIfDue(clock);
                }
            }, 12, 12, java.util.concurrent.TimeUnit.HOURS);
        }
    }

    /** The HTTPS port and the material it serves, when this server serves HTTPS. */
    public java.util.Optional<Https> https() {
        Connectors.Secure s = secure.get();
        return s == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Https(s.connector().getLocalPort(), s.tls().get()));
    }

    /** Where this server answers HTTPS and what devices pin. */
    public record Https(int port, TlsMaterial tls) {
        public String fingerprint() {
            return tls.fingerprint();
        }
    }

    /** The batcher of new sales (tests hold it to put several sales in one batch). */
    public SaleBatcher saleBatcher() {
        return saleService.batcher();
    }

    public Router router() {
        return router;
    }

    /** The webhook dispatcher (tests call {@link Dispatcher#runDue()} when polling is off). */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Ends timed snoozes with their events (tests call {@link SnoozeExpiry#sweep()} when polling is off). */
    public SnoozeExpiry snoozeExpiry() {
        return snoozeExpiry;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops taking requests, finishes the ones under way, then closes the database. */
    @Override
    public void close() throws Exception {
        try {
            synchronized (this) {
                if (renewal != null) {
                    renewal.shutdownNow();
                }
                if (announcer != null) {
                    announcer.close();
                }
            }
            jobs.close();
            kitchenStreams.close(); // ends the open streams, or jetty.stop would wait for them
            floorStreams.close();
            jetty.stop();
            dispatcher.close();
            saleService.close();
        } finally {
            database.close();
        }
    }
}
