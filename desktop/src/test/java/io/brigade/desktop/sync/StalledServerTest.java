package io.brigade.desktop.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.OutboxEntry.State;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.Tills;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that stalls longer than the till waits for an answer: the till's push times out, its retry with the
 * same key meets the first one still being stored (409 with Retry-After), and it waits and tries again rather
 * than parking the sale for a manager.
 */
class StalledServerTest {
    private static final int SALES = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void salesPushedWhileTheServerStallsAreStoredOnceAndNoneIsParked() throws Exception {
        try (LiveServer server = LiveServer.start(dir.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Stalled Bistro");
            AtomicInteger stillBeingStored = new AtomicInteger();
            Interceptor shortWait = chain -> {
                // The till waits 10 s for an answer; here 1 s, so that the stall outlasts it quickly.
                Response response = chain.withReadTimeout(1, TimeUnit.SECONDS).proceed(chain.request());
                if (response.code() == 409 && response.header("Retry-After") != null) {
                    stillBeingStored.incrementAndGet();
                }
                return response;
            };
            try (AppServices till = AppServices.start(new AppServices.Options(dir.resolve("till"))
                    .settings(server.terminal(tenant)).menuRefresh(Duration.ofMillis(200))
                    .interceptors(List.of(shortWait)))) {
                MenuRevision menu = Tills.awaitMenu(till, Duration.ofSeconds(20));
                StaffMember cashier = till.staff().signIn("1111").orElseThrow();

                try (AutoCloseable stalled = server.saleBatcher().hold()) {
                    for (int i = 0; i < SALES; i++) {
                        till.checkout().complete(Tills.cashSale(menu, i), cashier);
                    }
                    // The first push timed out at the till, and its retry found it still being stored.
                    await("a retry answered 409 with Retry-After").atMost(Duration.ofSeconds(30))
                            .until(() -> stillBeingStored.get() >= 2);
                }

                await("the outbox to drain").atMost(Duration.ofSeconds(60))
                        .until(() -> till.outbox().pendingSales() == 0);
                List<OutboxEntry> sent = till.outbox().recentSales(10);
                assertEquals(SALES, sent.size());
                assertTrue(sent.stream().allMatch(e -> e.state() == State.SENT && e.serverSaleId() != null),
                        "every sale is sent, none parked under Needs attention: "
                                + sent.stream().map(e -> e.displayId() + " " + e.state() + " " + e.lastError()).toList());
                List<String> onServer = server.externalIds(tenant);
                assertEquals(SALES, onServer.size(), "the server holds each sale once");
                assertEquals(SALES, new HashSet<>(onServer).size());
            }
        }
    }
}
