package io.brigade.desktop.backoffice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.shell.BrigadeApp;
import io.brigade.desktop.support.LiveServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check but the tool that draws docs/backoffice.png from the running app with real data: run with
 * {@code -Dbrigade.screenshot=/abs/path/backoffice.png}; skipped otherwise.
 */
@EnabledIfSystemProperty(named = "brigade.screenshot", matches = ".+")
class BackOfficeScreenshotTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();

    @Test
    void drawTheWebhooksTabWithAFailingAndAHealthySubscription() throws Exception {
        Path target = Path.of(System.getProperty("brigade.screenshot"));
        try (LiveServer server = LiveServer.start(home.resolve("server"), true);
             WebhookReceiver failing = new WebhookReceiver(500);
             WebhookReceiver healthy = new WebhookReceiver(204)) {
            DemoBootstrap.Result tenant = server.bootstrap("Demo Bistro");
            BackOfficeClient office = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
            office.remember("9999");
            office.post("api-keys", Map.of("name", "Loyalty partner"), Object.class);
            office.post("api-keys", Map.of("name", "Accounting export"), Object.class);
            WebhooksViewModel hooks = new WebhooksViewModel(office, io.brigade.desktop.fx.Background.direct());
            hooks.create(WebhooksViewModel.draft(healthy.url(), List.of("sales.created.v1", "sales.cancelled.v1"),
                    List.of()), s -> { });
            hooks.sendTest(hooks.selectedProperty().get().subscriptionId());
            hooks.create(WebhooksViewModel.draft(failing.url(), List.of("sales.created.v1", "menu.published.v1"),
                    List.of(tenant.propertyId())), s -> { });
            String failingId = hooks.selectedProperty().get().subscriptionId();
            for (int i = 0; i < 3; i++) {
                int before = failing.received.get();
                hooks.sendTest(failingId);
                io.brigade.desktop.support.Tills.await("deliveries", java.time.Duration.ofSeconds(20),
                        () -> failing.received.get() >= before + 2);
            }
            office.forget();
            office.close();

            FxToolkit.registerPrimaryStage();
            BrigadeApp app = (BrigadeApp) FxToolkit.setupApplication(() -> new BrigadeApp(() ->
                    new AppServices.Options(home.resolve("till")).settings(server.terminal(tenant))));
            app.ready().get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.till().menuProperty().get() != null);
            for (char c : "9999".toCharArray()) {
                robot.clickOn("#pin" + c);
            }
            robot.clickOn("#signIn");
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#workspace-back_office").tryQuery()
                    .map(n -> n.getScene() != null).orElse(false));
            robot.clickOn("#workspace-back_office");
            robot.clickOn("#group-integrations").clickOn("#tab-webhooks");
            TableView<?> table = robot.lookup("#webhookTable").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
            WaitForAsyncUtils.waitForFxEvents();
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#webhookTable .table-cell")
                        .match((javafx.scene.control.Labeled l) -> failing.url().equals(l.getText())).tryQuery()
                        .isPresent());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(failing.url() + " not in " + robot.lookup("#webhookTable .table-cell")
                        .queryAllAs(javafx.scene.control.Labeled.class).stream().map(l -> l.getText()).toList()
                        + " items " + table.getItems(), e);
            }
            robot.clickOn(robot.lookup("#webhookTable .table-cell").match((javafx.scene.control.Labeled l) ->
                    failing.url().equals(l.getText())).<javafx.scene.Node>query());
            TableView<?> log = robot.lookup("#deliveryTable").queryAs(TableView.class);
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().size() >= 6);
            } finally {
                WaitForAsyncUtils.waitForFxEvents();
                WritableImage image = WaitForAsyncUtils.asyncFx(() -> table.getScene().snapshot(null)).get();
                ImageIO.write(toBuffered(image), "png", target.toFile());
            }
            assertTrue(Files.size(target) > 10_000);
            // The other tabs, beside the PNG for whoever draws it to look at (only the webhooks tab is committed).
            robot.clickOn("#group-integrations").clickOn("#tab-api-keys");
            shoot(table, target.resolveSibling("backoffice-keys.png"));
            robot.clickOn("#group-integrations").clickOn("#tab-jobs");
            robot.clickOn("#startExport");
            TableView<?> jobs = robot.lookup("#jobTable").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !jobs.getItems().isEmpty()
                    && "completed".equals(((io.brigade.protocol.jobs.Job) jobs.getItems().get(0)).status()));
            shoot(table, target.resolveSibling("backoffice-jobs.png"));
            robot.clickOn("#group-store").clickOn("#tab-staff");
            shoot(table, target.resolveSibling("backoffice-staff.png"));
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    private static void shoot(javafx.scene.Node any, Path file) throws Exception {
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // let the tab's first read arrive before drawing
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> any.getScene().snapshot(null)).get();
        ImageIO.write(toBuffered(image), "png", file.toFile());
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
