package io.brigade.desktop.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.local.OutboxEntry.Kind;
import io.brigade.desktop.local.OutboxEntry.State;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.Tills;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till's offline outbox against a real server on a real H2 file over real HTTP: sales rung up while the
 * server is away, answers lost on the wire, and sales the server refuses.
 */
class OfflineOutboxTest {
    private static final Duration MENU_WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private AppServices till(LiveServer server, DemoBootstrap.Result tenant, List<Interceptor> interceptors)
            throws Exception {
        return AppServices.start(new AppServices.Options(dir.resolve("till"))
                .settings(server.terminal(tenant))
                .menuRefresh(Duration.ofMillis(200))
                .interceptors(interceptors));
    }

    private static Set<String> ids(List<OutboxEntry> entries) {
        return entries.stream().map(e -> e.id().toString()).collect(Collectors.toSet());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void salesRungUpWhileServerIsDownArriveExactlyOnceWhenItReturns() throws Exception {
        try (LiveServer server = LiveServer.start(dir.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Offline Bistro");
            try (AppServices till = till(server, tenant, List.of())) {
                AtomicReference<SyncStatus> status = new AtomicReference<>();
                till.onStatus(status::set);
                MenuRevision menu = Tills.awaitMenu(till, MENU_WAIT);
                StaffMember cashier = till.staff().signIn("1111").orElseThrow();

                server.stop();
                for (int i = 0; i < 50; i++) {
                    till.checkout().complete(Tills.cashSale(menu, i), cashier);
                }
                assertEquals(50, till.outbox().pendingSales());
                Tills.await("the status bar to say offline with 50 sales waiting", Duration.ofSeconds(10), () -> {
                    SyncStatus s = status.get();
                    return s != null && !s.online() && s.pendingSales() == 50;
                });
                List<OutboxEntry> rung = till.outbox().recentSales(100);
                assertEquals(50, rung.size());
                assertTrue(rung.stream().allMatch(e -> e.state() == State.PENDING), "nothing can have been sent");

                server.restart(); // a new server process, same port, same database file
                long back = System.nanoTime();
                Tills.await("the outbox to drain after the server came back", Duration.ofSeconds(60),
                        () -> till.outbox().pendingSales() == 0);
                System.out.printf("50 queued sales drained %d ms after the server came back%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));

                List<String> onServer = server.externalIds(tenant);
                assertEquals(50, onServer.size(), "the server holds each sale once");
                assertEquals(50, new HashSet<>(onServer).size(), "no externalId twice");
                assertEquals(ids(rung), new HashSet<>(onServer), "the server's externalIds are the outbox ids");
                List<OutboxEntry> after = till.outbox().recentSales(100);
                assertTrue(after.stream().allMatch(e -> e.state() == State.SENT && e.serverSaleId() != null),
                        "every sale is marked sent with the server's sale id");
                Set<String> serverSaleIds = server.sales(tenant).stream().map(s -> s.path("saleId").asText())
                        .collect(Collectors.toSet());
                assertEquals(serverSaleIds, after.stream().map(OutboxEntry::serverSaleId).collect(Collectors.toSet()));
                Tills.await("the status bar to say online", Duration.ofSeconds(10), () -> {
                    till.sync().publish();
                    SyncStatus s = status.get();
                    return s.online() && s.pendingSales() == 0;
                });
            }
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void syncKilledBetweenSendAndAcknowledgementCreatesNoDuplicate() throws Exception {
        try (LiveServer server = LiveServer.start(dir.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Lost Answer Bistro");
            CountDownLatch answerLost = new CountDownLatch(1);
            AtomicBoolean dying = new AtomicBoolean();
            Interceptor loseTheAnswer = chain -> {
                Request request = chain.request();
                if (request.method().equals("POST") && request.url().encodedPath().endsWith("/sales")) {
                    if (dying.getAndSet(true)) {
                        // The app is going down: nothing else leaves it.
                        throw new IOException("the app is dying");
                    }
                    Response response = chain.proceed(request); // the server stores the sale and answers...
                    response.close();                           // ...and the answer never reaches the till
                    answerLost.countDown();
                    throw new IOException("connection reset after the request was sent");
                }
                return chain.proceed(request);
            };

            UUID key;
            try (AppServices till = till(server, tenant, List.of(loseTheAnswer))) {
                MenuRevision menu = Tills.awaitMenu(till, MENU_WAIT);
                StaffMember cashier = till.staff().signIn("1111").orElseThrow();
                till.checkout().complete(Tills.cashSale(menu, 0), cashier);
                key = till.outbox().recentSales(1).get(0).id();
                assertTrue(answerLost.await(20, TimeUnit.SECONDS), "the sale was pushed");
            } // the app dies here, with the sale still pending locally

            assertEquals(List.of(key.toString()), server.externalIds(tenant),
                    "the server stored the sale whose answer was lost");

            try (AppServices restarted = AppServices.start(new AppServices.Options(dir.resolve("till"))
                    .menuRefresh(Duration.ofMillis(200)))) { // settings as saved; no interceptor this time
                OutboxEntry before = restarted.outbox().find(key).orElseThrow();
                assertEquals(State.PENDING, before.state(), "the till never heard back, so it must send again");
                assertTrue(before.attempts() >= 1);

                Tills.await("the sale to be sent again and acknowledged", Duration.ofSeconds(30),
                        () -> restarted.outbox().pendingSales() == 0);

                List<JsonNode> onServer = server.sales(tenant);
                assertEquals(1, onServer.size(), "the replay with the same key created no second sale");
                assertEquals(key.toString(), onServer.get(0).path("externalId").asText());
                OutboxEntry sent = restarted.outbox().find(key).orElseThrow();
                assertEquals(State.SENT, sent.state());
                assertEquals(onServer.get(0).path("saleId").asText(), sent.serverSaleId(),
                        "the replayed answer names the sale stored the first time");
            }
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void saleTheServerRejectsIsParkedUnderNeedsAttention() throws Exception {
        try (LiveServer server = LiveServer.start(dir.resolve("server"));) {
            DemoBootstrap.Result tenant = server.bootstrap("Refusing Bistro");
            try (AppServices till = till(server, tenant, List.of())) {
                MenuRevision menu = Tills.awaitMenu(till, MENU_WAIT);
                StaffMember cashier = till.staff().signIn("1111").orElseThrow();
                StaffMember manager = till.staff().signIn("9999").orElseThrow();

                // A line whose item is not in the revision the sale names: well-formed, but the server says 422.
                // (An id the size of a menu item's: a longer one is refused for its length before the menu is read.)
                String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
                till.checkout().complete(Tills.order(menu, Tills.ghostItem(ghost, new BigDecimal("4.00")), 1),
                        cashier);
                UUID bad = till.outbox().recentSales(1).get(0).id();
                till.checkout().complete(Tills.cashSale(menu, 1), cashier);
                UUID good = till.outbox().recentSales(1).get(0).id();

                Tills.await("the refused sale to be parked and the next one sent", Duration.ofSeconds(30), () ->
                        till.outbox().find(bad).orElseThrow().state() == State.PARKED
                                && till.outbox().find(good).orElseThrow().state() == State.SENT);

                OutboxEntry parked = till.checkout().needsAttention().stream()
                        .filter(e -> e.id().equals(bad)).findFirst().orElseThrow();
                assertEquals(Kind.SALE, parked.kind());
                assertNotNull(parked.lastError());
                assertTrue(parked.lastError().startsWith("HTTP 422"), parked.lastError());
                assertTrue(parked.lastError().contains("items[0].menuItemId") && parked.lastError().contains(ghost),
                        "the server's reason is kept for the manager: " + parked.lastError());
                assertEquals(List.of(good.toString()), server.externalIds(tenant),
                        "the sale behind the refused one reached the server; the refused one did not");

                assertEquals(List.of(good.toString()), server.externalIds(tenant));

                // A later sale still syncs past it, and the worker's passes since have not retried it blindly.
                till.checkout().complete(Tills.cashSale(menu, 2), cashier);
                UUID later = till.outbox().recentSales(1).get(0).id();
                Tills.await("a later sale to reach the server", Duration.ofSeconds(30),
                        () -> till.outbox().pendingSales() == 0);
                assertEquals(Set.of(good.toString(), later.toString()), new HashSet<>(server.externalIds(tenant)));
                OutboxEntry still = till.outbox().find(bad).orElseThrow();
                assertEquals(State.PARKED, still.state());
                assertEquals(parked.attempts(), still.attempts());

                // Only a manager decides; voiding takes it off the list for good.
                assertThrows(IllegalArgumentException.class, () -> till.checkout().voidParked(parked, cashier));
                till.checkout().voidParked(parked, manager);
                assertEquals(State.VOIDED, till.outbox().find(bad).orElseThrow().state());
                assertFalse(till.checkout().needsAttention().stream().anyMatch(e -> e.id().equals(bad)));
                // A sale after the void reaches the server: the worker has passed the voided one and left it.
                till.checkout().complete(Tills.cashSale(menu, 3), cashier);
                Tills.await("the sale after the void to reach the server", Duration.ofSeconds(30),
                        () -> till.outbox().pendingSales() == 0);
                assertEquals(State.VOIDED, till.outbox().find(bad).orElseThrow().state());
                assertEquals(3, server.externalIds(tenant).size(), "a voided sale is never sent");
            }
        }
    }
}
