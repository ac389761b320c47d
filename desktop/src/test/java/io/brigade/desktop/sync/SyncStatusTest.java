package io.brigade.desktop.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.shell.AppServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStatusTest {
    @TempDir
    Path home;

    @Test
    void anIdleTillReportsOnlineOnceTheServerAnswers() throws Exception {
        try (AppServices services = AppServices.start(new AppServices.Options(home).startSync(false)
                .menuRefresh(Duration.ofMillis(200)))) {
            List<SyncStatus> seen = new CopyOnWriteArrayList<>();
            services.onStatus(seen::add);
            assertFalse(seen.get(0).online(), "nothing has reached the server before the worker starts");
            services.sync().start();
            Awaitility.await("an online status").atMost(Duration.ofSeconds(15))
                    .until(() -> seen.stream().anyMatch(SyncStatus::online));
            assertTrue(seen.stream().anyMatch(s -> s.online() && s.pendingSales() == 0), seen.toString());
        }
    }
}
