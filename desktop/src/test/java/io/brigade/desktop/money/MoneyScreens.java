package io.brigade.desktop.money;

import io.brigade.desktop.support.LiveApp;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: draws the shift close (blind count, then its result), the Z report, the audit log, a till's request
 * for a manager waiting at the office, the approval rules and the vouchers at 1024x768 and 1920x1080 for the
 * README. Run under a real display: {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -cp
 * <test class path> io.brigade.desktop.money.MoneyScreens docs/screens}.
 */
public final class MoneyScreens {
    private static final FxRobot ROBOT = new FxRobot();

    private MoneyScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screens");
        Files.createDirectories(out);
        System.setProperty("testfx.robot", "glass");
        int[][] sizes = {{1024, 768}, {1920, 1080}};
        for (int[] size : sizes) {
            Path home = Files.createTempDirectory("brigade-money");
            try (LiveApp app = LiveApp.start(home, "Brigade Bistro", false)) {
                app.signIn("9999");
                Stage main = (Stage) ROBOT.lookup("#workspaces").query().getScene().getWindow();
                ROBOT.interact(() -> {
                    main.setWidth(size[0]);
                    main.setHeight(size[1]);
                    main.setX(0);
                    main.setY(0);
                });
                String suffix = "-" + size[0] + "x" + size[1] + ".png";
                MoneyTour tour = new MoneyTour();
                MoneyTour.Shooter shooter = (scene, name) -> shoot(scene, out.resolve(name + suffix));
                tour.drawer(app.services(), shooter);
                tour.backOffice(shooter, MoneyDates.date(LocalDate.now(ZoneId.of("Europe/Dublin"))));
                tour.officeMoney(app, shooter);
            }
        }
        System.exit(0);
    }

    static void shoot(Scene scene, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
    }
}
