package io.brigade.desktop.shell;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.embedded.DataFiles;
import io.brigade.desktop.embedded.EmbeddedServer;
import io.brigade.desktop.local.EventRecorder;
import io.brigade.desktop.local.LocalDatabase;
import io.brigade.desktop.local.MenuCache;
import io.brigade.desktop.local.OutboxRepository;
import io.brigade.desktop.local.PrintQueue;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.SettingsRepository;
import io.brigade.desktop.local.SnoozeCache;
import io.brigade.desktop.local.StoreCache;
import io.brigade.desktop.local.StaffRepository;
import io.brigade.desktop.menu.MenuOffice;
import io.brigade.desktop.money.Drawer;
import io.brigade.desktop.money.MoneyOffice;
import io.brigade.desktop.printing.ChitPrinting;
import io.brigade.desktop.printing.PrinterLink;
import io.brigade.desktop.printing.Printing;
import io.brigade.desktop.printing.ReceiptPrinting;
import io.brigade.desktop.sync.SyncStatus;
import io.brigade.desktop.sync.SyncWorker;
import io.brigade.desktop.tables.CheckBook;
import io.brigade.desktop.till.CheckoutService;
import io.brigade.desktop.till.TillViewModel;
import io.brigade.protocol.availability.ChannelSnoozes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything behind the screens, wired once at start-up from the data directory and the settings. */
public final class AppServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);

    private final LocalDatabase db;
    /** The built-in server; null when the till talks to a server elsewhere. */
    private final CompletableFuture<EmbeddedServer> embedded;
    private final TerminalSettings settings;
    private final SettingsRepository settingsRepository;
    private final StaffRepository staff;
    private final OutboxRepository outbox;
    private final MenuCache menus;
    private final SnoozeCache snoozes;
    private final StoreCache store;
    private final Printing printing;
    private final ReceiptPrinting receipts;
    /** This PC's kitchen chits, when it prints the store's (null otherwise). */
    private final ChitPrinting chits;
    private final ServerClient client;
    private final BackOfficeClient backOffice;
    private final SyncWorker sync;
    private final EventRecorder events;
    private final CheckoutService checkout;
    private final CheckBook checks;
    private final Drawer drawer;
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<SyncStatus>> statusListeners = new CopyOnWriteArrayList<>();
    /** The HTTPS port a store server asks for first, so that people can type a short, stable address. */
    static final int DEFAULT_STORE_PORT = 8443;
    private final boolean announce;

    private AppServices(Options o) throws Exception {
        this.clock = o.clock;
        DataFiles.directory(o.dataDir); // the restaurant's data: for the account that runs the till only
        this.db = LocalDatabase.open(o.dataDir);
        this.settingsRepository = new SettingsRepository(db);
        TerminalSettings chosen = o.settings != null ? o.settings : settingsRepository.load().orElse(null);
        Runnable startEmbedded = () -> { };
        if (chosen == null) {
            // First start: the demo restaurant is made in the built-in server before anything else can work.
            EmbeddedServer server = EmbeddedServer.start(o.dataDir, clock);
            chosen = server.bootstrapDemo("Demo Bistro", clock);
            this.embedded = CompletableFuture.completedFuture(server);
        } else if (chosen.embedded()) {
            // Later starts: the built-in server starts beside the PIN pad instead of before it. Its address is
            // known now (same port as last time when free), and the sync worker is nudged once it answers.
            int port = EmbeddedServer.portFor(HttpUrl.get(chosen.serverUrl()).port());
            chosen = chosen.withServerUrl("http://localhost:" + port);
            Path dir = o.dataDir;
            CompletableFuture<EmbeddedServer> starting = new CompletableFuture<>();
            this.embedded = starting;
            // Started once the rest is built (end of this constructor): on two cores it would otherwise
            // slow down the till's own start-up, which is what stands between launch and the PIN pad.
            startEmbedded = () -> {
                Thread t = new Thread(() -> {
                    try {
                        starting.complete(EmbeddedServer.start(dir, clock, port));
                    } catch (Throwable e) {
                        starting.completeExceptionally(e);
                    }
                }, "embedded-server-start");
                t.setDaemon(true);
                t.start();
            };
        } else {
            this.embedded = null;
        }
        this.settings = chosen;
        settingsRepository.save(settings);
        this.staff = new StaffRepository(db);
        if (staff.isEmpty() && embedded != null) {
            // First start of the demo: the same staff the built-in server was given, so sign-in works at once.
            // A terminal of a real server gets its staff from that server with the first sync.
            staff.add("Ciara", Role.CASHIER, "1111");
            staff.add("Kevin", Role.KITCHEN, "2222");
            staff.add("Maeve", Role.MANAGER, "9999");
        }
        this.outbox = new OutboxRepository(db);
        this.menus = new MenuCache(db, settings.salesChannelId());
        this.snoozes = new SnoozeCache(db, settings.salesChannelId());
        this.client = new ServerClient(settings, clock, o.interceptors);
        this.backOffice = new BackOfficeClient(settings.serverUrl(), settings.orgId(), settings.link(), o.interceptors);
        this.sync = new SyncWorker(outbox, client, menus, snoozes, staff, clock, o.menuRefresh,
                status -> statusListeners.forEach(l -> l.accept(status)));
        this.store = new StoreCache(db);
        // The store's settings and printers ride with the menu refresh: a manager's change reaches every device.
        // The settings are asked for with the ETag of the copy held, so the logo comes once per change.
        AtomicReference<String> heldSettings = new AtomicReference<>();
        sync.alsoRefresh(() -> client.storeSettings(heldSettings.get()).ifPresent(read -> {
                    store.store(read.value());
                    heldSettings.set(read.tag());
                }))
                .alsoRefresh(() -> client.storePrinters().ifPresent(store::store));
        this.events = new EventRecorder(outbox, settings, clock, o.eventWriter);
        this.drawer = new Drawer(client, settingsRepository, outbox, clock, sync::nudge);
        this.checkout = new CheckoutService(outbox, settings, events, clock, sync::nudge, drawer::shiftId);
        // Printing: jobs wait on disk until their printer has taken them; each sale's receipt is queued with it.
        this.printing = new Printing(new PrintQueue(db), store::printers, PrinterLink.defaults(), clock,
                Duration.ofSeconds(5)).start();
        store.onChange(changed -> printing.printersChanged());
        this.receipts = new ReceiptPrinting(printing, store, () -> settingsRepository.value(
                ReceiptPrinting.RECEIPT_PRINTER), settings.terminalName(), settings.link() != null
                ? settings.link().storeName() : "Brigade", java.time.ZoneId.systemDefault());
        checkout.onCompleted(receipts::saleCompleted);
        // A no-sale counted by money control opens the drawer through this PC's receipt printer.
        drawer.onNoSale(receipts::noSale);
        this.chits = ChitPrinting.hosts(settingsRepository, settings.embedded())
                ? new ChitPrinting(printing, store, settingsRepository, receipts, java.time.ZoneId.systemDefault(),
                        listener -> client.kitchenStream(listener, Duration.ofSeconds(2))).start() : null;
        this.checks = new CheckBook(outbox, client, settings, clock, sync::nudge, drawer::shiftId);
        sync.onCheckAnswer(checks::storeAnswer);
        sync.onCheckRefusal(checks::storeRefusal);
        if (o.startSync) {
            sync.start();
        }
        startEmbedded.run();
        if (embedded != null) {
            Optional<Integer> serve = settingsRepository.servesStoreOn();
            boolean announce = o.announce;
            embedded.whenComplete((server, failure) -> {
                if (failure != null) {
                    LOG.error("the built-in server did not start; sales stay queued on this till", failure);
                    return;
                }
                sync.nudge();
                if (serve.isPresent()) {
                    // A manager switched "serve the store" on before: the store's devices find it where they left it.
                    try {
                        server.serveStore(serve.get(), announce);
                    } catch (Exception e) {
                        LOG.error("the built-in server could not serve the store on the network", e);
                    }
                }
            });
        }
        this.announce = o.announce;
    }

    /**
     * Switches "serve the store" off from the next start. The HTTPS connector stays open until then, so that devices
     * in the middle of a sale are not cut off.
     */
    public void stopServingAtNextStart() {
        settingsRepository.saveServeStore(false, settingsRepository.servesStoreOn().orElse(DEFAULT_STORE_PORT));
    }

    /** True when this data directory has a till database already: not the PC's first start. */
    public static boolean isSetUp(Path dataDir) {
        return Files.exists(dataDir.resolve("till.mv.db"));
    }

    /**
     * Where the store's other PCs reach this PC's built-in server, once it serves the store; empty while it answers
     * on this PC only, and on a desktop without a built-in server.
     */
    public Optional<EmbeddedServer.Serving> serving() {
        if (embedded == null || !embedded.isDone() || embedded.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return embedded.join().serving();
    }

    /**
     * Switches "this PC serves the store" on: HTTPS on the network with the store's certificate, announced by mDNS,
     * and remembered for the next starts (on the same port, so paired devices find it again). Blocks; not on the FX
     * thread.
     */
    public EmbeddedServer.Serving serveStore() throws Exception {
        if (embedded == null) {
            throw new IllegalStateException("this PC has no built-in server: it joined a store served elsewhere");
        }
        EmbeddedServer server = embedded.get(60, TimeUnit.SECONDS);
        EmbeddedServer.Serving serving = server.serveStore(settingsRepository.servesStoreOn().orElse(DEFAULT_STORE_PORT),
                announce);
        settingsRepository.saveServeStore(true, serving.port());
        return serving;
    }

    /** How to start: where the data lives and, optionally, a server to use instead of the embedded one. */
    public static final class Options {
        private final Path dataDir;
        private TerminalSettings settings;
        private Clock clock = Clock.systemUTC();
        private Duration menuRefresh = Duration.ofSeconds(15);
        private List<Interceptor> interceptors = List.of();
        private Executor eventWriter = Runnable::run;
        private boolean startSync = true;
        private boolean announce = true;
        private boolean askFirst;

        public Options(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Options settings(TerminalSettings s) {
            this.settings = s;
            return this;
        }

        public Options clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Options menuRefresh(Duration d) {
            this.menuRefresh = d;
            return this;
        }

        public Options interceptors(List<Interceptor> i) {
            this.interceptors = i;
            return this;
        }

        public Options eventWriter(Executor e) {
            this.eventWriter = e;
            return this;
        }

        /** False keeps a built-in server that serves the store off mDNS: for tests beside other tests. */
        public Options announce(boolean a) {
            this.announce = a;
            return this;
        }

        /**
         * On a PC's first start, ask whether this PC is the store (the built-in server, the default) or joins a
         * store served elsewhere, instead of making the store here at once. The command line always asks.
         */
        public Options askFirst(boolean ask) {
            this.askFirst = ask;
            return this;
        }

        public boolean askFirst() {
            return askFirst;
        }

        public Path dataDir() {
            return dataDir;
        }

        public boolean hasSettings() {
            return settings != null;
        }

        /** False leaves the outbox unsent: for tests that look at it before anything syncs. */
        public Options startSync(boolean start) {
            this.startSync = start;
            return this;
        }
    }

    public static AppServices start(Options options) throws Exception {
        return new AppServices(options);
    }

    public void onStatus(Consumer<SyncStatus> listener) {
        statusListeners.add(listener);
        sync.publish();
    }

    public TerminalSettings settings() {
        return settings;
    }

    public boolean isEmbedded() {
        return settings.embedded();
    }

    /** True on a desktop that joined a store served by another PC. */
    public boolean isJoined() {
        return settings.joined();
    }

    /** Saves settings for the next start; the running terminal keeps its connection until restarted. */
    public void saveSettings(TerminalSettings next) {
        settingsRepository.save(next);
    }

    /** This PC's own settings beyond the terminal's (the kitchen screen's view, say). */
    public SettingsRepository localSettings() {
        return settingsRepository;
    }

    public StaffRepository staff() {
        return staff;
    }

    /** The back office as whoever signed in last; screens of the kitchen, dashboard and back office use it. */
    public BackOfficeClient backOffice() {
        return backOffice;
    }

    /** The till's snooze action: the channel's snoozes changed as the signed-in manager, then kept locally. */
    public TillViewModel.Snoozer tillSnoozer() {
        MenuOffice office = new MenuOffice(backOffice);
        return (itemId, snooze, until) -> {
            ChannelSnoozes state = office.snooze(settings.salesChannelId(), itemId, snooze, until);
            snoozes.store(state);
            return state;
        };
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public MenuCache menus() {
        return menus;
    }

    /** The channel's snoozes as last read from the server: the till greys these items out. */
    public SnoozeCache snoozes() {
        return snoozes;
    }

    /** The store's settings and printers as last read from the store server. */
    public StoreCache store() {
        return store;
    }

    /** This PC's printers' queue and senders. */
    public Printing printing() {
        return printing;
    }

    /** This PC's receipts, no-sales and test pages. */
    public ReceiptPrinting receipts() {
        return receipts;
    }

    public SyncWorker sync() {
        return sync;
    }

    public EventRecorder events() {
        return events;
    }

    /** The till's drawer: its shift, cash by hand, approvals and refunds. */
    public Drawer drawer() {
        return drawer;
    }

    /** The store's Z reports and audit log, for the back office. */
    public MoneyOffice moneyOffice() {
        return new MoneyOffice(backOffice, settings.propertyId());
    }

    public CheckoutService checkout() {
        return checkout;
    }

    /** Table service: this till's operations on the store's checks, and the checks as it sees them. */
    public CheckBook checks() {
        return checks;
    }

    public Clock clock() {
        return clock;
    }

    /** Stops syncing, then the embedded server, then closes the till database; unsent rows stay queued. */
    @Override
    public void close() {
        sync.close();
        if (chits != null) {
            chits.close();
        }
        printing.close();
        client.close();
        backOffice.forget();
        backOffice.close();
        if (embedded != null) {
            try {
                // A server still starting is waited for, so that its database is closed before the till's.
                embedded.get(30, TimeUnit.SECONDS).close();
            } catch (Exception e) {
                LOG.warn("embedded server did not stop cleanly", e);
            }
        }
        db.close();
    }
}
