package io.brigade.server.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * H2 keeps recent commits in memory; the commit journal redoes the acknowledged sales it had not stored
 * when it died. The crash here is H2's own {@code SHUTDOWN IMMEDIATELY} (close without storing), with
 * H2's background store and the journal's checkpoint pushed out of the way, so every sale is lost by H2
 * and must come back from the journal. {@code KillDurabilityTest} does the same with {@code kill -9}.
 */
class JournalRecoveryTest {
    private static final String TIME = "2026-02-03T12:00:00Z";
    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void acknowledgedSalesH2HadNotStoredAreRedoneOnceAtTheNextStart() throws Exception {
        String url = TestDatabases.freshUrl("h2") + ";WRITE_DELAY=3600000";
        Database first = Database.open(url, null, null, NEVER);
        BrigadeServer server = BrigadeServer.create(0, first, Clock.systemUTC()).start();
        DemoBootstrap.Result ids = new DemoBootstrap(first, Clock.systemUTC()).run("Journal Bistro");
        ApiClient api = new ApiClient(server.uri()).withToken(ids.clientId(), ids.clientSecret());

        // Four clients, so that batches hold several sales.
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> saleIds = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ApiClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = "journal-" + i;
                sent.add(pool.submit(() -> push(api, ids, key)));
            }
            for (int i = 0; i < sent.size(); i++) {
                ApiClient.Response r = sent.get(i).get();
                assertEquals(201, r.status(), r.body());
                answers.put("journal-" + i, r.body());
                saleIds.add(r.json().get("saleId").asText());
            }
        } finally {
            pool.shutdown();
        }

        Map<String, String> details = new LinkedHashMap<>();
        for (String saleId : saleIds) {
            details.put(saleId, detail(api, ids, saleId));
        }

        crash(first, server);
        Path journal = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".journal");
        assertTrue(segments(journal) > 0, "the journal outlives the crash");

        Database reopened = Database.open(url, null, null, NEVER);
        assertEquals(0, count(reopened, "SELECT COUNT(*) FROM sales WHERE org_id = ?", ids.orgId()),
                "H2 lost every sale it had not stored: the journal is what brings them back");
        reopened.close();

        Database second = Database.open(url, null, null, NEVER);
        try (BrigadeServer restarted = BrigadeServer.create(0, second, Clock.systemUTC()).start()) {
            ApiClient again = new ApiClient(restarted.uri()).withToken(ids.clientId(), ids.clientSecret());
            assertEquals(40, count(second, "SELECT COUNT(*) FROM sales WHERE org_id = ?", ids.orgId()));
            assertEquals(40, count(second, "SELECT COUNT(*) FROM kitchen_tickets WHERE org_id = ?", ids.orgId()),
                    "what observes a sale is redone with it");
            assertEquals(40, count(second, "SELECT COALESCE(SUM(orders), 0) FROM analytics_sales_day "
                    + "WHERE org_id = ?", ids.orgId()), "the analytics rollups count each sale once");
            for (Map.Entry<String, String> answer : answers.entrySet()) {
                ApiClient.Response replay = push(again, ids, answer.getKey());
                assertEquals(201, replay.status(), replay.body());
                assertEquals(answer.getValue(), replay.body(), "the same sale, same id and times, byte for byte");
            }
            for (Map.Entry<String, String> before : details.entrySet()) {
                assertEquals(before.getValue(), detail(again, ids, before.getKey()),
                        "the redone sale reads as it did before the crash");
            }
            assertEquals(201, push(again, ids, "journal-after").status());
            assertEquals(41, count(second, "SELECT COUNT(*) FROM sales WHERE org_id = ?", ids.orgId()));
        }
        assertEquals(0, segments(journal), "a clean stop stores everything and empties the journal");

        Database third = Database.open(url, null, null, NEVER);
        try (BrigadeServer again = BrigadeServer.create(0, third, Clock.systemUTC()).start()) {
            assertEquals(41, count(third, "SELECT COUNT(*) FROM sales WHERE org_id = ?", ids.orgId()),
                    "nothing is redone twice");
        }
    }

    private static ApiClient.Response push(ApiClient api, DemoBootstrap.Result ids, String key) {
        return api.post("/salesManagement/orgs/" + ids.orgId() + "/sales", Sales.simple(ids, TIME, "3.00"),
                "x-idempotency-key", key);
    }

    private static String detail(ApiClient api, DemoBootstrap.Result ids, String saleId) {
        ApiClient.Response r = api.get("/salesManagement/orgs/" + ids.orgId() + "/salesChannels/"
                + ids.salesChannelId() + "/sales/" + saleId);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    // H2 closes its file without storing what is only in memory, as if the process had died.
    private static void crash(Database database, BrigadeServer server) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN IMMEDIATELY");
        } catch (java.sql.SQLException expected) {
            // the connection goes with the database
        }
        try {
            server.close();
        } catch (Exception expected) {
            // the database is gone under it
        }
    }

    private static long segments(Path journal) throws IOException {
        if (!Files.isDirectory(journal)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(journal)) {
            return files.filter(p -> p.toString().endsWith(".journal") && sizeOf(p) > 0).count();
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long count(Database database, String sql, String orgId) {
        return TestDatabases.queryLong(database, sql, orgId);
    }
}
