package io.brigade.server.failover;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.brigade.protocol.Json;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.webhooks.SecretBox;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes on a PostgreSQL primary with a synchronous standby, the primary lost mid-traffic. Clients
 * push sales through both nodes and, as a till does, send a sale again with its idempotency key until it is
 * acknowledged. The primary is stopped as in a crash ({@code pg_ctl stop -m immediate}) and the standby
 * promoted; the nodes reconnect through their multi-host URL. Every acknowledged sale must be there exactly
 * once, and webhooks must go on. Needs PostgreSQL's own binaries: {@code -Dbrigade.pgbin=/usr/lib/postgresql/15/bin}
 * ({@code .ci/run} installs them and runs this test); skipped without. It takes about a minute: two clusters
 * start, and traffic runs before and after the failover.
 */
class PostgresFailoverTest {
    private static final int BEFORE = 150;
    private static final int AFTER = 150;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** An acknowledged sale: its key, the id the server gave it, and when the answer came. */
    private record Acknowledged(String key, String saleId, Instant at) {
    }

    @Test
    void everyAcknowledgedSaleSurvivesTheLossOfThePrimaryExactlyOnce() throws Exception {
        String bin = System.getProperty("brigade.pgbin");
        Assumptions.assumeTrue(bin != null && !bin.isBlank(), "set -Dbrigade.pgbin to PostgreSQL's bin directory");
        SecretBox key = SecretBox.random();
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/hook", ex -> {
            JsonNode body = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
            delivered.add(body.path("detail").path("properties").path("saleId").asText());
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        try (PostgresPair pg = PostgresPair.start(Path.of(bin));
             Database database1 = Database.open(pg.url(), "postgres", null, pg.readUrl());
             Database database2 = Database.open(pg.url(), "postgres", null, pg.readUrl());
             BrigadeServer node1 = node(database1, key);
             BrigadeServer node2 = node(database2, key)) {
            assertTrue(inRecovery(database1), "reads that may lag go to the standby while it is one");
            DemoBootstrap.Result org;
            try (Database setup = Database.open(pg.url(), "postgres", null)) {
                org = new DemoBootstrap(setup, Clock.systemUTC()).run("Failover Bistro");
            }
            ApiClient api = new ApiClient(node1.uri()).withToken(org.clientId(), org.clientSecret());
            String token = api.get("/").raw().request().headers().firstValue("Authorization").orElseThrow();
            assertEquals(201, api.post("/webhooks/orgs/" + org.orgId() + "/subscriptions", Map.of("orgId", org.orgId(),
                    "callbackUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "eventTypes", List.of("sales.created.v1"), "secret", "whsec_failover_0123456789abcdef"))
                    .status());

            Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<URI> nodes = List.of(node1.uri(), node2.uri());
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 8; i++) {
                int client = i;
                clients.submit(() -> {
                    try {
                        for (int n = 0; !stop.get(); n++) {
                            push(nodes, client + n, token, org, acknowledged, stop);
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                });
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= BEFORE || failure.get() != null);
            pg.stopPrimaryImmediately();
            // Counted from when the primary is gone: commits answered while pg_ctl was stopping it do not count.
            Instant lost = Instant.now();
            pg.promoteStandby();
            Instant promoted = Instant.now();
            int atLoss = acknowledged.size();
            await().atMost(Duration.ofSeconds(180)).until(() -> acknowledged.size() >= atLoss + AFTER
                    || failure.get() != null);
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
            if (failure.get() != null) {
                throw new AssertionError("a client failed", failure.get());
            }
            Instant firstAfter = acknowledged.values().stream().map(Acknowledged::at).filter(at -> at.isAfter(lost))
                    .min(Instant::compareTo).orElseThrow();
            System.out.printf("failover: standby promoted %d ms and first acknowledged sale %d ms after the primary "
                    + "was lost; %d sales acknowledged%n", Duration.between(lost, promoted).toMillis(),
                    Duration.between(lost, firstAfter).toMillis(), acknowledged.size());

            assertFalse(inRecovery(database2), "after the failover they go to the promoted standby");
            try (Connection c = pg.standby()) {
                for (Acknowledged a : acknowledged.values()) {
                    assertEquals(1, count(c, "SELECT COUNT(*) FROM sales WHERE sale_id = ?", a.saleId()),
                            "sale " + a.saleId() + " of key " + a.key());
                    assertEquals(1, count(c, "SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = ?", a.key()),
                            "key " + a.key());
                }
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.values().stream()
                    .allMatch(a -> delivered.contains(a.saleId())));
        } finally {
            receiver.stop(0);
        }
    }

    /** Pushes one new sale until a node acknowledges it, to whichever node answers, with the same key. */
    private static void push(List<URI> nodes, int turn, String token, DemoBootstrap.Result org,
                             Map<String, Acknowledged> acknowledged, AtomicBoolean stop) throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Json.mapper().writeValueAsString(Sales.simple(org, Instant.now().toString(), "3.00"));
        for (int attempt = 0; !stop.get() || attempt > 0; attempt++) {
            URI node = nodes.get((turn + attempt) % nodes.size());
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(node.resolve("/salesManagement/orgs/"
                                + org.orgId() + "/sales")).timeout(Duration.ofSeconds(20))
                        .header("Authorization", token).header("Content-Type", "application/json")
                        .header("x-idempotency-key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || r.statusCode() == 201) {
                    String saleId = Json.mapper().readTree(r.body()).path("saleId").asText();
                    acknowledged.put(key, new Acknowledged(key, saleId, Instant.now()));
                    return;
                }
                if (r.statusCode() != 503 && r.statusCode() != 409 && r.statusCode() != 429) {
                    // A lost database is a 503 with Retry-After, never a refusal or a 500.
                    throw new AssertionError("refused: " + r.statusCode() + " " + r.body());
                }
                if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
                    throw new AssertionError("503 without Retry-After: " + r.body());
                }
            } catch (java.io.IOException e) {
                // the node or its database is away: the till keeps the sale and sends it again
            }
            Thread.sleep(200); // a till's retry pause, not a wait for something to happen
            if (attempt > 1_000) {
                throw new AssertionError("sale " + key + " was never acknowledged");
            }
        }
    }

    private static BrigadeServer node(Database database, SecretBox key) throws Exception {
        return BrigadeServer.create(0, database, Clock.systemUTC(),
                new BrigadeServer.Options(true, key, true)).start();
    }

    /** Whether the read pool's server is a standby (replaying the primary's log). */
    private static boolean inRecovery(Database database) {
        return database.readLagging(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_is_in_recovery()");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private static long count(Connection c, String sql, String arg) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
