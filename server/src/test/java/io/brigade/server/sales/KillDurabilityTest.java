package io.brigade.server.sales;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sale answered 201 survives {@code kill -9} of the server process while 16 clients push; the sales whose
 * answers were lost are created exactly once when retried with their keys.
 */
class KillDurabilityTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final String TIME = "2026-05-06T12:00:00Z";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void acknowledgedSalesSurviveKillDashNine(String db) throws Exception {
        String url = TestDatabases.freshUrl(db);
        String user = TestDatabases.user(db);
        DemoBootstrap.Result ids;
        try (Database database = Database.open(url, user, null)) {
            ids = new DemoBootstrap(database, Clock.systemUTC()).run("Kill Bistro");
        }

        Process server = start(url, user);
        URI base = awaitUri(server);
        ApiClient api = new ApiClient(base).withToken(ids.clientId(), ids.clientSecret());
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> pushers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            Thread pusher = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String key = "kill-" + thread + "-" + i;
                    attempted.add(key);
                    try {
                        ApiClient.Response r = push(api, ids, key);
                        if (r.status() == 201) {
                            acknowledged.put(key, r.json().get("saleId").asText());
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
            pusher.start();
            pushers.add(pusher);
        }
        // Killed mid-stream: after 300 acknowledged sales, or what 20 s gave on a slow machine.
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 300);
        } catch (ConditionTimeoutException slow) {
            // kill anyway; the assertion below says whether enough was pushed
        }
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close
        server.waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        for (Thread pusher : pushers) {
            pusher.join(10_000);
        }
        assertTrue(acknowledged.size() >= 50, "pushed enough before the kill: " + acknowledged.size());

        Process restarted = start(url, user);
        try {
            ApiClient again = new ApiClient(awaitUri(restarted)).withToken(ids.clientId(), ids.clientSecret());
            for (Map.Entry<String, String> acked : acknowledged.entrySet()) {
                ApiClient.Response replay = push(again, ids, acked.getKey());
                assertEquals(201, replay.status(), replay.body());
                assertEquals(acked.getValue(), replay.json().get("saleId").asText(),
                        "acknowledged sale " + acked.getKey() + " is still there");
            }
            Map<String, String> retried = new HashMap<>();
            for (String key : attempted) {
                if (!acknowledged.containsKey(key)) {
                    ApiClient.Response r = push(again, ids, key);
                    assertEquals(201, r.status(), r.body());
                    retried.put(key, r.json().get("saleId").asText());
                }
            }
            ApiClient.Response list = again.get("/salesManagement/orgs/" + ids.orgId() + "/salesChannels/"
                    + ids.salesChannelId() + "/sales?fromDate=2026-05-06&toDate=2026-05-06");
            assertEquals(attempted.size(), list.json().get("data").size(),
                    "exactly one sale per key: " + acknowledged.size() + " acknowledged, " + retried.size()
                            + " retried");
        } finally {
            restarted.destroy();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(String url, String user) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.brigade.server.Main", "serve",
                "--port", "0", "--db", url));
        if (user != null) {
            command.addAll(List.of("--db-user", user));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static URI awaitUri(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling up
                        }
                    } catch (Exception ignored) {
                        // the process is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new IllegalStateException("server did not start:\n" + seen);
    }

    /** Every key pushes the same body, so that a retry is a true replay. */
    private static ApiClient.Response push(ApiClient api, DemoBootstrap.Result ids, String key) {
        return api.post("/salesManagement/orgs/" + ids.orgId() + "/sales", Sales.simple(ids, TIME, "3.00"),
                "x-idempotency-key", key);
    }
}
