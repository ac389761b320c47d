package io.brigade.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worker runs at most its configured number of jobs at once, and several nodes share one queue. */
class JobConcurrencyTest {

    private static JobOptions fast(int threads, JobListener listener) {
        return JobOptions.defaults().withThreads(threads).withTimings(Duration.ofMillis(200), Duration.ofSeconds(30),
                4, Duration.ofMillis(500)).withListener(listener);
    }

    @Test
    void aWorkerOfThreeRunsThreeJobsAtOnceAndTheRestWait() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        JobListener hold = (jobId, type, percent) -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            three.countDown();
            try {
                release.await();
            } finally {
                inside.decrementAndGet();
            }
        };
        Database database = Database.open(TestDatabases.freshUrl("h2"), null, null);
        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC(), fast(3, hold)).start()) {
            DemoBootstrap.Result ids = new DemoBootstrap(database, Clock.systemUTC()).run("Busy Bistro");
            ApiClient api = new ApiClient(server.uri()).withToken(ids.clientId(), ids.clientSecret());
            List<String> jobIds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                jobIds.add(Jobs.start(api, ids.orgId(), "product-sync-all", Map.of()).json().get("jobId").asText());
            }
            assertTrue(three.await(60, TimeUnit.SECONDS), "three jobs started");
            JsonNode active = api.get(Jobs.path(ids.orgId()) + "?status=active").json().get("data");
            JsonNode waiting = api.get(Jobs.path(ids.orgId()) + "?status=waiting").json().get("data");
            assertEquals(3, active.size(), active.toString());
            assertEquals(2, waiting.size(), waiting.toString());
            release.countDown();
            for (String jobId : jobIds) {
                assertEquals("completed", Jobs.awaitFinished(api, ids.orgId(), jobId).get("status").asText());
            }
            assertEquals(3, most.get(), "never more than three at once");
        }
    }

    @Test
    void twoNodesOnOnePostgresDatabaseRunEachJobExactlyOnce() throws Exception {
        String url = TestDatabases.freshUrl("postgres");
        Database a = Database.open(url, TestDatabases.user("postgres"), null);
        Database b = Database.open(url, TestDatabases.user("postgres"), null);
        try (BrigadeServer nodeA = BrigadeServer.create(0, a, Clock.systemUTC(), fast(3, JobListener.NONE)).start();
             BrigadeServer nodeB = BrigadeServer.create(0, b, Clock.systemUTC(), fast(3, JobListener.NONE)).start()) {
            DemoBootstrap.Result ids = new DemoBootstrap(a, Clock.systemUTC()).run("Chain Bistro");
            ApiClient apiA = new ApiClient(nodeA.uri()).withToken(ids.clientId(), ids.clientSecret());
            ApiClient apiB = new ApiClient(nodeB.uri()).withToken(ids.clientId(), ids.clientSecret());
            List<String> jobIds = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ApiClient api = i % 2 == 0 ? apiA : apiB;
                jobIds.add(Jobs.start(api, ids.orgId(), "product-sync-all", Map.of()).json().get("jobId").asText());
            }
            for (String jobId : jobIds) {
                JsonNode done = Jobs.awaitFinished(apiA, ids.orgId(), jobId);
                assertEquals("completed", done.get("status").asText());
                assertEquals(1, done.get("attempts").asInt(), "run once: " + done);
            }
            // Each job published once: 12 republications plus the bootstrap's first publication.
            assertEquals(13, Jobs.count(a, "SELECT COUNT(*) FROM menu_publications WHERE org_id = ?", ids.orgId()));
        }
    }
}
