package io.brigade.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.Tills;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store upgrades the till while sales are still waiting to sync: the newer .deb installs over the older
 * one, the data directory is untouched, and the waiting sales reach the server exactly once.
 */
class DesktopDebUpgradeIT {
    private static final Path INSTALLED = Path.of("/opt/brigade-desktop/bin/Brigade");
    private static final Path ARCHIVE = Path.of("/opt/brigade-desktop/lib/app/brigade.jsa");
    private static final int QUEUED = 5;

    @TempDir
    Path dir;

    @Test
    void installingTheNewerPackageOverQueuedSalesKeepsThemAndSyncsThem() throws Exception {
        assumeTrue(Packages.isRoot() && Packages.onPath("dpkg") && Packages.onPath("apt-get"),
                "installs packages: needs root and apt");
        assumeTrue(Packages.onPath("Xvfb"), "needs Xvfb");
        Path older = Packages.only("brigade-desktop_*.deb");
        String newerVersion = newer(Packages.VERSION);
        Path newer = repackaged(older, newerVersion + "-1");

        Path home = dir.resolve("home");
        Path data = home.resolve(".local/share/brigade"); // the XDG default the app picks for this HOME
        try (LiveServer server = LiveServer.start(dir.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Upgrade Bistro");
            install(older);
            assertEquals(Packages.VERSION + "-1", installedVersion());

            Set<String> queued = new HashSet<>();
            try (AppServices till = AppServices.start(new AppServices.Options(data)
                    .settings(server.terminal(tenant)).menuRefresh(Duration.ofMillis(200)))) {
                MenuRevision menu = Tills.awaitMenu(till, Duration.ofSeconds(30));
                StaffMember cashier = till.staff().signIn("1111").orElseThrow();
                server.stop();
                for (int i = 0; i < QUEUED; i++) {
                    till.checkout().complete(Tills.cashSale(menu, i), cashier);
                }
                assertEquals(QUEUED, till.outbox().pendingSales());
                till.outbox().recentSales(100).stream().map(OutboxEntry::id).map(Object::toString)
                        .forEach(queued::add);
            }

            install(newer);
            assertEquals(newerVersion + "-1", installedVersion());
            assertTrue(Files.isDirectory(data), "the upgrade left the till's data in place");

            server.restart();
            try (VirtualDisplay display = VirtualDisplay.start()) {
                Process app = Packages.startBare(Map.of("DISPLAY", display.name(), "HOME", home.toString()),
                        dir.resolve("app.log"), INSTALLED.toString());
                try {
                    Tills.await(QUEUED + " queued sales to reach the server", Duration.ofSeconds(90),
                            () -> server.externalIds(tenant).size() >= QUEUED);
                    Thread.sleep(2_000); // a duplicate would arrive right behind
                } finally {
                    Packages.stop(app);
                }
            }
            List<String> arrived = server.externalIds(tenant);
            assertEquals(QUEUED, arrived.size(), "each sale once: " + arrived);
            assertEquals(queued, arrived.stream().collect(Collectors.toSet()));

            // The postinst made the start-up class data for the jars under /opt, and the JVM uses it.
            Packages.assertMainClassComesFromTheArchive(INSTALLED, dir.resolve("cds.log"));
            Packages.run(Duration.ofMinutes(5), "dpkg", "--purge", "brigade-desktop");
            assertFalse(Files.exists(ARCHIVE), "the prerm removes the class data dpkg does not own");
        } finally {
            new ProcessBuilder("dpkg", "--purge", "brigade-desktop").inheritIO().start().waitFor();
        }
    }

    private static void install(Path deb) throws Exception {
        // apt-get resolves the dependencies (GTK, xdg-utils) that plain dpkg -i would leave missing.
        Packages.run(Duration.ofMinutes(10), "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                "--allow-downgrades", deb.toAbsolutePath().toString());
    }

    /**
     * The same package under a higher version: jpackage's own .deb unpacked, its version raised, packed
     * again. (A second jpackage run would make the same files and takes minutes on this machine.)
     */
    private Path repackaged(Path deb, String version) throws Exception {
        Path tree = dir.resolve("repack");
        Packages.run(Duration.ofMinutes(5), "dpkg-deb", "-R", deb.toString(), tree.toString());
        Path control = tree.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: " + version));
        Path out = dir.resolve("brigade-desktop_" + version + "_amd64.deb");
        Packages.run(Duration.ofMinutes(10), "fakeroot", "dpkg-deb", "--build", "-Zgzip", tree.toString(),
                out.toString());
        return out;
    }

    private static String installedVersion() throws Exception {
        return Packages.run(Duration.ofSeconds(30), "dpkg-query", "-W", "-f=${Version}", "brigade-desktop").strip();
    }

    /** The next patch version: 0.1.0 -> 0.1.1. */
    static String newer(String version) {
        int dot = version.lastIndexOf('.');
        return version.substring(0, dot + 1) + (Integer.parseInt(version.substring(dot + 1)) + 1);
    }
}
