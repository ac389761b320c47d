package io.brigade.installer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged desktop app on a PC with no JDK: it starts, shows sign-in, and a cashier reaches the till. */
class DesktopAppImageIT {
    private static final Pattern WINDOW = Pattern.compile("window shown (\\d+) ms after launch");
    private static final Pattern QUESTION = Pattern.compile("store question shown (\\d+) ms after launch");
    private static final Pattern READY = Pattern.compile("sign-in ready (\\d+) ms after launch");
    private static final Pattern SIGNED_IN = Pattern.compile("Ciara signed in as CASHIER");

    @TempDir
    Path home;

    @Test
    void appImageStartsWithoutAJdkAndACashierReachesTheTill() throws Exception {
        assumeTrue(Packages.onPath("Xvfb") && Packages.onPath("xdotool"), "needs Xvfb and xdotool");
        Path launcher = Packages.DIR.resolve("Brigade/bin/Brigade");
        assertTrue(Files.isExecutable(launcher), launcher + " is missing");
        Path log = home.resolve("app.log");
        try (VirtualDisplay display = VirtualDisplay.start()) {
            // No JAVA_HOME, no PATH: only the runtime inside the image can run it. HOME sends the data to
            // the XDG default under this temporary home, as on a fresh store PC.
            Process app = Packages.startBare(Map.of("DISPLAY", display.name(), "HOME", home.toString()), log,
                    launcher.toString());
            try {
                Matcher window = Packages.awaitLine(log, app, WINDOW, Duration.ofSeconds(60));
                // A new install asks whether this PC is the store; Enter takes the default answer, yes.
                Packages.awaitLine(log, app, QUESTION, Duration.ofSeconds(60));
                display.press("Return");
                Matcher ready = Packages.awaitLine(log, app, READY, Duration.ofSeconds(60));
                System.out.printf("packaged app: window shown after %s ms, sign-in ready after %s ms%n",
                        window.group(1), ready.group(1));
                display.type("1111");
                display.key("Return");
                Packages.awaitLine(log, app, SIGNED_IN, Duration.ofSeconds(20));
                if (Packages.onPath("import")) {
                    Thread.sleep(3_000); // let the till paint before the picture
                    display.screenshot(Packages.DIR.resolveSibling("packaged-till.png"));
                }
            } finally {
                Packages.stop(app);
            }
        }
        assertTrue(Files.exists(home.resolve(".local/share/brigade")),
                "the till's data went to the XDG data directory");
    }

    @Test
    void appImageStartsFromItsOwnClassDataArchive() throws Exception {
        Path launcher = Packages.DIR.resolve("Brigade/bin/Brigade");
        assertTrue(Files.isRegularFile(Packages.DIR.resolve("Brigade/lib/app/brigade.jsa")), "no brigade.jsa in the image");
        Packages.assertMainClassComesFromTheArchive(launcher, home.resolve("cds.log"));
    }
}
