package io.brigade.desktop.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.support.DesktopDevice;
import io.brigade.desktop.support.LiveServer;
import io.brigade.protocol.devices.Device;
import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.devices.NewPairingCode;
import io.brigade.protocol.devices.PairingCode;
import io.brigade.protocol.Data;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three JVMs: this one serves the store (HTTPS with its own authority), and two headless desktops join it by pairing
 * codes over real TLS, a till and a kitchen screen. Several seconds: two JVMs start and join.
 */
class StoreOfThreePcsTest {
    @TempDir
    Path home;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aSaleOnAJoinedTillIsBumpedOnAJoinedKitchenScreen() throws Exception {
        try (LiveServer server = LiveServer.startStore(home.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Brigade Bistro");
            BackOfficeClient manager = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
            manager.remember("9999");
            String kitchenCode = code(manager, tenant, "KITCHEN_SCREEN");
            String tillCode = code(manager, tenant, "TILL");
            String address = "127.0.0.1:" + server.port();
            try (Child kitchen = Child.start(home, "kitchen", address, kitchenCode);
                 Child till = Child.start(home, "till", address, tillCode)) {
                String sold = till.await(l -> l.startsWith("SOLD ") || l.startsWith("REFUSED"), Duration.ofMinutes(2));
                assertTrue(sold.startsWith("SOLD A-"), sold);
                String displayId = sold.substring(5);
                assertEquals("TICKET " + displayId, kitchen.await(l -> l.startsWith("TICKET " + displayId),
                        Duration.ofMinutes(1)));
                assertEquals("BUMPED " + displayId + " READY", kitchen.await(l -> l.startsWith("BUMPED " + displayId),
                        Duration.ofSeconds(30)), "every station bumped it: ready at the pass");

                String tillId = manager.get("devices", new com.fasterxml.jackson.core.type.TypeReference<
                        Data<List<Device>>>() { }).data().stream().filter(d -> d.role() == DeviceRole.TILL)
                        .findFirst().orElseThrow().deviceId();
                manager.delete("devices/" + tillId);
                assertEquals("REVOKED", till.await(l -> l.equals("REVOKED"), Duration.ofSeconds(60)));
            }
            try (Child reused = Child.start(home, "till", address, tillCode)) {
                String answer = reused.await(l -> l.startsWith("REFUSED") || l.startsWith("JOINED"),
                        Duration.ofMinutes(1));
                assertTrue(answer.startsWith("REFUSED This pairing code has been used already"), answer);
            }
        }
    }

    private static String code(BackOfficeClient manager, DemoBootstrap.Result tenant, String role) throws Exception {
        return manager.post("devices/pairing-codes", new NewPairingCode(tenant.propertyId(), role, null),
                PairingCode.class).code();
    }

    /** A desktop JVM whose output lines are collected as they come. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder seen = new StringBuilder();

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the child ended
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path home, String role, String address, String code) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path data = Files.createTempDirectory(home, role);
            return new Child(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    DesktopDevice.class.getName(), role, data.toString(), address, code)
                    .redirectError(home.resolve(data.getFileName() + ".err").toFile()).start());
        }

        String await(Predicate<String> wanted, Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                        TimeUnit.MILLISECONDS);
                if (line == null) {
                    break;
                }
                seen.append(line).append('\n');
                if (wanted.test(line)) {
                    return line;
                }
            }
            throw new AssertionError("no such line within " + within + "; the child printed:\n" + seen);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
