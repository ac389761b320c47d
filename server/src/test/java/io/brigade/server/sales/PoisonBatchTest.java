package io.brigade.server.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.OneBatch;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One org pushing every value the database could refuse does not fail another org's sales that share its
 * batches, and none of its values reaches the server's log. The database here stores {@code source} in 20
 * characters instead of 100, so that besides the values validation refuses there is one it lets through and the
 * database refuses mid-batch, as an unforeseen refusal would be: that sale fails alone, with a 500.
 */
class PoisonBatchTest {
    private static final String TIME = "2026-03-04T12:00:00Z";
    private static final String MARK = "POISON";
    private static final int GOOD = 64;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anOrgPushingUnstorableValuesFailsNoneOfAnotherOrgsSales(String db) throws Exception {
        String url = TestDatabases.freshUrl(db);
        Database database = Database.open(url, TestDatabases.user(db), null);
        database.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE sales ALTER COLUMN source SET DATA TYPE VARCHAR(20)");
            }
            return null;
        });
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(new Tee(stderr, log), true, StandardCharsets.UTF_8));
        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC()).start()) {
            DemoBootstrap.Result bad = new DemoBootstrap(database, Clock.systemUTC()).run("Poison Bistro");
            DemoBootstrap.Result good = new DemoBootstrap(database, Clock.systemUTC()).run("Good Bistro");
            ApiClient poisoner = new ApiClient(server.uri()).withToken(bad.clientId(), bad.clientSecret());
            ApiClient honest = new ApiClient(server.uri()).withToken(good.clientId(), good.clientSecret());

            // One batch for sure: a good sale, the one the database refuses, another good sale.
            List<Future<ApiClient.Response>> batch = OneBatch.run(server.saleBatcher(), List.of(
                    () -> push(honest, good, Sales.simple(good, TIME, "2.50")),
                    () -> push(poisoner, bad, refusedByTheDatabase(bad)),
                    () -> push(honest, good, Sales.simple(good, TIME, "2.50"))));
            assertEquals(201, batch.get(0).get().status(), batch.get(0).get().body());
            assertEquals(500, batch.get(1).get().status(), batch.get(1).get().body());
            assertEquals(201, batch.get(2).get().status(), batch.get(2).get().body());

            // Then everything at once: every bad value, again and again, among the other org's sales.
            List<Map<String, Object>> poison = poison(bad);
            List<Callable<ApiClient.Response>> honestPushes = new ArrayList<>();
            List<Callable<ApiClient.Response>> poisonPushes = new ArrayList<>();
            for (int i = 0; i < GOOD; i++) {
                honestPushes.add(() -> push(honest, good, Sales.simple(good, TIME, "2.50")));
                Map<String, Object> sale = poison.get(i % poison.size());
                poisonPushes.add(() -> push(poisoner, bad, sale));
            }
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<ApiClient.Response>> honestAnswers = new ArrayList<>();
            List<Future<ApiClient.Response>> poisonAnswers = new ArrayList<>();
            try {
                for (int i = 0; i < GOOD; i++) {
                    honestAnswers.add(clients.submit(honestPushes.get(i)));
                    poisonAnswers.add(clients.submit(poisonPushes.get(i)));
                }
                for (Future<ApiClient.Response> answer : honestAnswers) {
                    assertEquals(201, answer.get().status(), answer.get().body());
                }
                for (Future<ApiClient.Response> answer : poisonAnswers) {
                    int status = answer.get().status();
                    assertTrue(status == 422 || status == 500, status + " " + answer.get().body());
                }
            } finally {
                clients.shutdown();
            }
            assertEquals(GOOD + 2, TestDatabases.queryLong(database, "SELECT COUNT(*) FROM sales WHERE org_id = ?",
                    good.orgId()));
            assertEquals(0, TestDatabases.queryLong(database, "SELECT COUNT(*) FROM sales WHERE org_id = ?",
                    bad.orgId()));
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("the sale could not be stored"), "the refused sale was logged:\n" + logged);
        assertFalse(logged.contains(MARK), "a rejected value reached the log:\n" + logged);
        assertFalse(h2TraceHolds(url), "a rejected value reached H2's trace file");
    }

    // Passes validation (100 characters allowed) but not this database's 20.
    private static Map<String, Object> refusedByTheDatabase(DemoBootstrap.Result ids) {
        Map<String, Object> sale = Sales.simple(ids, TIME, "2.50");
        sale.put("source", MARK + "-" + UUID.randomUUID());
        return sale;
    }

    /** A sale for each value validation refuses, every text one carrying the mark, and one the database refuses. */
    private static List<Map<String, Object>> poison(DemoBootstrap.Result ids) {
        List<Map<String, Object>> sales = new ArrayList<>();
        for (var field : StorableValuesTest.fields()) {
            Map<String, Object> sale = Sales.simple(ids, TIME, "2.50");
            String value = (MARK + "-").repeat(field.max() / 7 + 1);
            field.set().accept(sale, value.substring(0, Math.min(value.length(), field.max() + 1)));
            sales.add(sale);
        }
        StorableValuesTest.outOfRange().forEach(a -> {
            Map<String, Object> sale = Sales.simple(ids, TIME, "2.50");
            @SuppressWarnings("unchecked")
            var change = (java.util.function.BiConsumer<Map<String, Object>, String>) a.get()[1];
            change.accept(sale, ids.menuItemIds().get(8));
            sales.add(sale);
        });
        sales.add(refusedByTheDatabase(ids));
        return sales;
    }

    private static ApiClient.Response push(ApiClient api, DemoBootstrap.Result ids, Map<String, Object> sale) {
        return api.post("/salesManagement/orgs/" + ids.orgId() + "/sales", sale, "x-idempotency-key",
                UUID.randomUUID().toString());
    }

    private static boolean h2TraceHolds(String url) throws Exception {
        if (!url.startsWith("jdbc:h2:file:")) {
            return false;
        }
        Path dir = Path.of(url.substring("jdbc:h2:file:".length())).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".trace.db")).toList()) {
                if (Files.readString(p, StandardCharsets.ISO_8859_1).contains(MARK)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes to the real stderr and to the captured log. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
