package io.brigade.desktop.shell;

import atlantafx.base.theme.PrimerLight;
import io.brigade.desktop.Main;
import io.brigade.desktop.backoffice.BackOfficeWorkspace;
import io.brigade.desktop.store.StoreWorkspace;
import io.brigade.desktop.printing.PrinterStatusBar;
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
import io.brigade.desktop.kitchen.KitchenWorkspace;
import io.brigade.desktop.local.DataDirectory;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.menu.MenuWorkspace;
import io.brigade.desktop.settings.SettingsWorkspace;
import io.brigade.desktop.staff.SignInController;
import io.brigade.desktop.staff.SignInViewModel;
import io.brigade.desktop.till.TillController;
import io.brigade.desktop.till.TillViewModel;
import io.brigade.desktop.local.MenuCache;
import io.brigade.protocol.menus.MenuRevision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
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
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: starts the services off the FX thread, then shows sign-in and the workspaces. */
public final class BrigadeApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(BrigadeApp.class);
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
        Label starting = new Label("Starting Brigade…");
        starting.getStyleClass().add("subtitle");
        root.getChildren().setAll(starting);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(getClass().getResource("brigade.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Brigade");
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
                    Platform.runLater(() -> ready(s, cached, zone));
                } catch (Exception failure) {
                    Throwable e = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    Platform.runLater(() -> {
                        starting.setText("Brigade could not start: " + e.getMessage());
                        ready.completeExceptionally(e);
                        CrashDialog.show(e);
                    });
                }
            }, "startup");
            t.setDaemon(true);
            t.start();
        }
    }

    private void ready(AppServices s, Optional<MenuRevision> cached, ZoneId zone) {
        services = s;
        till = new TillViewModel(s.checkout(), s.events(), background, s.clock(), zone);
        till.snoozer(s.tillSnoozer());
        cached.ifPresent(till::menuArrived);
        till.snoozesArrived(s.snoozes().current());

        SignInViewModel signInModel = new SignInViewModel(s.staff(), s.backOffice(), background, this::signedIn);
        FXMLLoader signInLoader = loader("/io/brigade/desktop/staff/SignInView.fxml");
        signIn = load(signInLoader);
        ((SignInController) signInLoader.getController()).bind(signInModel,
                s.isJoined() ? "This PC: " + s.settings().link().deviceName() + ", " + role(s) + " of "
                        + s.settings().link().storeName() : s.isEmbedded() ? AppServices.DEMO_PINS : null);

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

    /** The window frame and every workspace; idempotent, so a very fast first sign-in can call it too. */
    private void buildShell(AppServices s, ZoneId zone) {
        if (shell != null) {
            return;
        }
        FXMLLoader tillLoader = loader("/io/brigade/desktop/till/TillView.fxml");
        Parent tillView = load(tillLoader);
        ((TillController) tillLoader.getController()).bind(till, s.checkout(), background, zone);

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
        }, ok -> { }, CrashDialog::show));
        Parent stations = KitchenWorkspace.stationsEditor(s.backOffice(), s.settings().propertyId(),
                () -> s.menus().current().map(r -> r.menu().categories()).orElse(java.util.List.of()), background);
        Parent store = StoreWorkspace.settingsEditor(s.backOffice(), s.settings().propertyId(), background,
                s.store()::store);
        screens.put(Workspace.BACK_OFFICE, BackOfficeWorkspace.load(s.backOffice(),
                () -> s.menus().header().map(MenuCache.Header::menuId).orElse(null), stations, terminal, zone,
                s.settings().propertyId(), serving(s), store, PrintingWorkspace.printersEditor(s.backOffice(),
                        s.settings().propertyId(), background, saved -> {
                            s.store().store(saved);
                            s.printing().printersChanged();
                        }, () -> s.localSettings().value(ReceiptPrinting.RECEIPT_PRINTER),
                        id -> s.localSettings().put(ReceiptPrinting.RECEIPT_PRINTER, id), s.receipts(), null)));

        shellModel = new ShellViewModel(zone);
        FXMLLoader shellLoader = loader("ShellView.fxml");
        shell = load(shellLoader);
        ((ShellController) shellLoader.getController()).bind(shellModel, s.settings().terminalName()
                + (s.isJoined() ? " · " + role(s) + " of " + s.settings().link().storeName()
                : s.isEmbedded() ? " · built-in server" : " · " + s.settings().serverUrl()), screens, s.checkout(),
                background, this::signOut);
        ((ShellController) shellLoader.getController()).addStatus(PrinterStatusBar.create(s.printing(), background));
        s.onStatus(status -> Platform.runLater(() -> shellModel.apply(status)));
    }

    private void signedIn(StaffMember who, String pin) {
        buildShell(services, zone);
        if (who.role() != Role.CASHIER) {
            services.backOffice().remember(pin);
        }
        till.staffProperty().set(who);
        shellModel.staffProperty().set(who);
        root.getChildren().setAll(shell);
        if (services.isJoined()) {
            // A kitchen screen opens on the kitchen, an office PC on the back office, where the role allows.
            String preferred = switch (services.settings().link().role()) {
                case KITCHEN_SCREEN -> "workspace-kitchen";
                case OFFICE -> "workspace-back_office";
                case TILL -> "workspace-till";
            };
            TabPane tabs = (TabPane) shell.lookup("#workspaces");
            tabs.getTabs().stream().filter(t -> preferred.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
        LOG.info("{} signed in as {}", who.name(), who.role());
    }

    private static String role(AppServices s) {
        return switch (s.settings().link().role()) {
            case TILL -> "a till";
            case KITCHEN_SCREEN -> "a kitchen screen";
            case OFFICE -> "an office PC";
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
        root.getChildren().setAll(signIn);
        signIn.requestFocus();
    }

    private static long sinceLaunch() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
    }

    private FXMLLoader loader(String path) {
        return new FXMLLoader(getClass().getResource(path));
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

    @Override
    public void stop() {
        background.close();
        if (services != null) {
            services.close();
        }
    }

    public static void main(String[] args) {
        launch(BrigadeApp.class, args);
    }
}
