package io.brigade.desktop.shell;

import atlantafx.base.theme.PrimerLight;
import io.brigade.desktop.Main;
import io.brigade.desktop.backoffice.BackOfficeWorkspace;
import io.brigade.desktop.store.StoreWorkspace;
import io.brigade.desktop.printing.PrinterStatusBar;
import io.brigade.protocol.store.StorePrinter;
import io.brigade.desktop.printing.PrintingWorkspace;
import io.brigade.desktop.printing.ReceiptPrinting;
import io.brigade.desktop.backoffice.StoreServing;
import io.brigade.desktop.client.StoreJoin;
import io.brigade.desktop.embedded.EmbeddedServer;
import io.brigade.desktop.embedded.StoreFinder;
import io.brigade.desktop.join.JoinScreen;
import io.brigade.desktop.join.JoinViewModel;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.dashboard.DashboardWorkspace;
import io.brigade.desktop.fx.CrashDialog;
import io.brigade.desktop.fx.FxBackground;
import io.brigade.desktop.fx.Workspace;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.i18n.Language;
import io.brigade.desktop.i18n.StoreLocale;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.sync.SyncStatus;
import io.brigade.desktop.kitchen.KitchenWorkspace;
import io.brigade.desktop.local.DataDirectory;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.menu.MenuWorkspace;
import io.brigade.desktop.money.MoneyOfficeView;
import io.brigade.desktop.money.MoneyTexts;
import io.brigade.desktop.money.TillMoney;
import io.brigade.desktop.settings.SettingsWorkspace;
import io.brigade.desktop.staff.SignInController;
import io.brigade.desktop.staff.SignInViewModel;
import io.brigade.desktop.tables.FloorEditor;
import io.brigade.desktop.till.TillController;
import io.brigade.desktop.till.TillViewModel;
import io.brigade.desktop.local.MenuCache;
import io.brigade.protocol.menus.MenuRevision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: starts the services off the FX thread, then shows sign-in and the workspaces. */
public final class BrigadeApp extends Application {
    private static final ShellTexts TEXTS = Texts.of(ShellTexts.class);
    private static final Logger LOG = LoggerFactory.getLogger(BrigadeApp.class);
    /** The name of this PC's own setting for the language it speaks to staff without one of their own. */
    private static final String LANGUAGE = "language";
    /** The local setting that keeps which station (or the expo) this PC's kitchen screen shows. */
    private static final String KITCHEN_VIEW = "kitchen.view";
    private final Supplier<AppServices.Options> options;
    private final CompletableFuture<AppServices> ready = new CompletableFuture<>();
    /**
     * Services that {@link Main} began to start before the JavaFX toolkit, so that the till's database opens
     * while the toolkit starts (two slow things at once instead of one after the other).
     */
    private static volatile CompletableFuture<AppServices> early;
    private static volatile FxBackground earlyBackground;
    private final FxBackground background;
    private final boolean fromCommandLine;
    private final StackPane root = new StackPane();
    private AppServices services;
    private Parent signIn;
    private Parent shell;
    private ShellViewModel shellModel;
    private TillViewModel till;
    private TillController tillScreen;
    private LanguageSwitch languages;
    /** Who is signed in, or null. */
    private StaffMember who;
    private SyncStatus lastStatus;
    private final ZoneId zone = ZoneId.systemDefault();

    /**
     * Started from the command line: data in the user's data directory and the embedded server, unless
     * {@code --server=URL --client-id= --client-secret= --org= --property= --channel= [--terminal=]} name another.
     */
    public BrigadeApp() {
        this.options = () -> commandLineOptions(getParameters().getNamed());
        this.background = earlyBackground != null ? earlyBackground : new FxBackground();
        this.fromCommandLine = true;
    }

    /** Started by tests and tools with their own options. */
    public BrigadeApp(Supplier<AppServices.Options> options) {
        this.options = options;
        this.background = new FxBackground();
        this.fromCommandLine = false;
    }

    private static AppServices.Options commandLineOptions(Map<String, String> named) {
        AppServices.Options o = new AppServices.Options(DataDirectory.resolve()).askFirst(true);
        if (named.containsKey("server")) {
            o.settings(new TerminalSettings(named.get("server"), named.get("client-id"),
                    named.get("client-secret"), named.get("org"), named.get("property"), named.get("channel"),
                    named.get("terminal"), false));
        }
        return o;
    }

