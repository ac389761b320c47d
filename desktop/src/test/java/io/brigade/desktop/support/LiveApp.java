package io.brigade.desktop.support;

import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.shell.BrigadeApp;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app, headless, as the till of a freshly bootstrapped org on a {@link LiveServer}: the set-up the
 * back-office screen tests share, with signing in by PIN.
 */
public final class LiveApp implements AutoCloseable {
    private final LiveServer server;
    private final DemoBootstrap.Result tenant;
    private final BrigadeApp app;
    private final AppServices services;
    private final FxRobot robot = new FxRobot();

    private LiveApp(LiveServer server, DemoBootstrap.Result tenant, BrigadeApp app, AppServices services) {
        this.server = server;
        this.tenant = tenant;
        this.app = app;
        this.services = services;
    }

    /** Starts a server under {@code home}/server, bootstraps {@code orgName} and opens the app on it. */
    public static LiveApp start(Path home, String orgName, boolean allowPrivateCallbacks) throws Exception {
        return open(home, LiveServer.start(home.resolve("server"), allowPrivateCallbacks), orgName);
    }

    /** As {@link #start}, on a store server ({@link LiveServer#startStore}: HTTPS beside loopback HTTP). */
    public static LiveApp startOnStore(Path home, String orgName) throws Exception {
        return open(home, LiveServer.startStore(home.resolve("server")), orgName);
    }

    private static LiveApp open(Path home, LiveServer server, String orgName) throws Exception {
        DemoBootstrap.Result tenant = server.bootstrap(orgName);
        FxToolkit.registerPrimaryStage();
        BrigadeApp app = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() ->
                new AppServices.Options(home.resolve("till")).settings(server.terminal(tenant))));
        return new LiveApp(server, tenant, app, app.ready().get(60, TimeUnit.SECONDS));
    }

    /** Types {@code pin} on the sign-in pad and waits for the signed-in shell. */
    public void signIn(String pin) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        for (char c : pin.toCharArray()) {
            robot.clickOn("#pin" + c);
        }
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#workspaces").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    public BrigadeApp app() {
        return app;
    }

    public LiveServer server() {
        return server;
    }

    /** The org the app sells for. */
    public DemoBootstrap.Result tenant() {
        return tenant;
    }

    public AppServices services() {
        return services;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        server.close();
    }
}
