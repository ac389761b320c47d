package io.brigade.desktop;

import atlantafx.base.theme.PrimerLight;
import io.brigade.desktop.app.AppServices;
import io.brigade.desktop.app.CrashDialog;
import io.brigade.desktop.app.DataDirectory;
import io.brigade.desktop.app.FxBackground;
import io.brigade.desktop.app.ShellController;
import io.brigade.desktop.app.ShellViewModel;
import io.brigade.desktop.app.Workspace;
import io.brigade.desktop.dashboard.DashboardWorkspace;
import io.brigade.desktop.settings.SettingsController;
import io.brigade.desktop.settings.TerminalSettings;
import io.brigade.desktop.staff.SignInController;
import io.brigade.desktop.staff.SignInViewModel;
import io.brigade.desktop.staff.Role;
import io.brigade.desktop.staff.StaffMember;
import io.brigade.desktop.till.TillController;
import io.brigade.desktop.till.TillViewModel;
import io.brigade.protocol.menus.MenuRevision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: starts the services off the FX thread, then shows sign-in and the workspaces. */
public final class BrigadeApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(BrigadeApp.class);
    private final Supplier<AppServices.Options> options;
    private final CompletableFuture<AppServices> ready = new CompletableFuture<>();
    private final FxBackground background = new FxBackground();
    private final StackPane root = new StackPane();
    private AppServices services;
    private Parent signIn;
    private Parent shell;
    private ShellViewModel shellModel;
    private TillViewModel till;

    /**
     * Started from the command line: data in the user's data directory and the embedded server, unless
     * {@code --server=URL --client-id= --client-secret= --org= --property= --channel= [--terminal=]} name another.
     */
    public BrigadeApp() {
        this.options = () -> {
            AppServices.Options o = new AppServices.Options(DataDirectory.resolve());
            Map<String, String> named = getParameters().getNamed();
            if (named.containsKey("server")) {
                o.settings(new TerminalSettings(named.get("server"), named.get("client-id"),
                        named.get("client-secret"), named.get("org"), named.get("property"), named.get("channel"),
                        named.get("terminal"), false));
            }
            return o;
        };
    }

    /** Started by tests and tools with their own options. */
    public BrigadeApp(Supplier<AppServices.Options> options) {
        this.options = options;
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        CrashDialog.install();
        Label starting = new Label("Starting Brigade…");
        starting.getStyleClass().add("subtitle");
        root.getChildren().setAll(starting);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(getClass().getResource("app/brigade.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Brigade");
        stage.show();
        // Start-up time is a promise to store staff (under 3 s to a usable screen): log it on every start.
        LOG.info("window shown {} ms after launch", sinceLaunch());
        ZoneId zone = ZoneId.systemDefault();
        {
            Thread t = new Thread(() -> {
                try {
                    AppServices s = AppServices.start(options.get().eventWriter(background.executor()));
                    // Listen before reading the cache, so a revision arriving in between is not missed.
                    s.menus().onChange(revision -> Platform.runLater(() -> {
                        if (till != null) {
                            till.menuArrived(revision);
                        }
                    }));
                    Optional<MenuRevision> cached = s.menus().current();
                    Platform.runLater(() -> ready(s, cached, zone));
                } catch (Exception e) {
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
        cached.ifPresent(till::menuArrived);

        SignInViewModel signInModel = new SignInViewModel(s.staff(), background, this::signedIn);
        FXMLLoader signInLoader = loader("staff/SignInView.fxml");
        signIn = load(signInLoader);
        ((SignInController) signInLoader.getController()).bind(signInModel,
                s.isEmbedded() ? AppServices.DEMO_PINS : null);

        FXMLLoader tillLoader = loader("till/TillView.fxml");
        Parent tillView = load(tillLoader);
        ((TillController) tillLoader.getController()).bind(till, s.checkout(), background, zone);

        FXMLLoader settingsLoader = loader("settings/SettingsView.fxml");
        Parent settingsView = load(settingsLoader);
        ((SettingsController) settingsLoader.getController()).bind(s.settings(), s.isEmbedded(), next ->
                background.run(() -> {
                    s.saveSettings(next);
                    return next;
                }, ok -> { }, CrashDialog::show));

        Map<Workspace, Node> screens = new EnumMap<>(Workspace.class);
        screens.put(Workspace.TILL, tillView);
        screens.put(Workspace.KITCHEN, placeholder("The kitchen display arrives in the next release."));
        screens.put(Workspace.DASHBOARD, DashboardWorkspace.load(s, background, zone));
        screens.put(Workspace.BACK_OFFICE, settingsView);

        shellModel = new ShellViewModel(zone);
        FXMLLoader shellLoader = loader("app/ShellView.fxml");
        shell = load(shellLoader);
        ((ShellController) shellLoader.getController()).bind(shellModel, s.settings().terminalName()
                + (s.isEmbedded() ? " · built-in server" : " · " + s.settings().serverUrl()), screens, s.checkout(),
                background, this::signOut);
        s.onStatus(status -> Platform.runLater(() -> shellModel.apply(status)));

        root.getChildren().setAll(signIn);
        signIn.requestFocus();
        LOG.info("sign-in ready {} ms after launch (menu revision {})", sinceLaunch(),
                cached.map(r -> String.valueOf(r.revisionId())).orElse("not cached yet"));
        ready.complete(s);
    }

    private void signedIn(StaffMember who, String pin) {
        if (who.role() != Role.CASHIER) {
            services.backOffice().remember(pin);
        }
        till.staffProperty().set(who);
        shellModel.staffProperty().set(who);
        root.getChildren().setAll(shell);
        LOG.info("{} signed in as {}", who.name(), who.role());
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

    private static Node placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("placeholder");
        return new StackPane(l);
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