    /** Begins starting the services for a command-line launch ({@code --name=value} arguments) right away. */
    public static void startEarly(String[] args) {
        Map<String, String> named = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 2) {
                named.put(a.substring(2, eq), a.substring(eq + 1));
            }
        }
        AppServices.Options options = commandLineOptions(named);
        if (!options.hasSettings() && !AppServices.isSetUp(options.dataDir())) {
            return; // first start: the person chooses between this PC as the store and joining one
        }
        FxBackground bg = new FxBackground();
        CompletableFuture<AppServices> future = new CompletableFuture<>();
        earlyBackground = bg;
        early = future;
        Thread t = new Thread(() -> {
            try {
                future.complete(AppServices.start(options.eventWriter(bg.executor())));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "early-startup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        CrashDialog.install();
        Label starting = new Label(TEXTS.starting());
        starting.getStyleClass().add("subtitle");
        root.getChildren().setAll(starting);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(getClass().getResource("brigade.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(TEXTS.appName());
        stage.show();
        // Start-up time is a promise to store staff (under 3 s to a usable screen): log it on every start.
        LOG.info("window shown {} ms after launch", sinceLaunch());
        CompletableFuture<AppServices> begun = fromCommandLine ? early : null;
        AppServices.Options o = begun != null ? null : options.get();
        if (o != null && o.askFirst() && !o.hasSettings() && !AppServices.isSetUp(o.dataDir())) {
            showJoin(o, starting);
        } else {
            startServices(begun, o, starting);
        }
    }

    /** A PC's first start: this PC is the store (the default), or it joins a store another PC serves. */
    private void showJoin(AppServices.Options o, Label starting) {
        AtomicReference<StoreFinder> finder = new AtomicReference<>();
        AtomicBoolean left = new AtomicBoolean(false);
        Runnable leave = () -> {
            left.set(true);
            Optional.ofNullable(finder.getAndSet(null)).ifPresent(StoreFinder::close);
            root.getChildren().setAll(starting);
        };
        JoinViewModel model = new JoinViewModel(new StoreJoin(), background, joined -> {
            leave.run();
            LOG.info("this PC joined a store: {}", joined);
            startServices(null, o.settings(joined), starting);
        }, () -> {
            leave.run();
            startServices(null, o, starting);
        });
        root.getChildren().setAll(JoinScreen.load(model, computerName()));
        // The packaging script and the packaged app's test answer this question (Enter: this PC is the store).
        LOG.info("store question shown {} ms after launch", sinceLaunch());
        Thread t = new Thread(() -> {
            StoreFinder f = StoreFinder.start(found -> Platform.runLater(() -> model.storeFound(found.name(),
                    found.url(), found.fingerprint())));
            finder.set(f);
            if (left.get()) {
                Optional.ofNullable(finder.getAndSet(null)).ifPresent(StoreFinder::close);
            }
        }, "store-finder");
        t.setDaemon(true);
        t.start();
    }

    private static String computerName() {
        String name = System.getenv(System.getProperty("os.name", "").toLowerCase().contains("win") ? "COMPUTERNAME"
                : "HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "";
            }
        }
        return name;
    }

    private void startServices(CompletableFuture<AppServices> begun, AppServices.Options o, Label starting) {
        {
            Thread t = new Thread(() -> {
                try {
                    AppServices s = begun != null ? begun.join()
                            : AppServices.start(o.eventWriter(background.executor()));
                    // Listen before reading the cache, so a revision arriving in between is not missed.
                    s.menus().onChange(revision -> Platform.runLater(() -> {
                        if (till != null) {
                            till.menuArrived(revision);
                        }
                    }));
                    s.snoozes().onChange(state -> Platform.runLater(() -> {
                        if (till != null) {
                            till.snoozesArrived(state);
                        }
                    }));
                    s.snoozes().current(); // read the stored snoozes here, off the FX thread
                    Optional<MenuRevision> cached = s.menus().current();
                    String terminalLanguage = s.localSettings().value(LANGUAGE).orElse(null);
                    Platform.runLater(() -> ready(s, cached, terminalLanguage, zone));
                } catch (Exception failure) {
                    Throwable e = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    Platform.runLater(() -> {
                        starting.setText(TEXTS.couldNotStart(e.getMessage()));
                        ready.completeExceptionally(e);
                        CrashDialog.show(e);
                    });
                }
            }, "startup");
            t.setDaemon(true);
            t.start();
        }
    }

    private void ready(AppServices s, Optional<MenuRevision> cached, String terminalLanguage, ZoneId zone) {
        services = s;
        // Until store settings name it, the store's currency is the one its menu is priced in (else the euro).
        Texts.store(StoreLocale.of(cached.map(r -> currency(r.menu().currency())).orElse(Currency.getInstance("EUR")),
                Texts.pcLocale()));
        languages = new LanguageSwitch(terminalLanguage, next -> background.run(() -> {
            s.localSettings().put(LANGUAGE, next.code());
            return next;
        }, ok -> { }, CrashDialog::show), next -> respeak());
        languages.start();
        till = new TillViewModel(s.checkout(), s.events(), background, s.clock(), zone);
        till.snoozer(s.tillSnoozer());
        cached.ifPresent(till::menuArrived);
        till.snoozesArrived(s.snoozes().current());
        s.onStatus(status -> Platform.runLater(() -> {
            lastStatus = status;
            if (shellModel != null) {
                shellModel.apply(status);
            }
        }));

        signIn = loadSignIn(s);
        root.getChildren().setAll(signIn);
        signIn.requestFocus();
        LOG.info("sign-in ready {} ms after launch (menu revision {})", sinceLaunch(),
                cached.map(r -> String.valueOf(r.revisionId())).orElse("not cached yet"));
        // The workspaces are built right after the PIN pad is on screen, not before: a cashier can start
        // typing while they load, and the start-up promise is about the first usable screen.
        Platform.runLater(() -> {
            buildShell(s, zone);
            ready.complete(s);
        });
    }

    private Parent loadSignIn(AppServices s) {
        SignInViewModel signInModel = new SignInViewModel(s.staff(), s.backOffice(), background, this::signedIn);
        FXMLLoader signInLoader = Texts.loader(SignInController.class, "SignInView.fxml");
        Parent view = load(signInLoader);
        ((SignInController) signInLoader.getController()).bind(signInModel,
                s.isJoined() ? TEXTS.thisPcJoined(s.settings().link().deviceName(), role(s),
                        s.settings().link().storeName()) : s.isEmbedded() ? TEXTS.demoPins() : null);
        return view;
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (RuntimeException e) {
            return Currency.getInstance("EUR");
        }
    }

    /**
     * Builds every screen again in the language now spoken (FXML takes its words when loaded); the till's ticket
     * and the sync state live in view models and services, which stay.
     */
    private void respeak() {
        List<String> open = shell == null ? List.of() : openTabs(shell);
        shell = null;
        signIn = loadSignIn(services);
        if (who == null) {
            root.getChildren().setAll(signIn);
        } else {
            showShell();
            open.forEach(this::selectTab);
        }
    }

    /** The ids of the tabs open in the workspaces and the back office, to open them again in the new screens. */
    private static List<String> openTabs(Parent screens) {
        List<String> ids = new java.util.ArrayList<>();
        for (String pane : List.of("#workspaces", "#backOffice")) {
            if (screens.lookup(pane) instanceof TabPane tabs) {
                for (TabPane p = tabs; p != null && p.getSelectionModel().getSelectedItem() != null; ) {
                    Tab chosen = p.getSelectionModel().getSelectedItem();
                    ids.add(chosen.getId());
                    p = chosen.getContent() instanceof TabPane inner ? inner : null;
                }
            }
        }
        return ids;
    }

    private void selectTab(String id) {
        shell.applyCss(); // a tab's content joins the scene graph with its pane's skin
        for (String pane : List.of("#workspaces", "#backOffice")) {
            if (shell.lookup(pane) instanceof TabPane tabs) {
                select(tabs, id);
            }
        }
    }

    /** Selects tab {@code id} in {@code tabs} or in a pane of tabs one of its tabs holds (a back-office group). */
    private static void select(TabPane tabs, String id) {
        for (Tab t : tabs.getTabs()) {
            if (id != null && id.equals(t.getId())) {
                tabs.getSelectionModel().select(t);
            } else if (t.getContent() instanceof TabPane inner) {
                select(inner, id);
            }
        }
    }

    private void showShell() {
        buildShell(services, zone);
        shellModel.staffProperty().set(who);
        root.getChildren().setAll(shell);
    }

    /** The signed-in member chose their own language (null: the terminal's): kept here and on the store server. */
    private void chooseOwn(Language own) {
        String code = own == null ? null : own.code();
        who = who.withLanguage(code);
        StaffMember member = who;
        background.run(() -> {
            services.staff().setLanguage(member.staffId(), code);
            services.backOffice().chooseLanguage(code);
            return member;
        }, ok -> { }, e -> {
            LOG.info("the store server did not keep {}'s language: {}", member.staffId(), e.toString());
            if (shellModel != null) {
                shellModel.notice(TEXTS.languageNotKept(Refusals.describe(e)));
            }
        });
        languages.chooseOwn(own);
    }

    /** The window frame and every workspace; idempotent, so a very fast first sign-in can call it too. */
    private void buildShell(AppServices s, ZoneId zone) {
        if (shell != null) {
            return;
        }
        FXMLLoader tillLoader = Texts.loader(TillController.class, "TillView.fxml");
        Parent tillView = load(tillLoader);
        ((TillController) tillLoader.getController()).receiptOutput(s.receipts());
        ((TillController) tillLoader.getController()).bind(till, s.checkout(), background, zone);
        // No pulse here: the Drawer itself opens the drawer once a no-sale is counted (AppServices wires it).
        ((TillController) tillLoader.getController()).money(new TillMoney(s.drawer(), background, who -> { }));
        ((TillController) tillLoader.getController()).tableService(s.checks(), s.clock());
        if (tillScreen != null) {
            tillScreen.stop(); // the screen built before a change of language
        }
        tillScreen = tillLoader.getController();

        Map<Workspace, Node> screens = new EnumMap<>(Workspace.class);
        screens.put(Workspace.TILL, tillView);
        // Each workspace gets the clients and local data it needs, nothing more.
        screens.put(Workspace.KITCHEN, KitchenWorkspace.create(s.backOffice(), s.settings().propertyId(),
                new KitchenWorkspace.ViewMemory() {
                    @Override
                    public java.util.Optional<String> last() {
                        return s.localSettings().value(KITCHEN_VIEW);
                    }

                    @Override
                    public void remember(String viewId) {
                        s.localSettings().put(KITCHEN_VIEW, viewId);
                    }
                }, s.clock(), background, zone).view());
        screens.put(Workspace.DASHBOARD, DashboardWorkspace.load(s.backOffice(),
                () -> s.menus().header().map(MenuCache.Header::currency), s.clock(), background, zone));
        screens.put(Workspace.MENU, MenuWorkspace.load(s.backOffice(), s.clock(), background, zone));
        Parent terminal = SettingsWorkspace.load(s.settings(), s.isEmbedded(), next -> background.run(() -> {
            s.saveSettings(next);
            return next;
        }, ok -> { }, CrashDialog::show), languages.terminal(), languages::chooseTerminal);
        Parent stations = KitchenWorkspace.stationsEditor(s.backOffice(), s.settings().propertyId(),
                () -> s.menus().current().map(r -> r.menu().categories()).orElse(java.util.List.of()), background);
        StoreWorkspace.Screen store = StoreWorkspace.settingsEditor(s.backOffice(), s.settings().propertyId(),
                background, s.store()::store);
        PrintingWorkspace.Screen printers = PrintingWorkspace.printersEditor(s.backOffice(),
                s.settings().propertyId(), background, saved -> {
                    s.store().store(saved);
                    s.printing().printersChanged();
                }, () -> s.receipts().receiptPrinter().map(io.brigade.protocol.store.StorePrinter::printerId),
                id -> s.localSettings().put(ReceiptPrinting.RECEIPT_PRINTER, id), s.receipts(), null);
        FloorEditor.Screen floorPlan = FloorEditor.load(s.backOffice(), s.settings().propertyId(), background);
        Parent office = BackOfficeWorkspace.load(s.backOffice(),
                () -> s.menus().header().map(MenuCache.Header::menuId).orElse(null), stations, terminal, zone,
                s.settings().propertyId(), serving(s), store.view(), store.refresh(), printers.view(),
                printers.refresh(), floorPlan.view(), floorPlan.refresh());
        // Money control's tabs make the back office's Money group: the Z reports and audit log, the approvals the
        // tills ask the office for, what needs a manager, and the vouchers.
        if (office instanceof TabPane groups) {
            groups.getTabs().stream().filter(g -> "group-money".equals(g.getId()))
                    .map(g -> (TabPane) g.getContent()).findFirst().ifPresent(money -> {
                        MoneyTexts words = Texts.of(MoneyTexts.class);
                        money.getTabs().addAll(MoneyOfficeView.tabs(s.moneyOffice(), background, words, zone,
                                till.currency(), null, report -> s.receipts()
                                        .report(report, who == null ? null : who.name())
                                        .flatMap(job -> s.receipts().receiptPrinter().map(StorePrinter::name))));
                        money.getTabs().addAll(MoneyOfficeView.approvalsTab(s.moneyOffice(), background, words,
                                zone, till.currency()), MoneyOfficeView.moneySettingsTab(s.moneyOffice(), background,
                                words), MoneyOfficeView.vouchersTab(s.moneyOffice(), background, words, zone,
                                till.currency()));
                    });
        }
        screens.put(Workspace.BACK_OFFICE, office);

        shellModel = new ShellViewModel(zone);
        FXMLLoader shellLoader = Texts.loader(ShellController.class, "ShellView.fxml");
        shell = load(shellLoader);
        ((ShellController) shellLoader.getController()).bind(shellModel, s.settings().terminalName()
                + (s.isJoined() ? " · " + TEXTS.joinedAs(role(s), s.settings().link().storeName())
                : s.isEmbedded() ? " · " + TEXTS.builtInServer() : " · " + s.settings().serverUrl()), screens,
                s.checkout(), background, this::signOut, languages.terminal(), this::chooseOwn);
        ((ShellController) shellLoader.getController()).addStatus(PrinterStatusBar.create(s.printing(), background));
        if (lastStatus != null) {
            shellModel.apply(lastStatus);
        }
    }

    private void signedIn(StaffMember member, String pin) {
        who = member;
        // Everyone's session opens only when a screen needs it: a cashier's when they choose their language.
        services.backOffice().remember(pin);
        till.staffProperty().set(member);
        languages.signedIn(member);
        showShell();
        if (services.isJoined()) {
            // A kitchen screen opens on the kitchen, an office PC on the back office, where the role allows.
            String preferred = switch (services.settings().link().role()) {
                case KITCHEN_SCREEN -> "workspace-kitchen";
                case OFFICE -> "workspace-back_office";
                case TILL -> "workspace-till";
            };
            selectTab(preferred);
        }
        LOG.info("{} signed in as {}", member.name(), member.role());
    }

    private static String role(AppServices s) {
        return switch (s.settings().link().role()) {
            case TILL -> TEXTS.deviceTill();
            case KITCHEN_SCREEN -> TEXTS.deviceKitchenScreen();
            case OFFICE -> TEXTS.deviceOffice();
        };
    }

    /** This PC's "serve the store" switch, for the back office's devices tab. */
    private static StoreServing serving(AppServices s) {
        if (!s.isEmbedded()) {
            return StoreServing.none();
        }
        return new StoreServing() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public List<String> addresses() {
                return s.serving().map(EmbeddedServer.Serving::addresses).orElse(List.of());
            }

            @Override
            public List<String> serve() throws Exception {
                return s.serveStore().addresses();
            }

            @Override
            public void stopAtNextStart() {
                s.stopServingAtNextStart();
            }
        };
    }

    private void signOut() {
        services.backOffice().forget();
        till.clearTicket();
        till.staffProperty().set(null);
        shellModel.staffProperty().set(null);
        who = null;
        languages.signedOut();
        root.getChildren().setAll(signIn);
        signIn.requestFocus();
    }

    private static long sinceLaunch() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
    }

    private static Parent load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + loader.getLocation(), e);
        }
    }

    /** Completes with the services once the app is up: for tests and tools. */
    public CompletableFuture<AppServices> ready() {
        return ready;
    }

    public TillViewModel till() {
        return till;
    }

    /** The till's screen as built for the language spoken (null before the first sign-in). */
    public TillController tillScreen() {
        return tillScreen;
    }

    @Override
    public void stop() {
        // The till's once-a-second reads end before the worker and the stores they use are closed.
        if (tillScreen != null) {
            tillScreen.stop();
        }
        background.close();
        if (services != null) {
            services.close();
        }
    }

    public static void main(String[] args) {
        launch(BrigadeApp.class, args);
    }
}
