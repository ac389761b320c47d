package io.brigade.desktop.support;

import io.brigade.desktop.client.StoreJoin;
import io.brigade.desktop.i18n.Language;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.shell.BrigadeApp;
import io.brigade.protocol.devices.NewPairingCode;
import io.brigade.protocol.devices.PairingCode;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: writes the store network's screens ("Join a store" with the fingerprint to compare, the devices list,
 * the "Add a device" dialog with its code) at 1024x768 and 1920x1080, for the README. Run under a real display:
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -cp <test class path> io.brigade.desktop.support.NetworkScreens
 * docs/screens}. With a language code after the folder ({@code de}, {@code es}) it writes only "Join a store", as a
 * new PC set to that language shows it, with the code in the file names.
 */
public final class NetworkScreens {
    private static final int[][] SIZES = {{1024, 768}, {1920, 1080}};
    private static final FxRobot ROBOT = new FxRobot();

    private NetworkScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screens");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("brigade-network");
        System.setProperty("testfx.robot", "glass");
        if (args.length > 1) {
            Language language = Language.ofCode(args[1]).orElseThrow(() -> new IllegalArgumentException(args[1]));
            Texts.use(language); // a PC set to that language, before anything was chosen on it
            joinScreen(home.resolve("new-pc"), out, "-" + language.code());
            System.exit(0);
        }
        joinScreen(home.resolve("new-pc"), out, "");
        // The store's first PC, as a store owner has it: the built-in server, switched on to serve the store.
        FxToolkit.registerPrimaryStage();
        BrigadeApp store = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() ->
                new AppServices.Options(home.resolve("store")).announce(false)));
        try {
            AppServices services = store.ready().get(120, TimeUnit.SECONDS);
            signIn("9999");
            services.backOffice().remember("9999");
            int port = services.serveStore().port();
            for (String[] d : new String[][] {{"TILL", "Bar till"}, {"KITCHEN_SCREEN", "Kitchen wall"},
                {"OFFICE", "Office PC"}}) {
                PairingCode code = services.backOffice().post("devices/pairing-codes",
                        new NewPairingCode(services.settings().propertyId(), d[0], null), PairingCode.class);
                new StoreJoin().pair(new StoreJoin.Store("https://127.0.0.1:" + port, "store",
                        services.serving().orElseThrow().fingerprint()), code.code(), d[1]);
            }
            TabPane workspaces = ROBOT.lookup("#workspaces").queryAs(TabPane.class);
            ROBOT.interact(() -> workspaces.getSelectionModel().select(tab(workspaces, "workspace-back_office")));
            TabPane office = ROBOT.lookup("#backOffice").queryAs(TabPane.class);
            BackOfficeTabs.open(ROBOT, "tab-devices");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ROBOT.lookup("#deviceTable")
                    .queryAs(TableView.class).getItems().size() == 3);
            Stage stage = (Stage) workspaces.getScene().getWindow();
            for (int[] size : SIZES) {
                resize(stage, size);
                shoot(workspaces.getScene(), out.resolve("devices-" + size[0] + "x" + size[1] + ".png"));
            }
            resize(stage, SIZES[0]);
            ROBOT.clickOn("#addDevice");
            ROBOT.clickOn("#makePairingCode");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ROBOT.lookup("#pairingCode").tryQuery()
                    .map(n -> !((Labeled) n).getText().isEmpty()).orElse(false));
            Window dialog = ROBOT.lookup("#pairingCode").query().getScene().getWindow();
            for (int[] size : SIZES) {
                // The dialog keeps its own size; the window behind it is what changes with the screen.
                resize(stage, size);
                ROBOT.interact(() -> {
                    dialog.sizeToScene();
                    dialog.centerOnScreen();
                });
                shoot(dialog.getScene(), out.resolve("add-a-device-" + size[0] + "x" + size[1] + ".png"));
            }
        } finally {
            FxToolkit.cleanupApplication(store);
        }
        System.exit(0);
    }

    private static void joinScreen(Path home, Path out, String suffix) throws Exception {
        LiveServer server = LiveServer.startStore(home.resolve("server"));
        try {
            DemoBootstrap.Result tenant = server.bootstrap("Brigade Bistro");
            FxToolkit.registerPrimaryStage();
            BrigadeApp app = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() ->
                    new AppServices.Options(home.resolve("till")).askFirst(true).announce(false)));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ROBOT.lookup("#joinScreen").tryQuery().isPresent());
            ROBOT.interact(() -> ROBOT.lookup("#storeAddress").queryAs(TextField.class)
                    .setText("127.0.0.1:" + server.port()));
            ROBOT.clickOn("#connectStore");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ROBOT.lookup("#storeFingerprint").tryQuery()
                    .map(n -> !((Labeled) n).getText().isEmpty()).orElse(false));
            ROBOT.interact(() -> ROBOT.lookup("#pairingCode").queryAs(TextField.class).setText("7KQ2-M9XD"));
            Node screen = ROBOT.lookup("#joinScreen").query();
            Stage stage = (Stage) screen.getScene().getWindow();
            for (int[] size : SIZES) {
                resize(stage, size);
                shoot(screen.getScene(), out.resolve("join-a-store" + suffix + "-" + size[0] + "x" + size[1] + ".png"));
            }
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            System.out.println("tenant " + tenant.orgId() + " joined screen written");
        } finally {
            server.close();
        }
    }

    private static void signIn(String pin) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        for (char c : pin.toCharArray()) {
            ROBOT.clickOn("#pin" + c);
        }
        ROBOT.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ROBOT.lookup("#workspaces").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
    }

    private static void resize(Stage stage, int[] size) {
        ROBOT.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        });
    }

    private static void shoot(Scene scene, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS); // a picture, not a test: let layout settle
        WaitForAsyncUtils.waitForFxEvents();
        ROBOT.interact(() -> ScreenTour.write(scene, file));
        System.out.println("wrote " + file);
    }

    private static Tab tab(TabPane pane, String id) {
        return pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }
}
