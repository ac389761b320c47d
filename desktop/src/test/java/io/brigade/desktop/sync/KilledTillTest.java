package io.brigade.desktop.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.TillChild;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.Sale;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** "Paid" means stored: a till process killed with SIGKILL mid-stream keeps every sale it confirmed. */
class KilledTillTest {
    private static final int KILL_AFTER = 60;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void saleCommitSurvivesKilledApp() throws Exception {
        Path data = dir.resolve("till");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TillChild.class.getName(), data.toString(), "5000")
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        List<String> paid = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("PAID ")) {
                    paid.add(line.substring(5));
                    if (paid.size() == KILL_AFTER) {
                        // SIGKILL, most likely in the middle of the next complete(). Through the handle, because
                        // Process.destroyForcibly() also closes our end of the pipe.
                        child.toHandle().destroyForcibly();
                    }
                }
                // after the kill, keep reading: lines the child printed before it died are still in the pipe
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(paid.size() >= KILL_AFTER,
                "the child printed " + paid.size() + " sales; stderr: " + Files.readString(dir.resolve("child.err")));
        assertTrue(paid.size() < 5000, "the child was killed before it finished");

        try (AppServices reopened = AppServices.start(new AppServices.Options(data).startSync(false))) {
            List<OutboxEntry> stored = reopened.outbox().recentSales(10_000);
            Map<String, OutboxEntry> byDisplayId = stored.stream()
                    .collect(Collectors.toMap(OutboxEntry::displayId, Function.identity()));
            for (String displayId : paid) {
                OutboxEntry e = byDisplayId.get(displayId);
                assertTrue(e != null, "sale " + displayId + " was confirmed to the cashier but is not in the outbox");
                assertEquals(OutboxEntry.State.PENDING, e.state());
                Sale sale = Json.mapper().readValue(e.payload(), Sale.class);
                assertEquals(e.id().toString(), sale.externalId(), "the stored payload is whole");
                assertEquals(displayId, sale.displayId());
            }
            // At most the one sale being paid at the moment of the kill is stored without having been confirmed.
            assertTrue(stored.size() <= paid.size() + 1, stored.size() + " stored, " + paid.size() + " confirmed");
            assertEquals(stored.size(), reopened.outbox().pendingSales(), "all of them wait to be sent");
            System.out.printf("killed after %d confirmed sales; %d in the outbox on reopening%n", paid.size(),
                    stored.size());
        }
    }
}
