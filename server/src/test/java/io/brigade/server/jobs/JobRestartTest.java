package io.brigade.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job survives the server going away mid-run: stopped at a progress point and resumed on the next
 * start, or (after a crash) run again once its node's heartbeat is stale. Either way it completes once.
 */
class JobRestartTest {

    /** Holds the first run of any job at 70% until the worker is interrupted by the server stopping. */
    private static final class HoldAt70 implements JobListener {
        final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch never = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        @Override
        public void progressed(String jobId, String type, int percent) throws InterruptedException {
            if (percent == 70 && first.compareAndSet(true, false)) {
                reached.countDown();
                never.await();
            }
        }
    }

    private static JobOptions options(JobListener listener) {
        return JobOptions.defaults().withTimings(Duration.ofMillis(200), Duration.ofSeconds(30), 4,
                Duration.ofMillis(500)).withListener(listener);
    }

    private record Started(String jobId, DemoBootstrap.Result ids) {
    }

    /** Starts a bulk update on a first server and stops that server while the job is held at 70%. */
    private static Started runUntilStoppedAt70(String url, String user) throws Exception {
        HoldAt70 hold = new HoldAt70();
        Database database = Database.open(url, user, null);
        BrigadeServer first = BrigadeServer.create(0, database, Clock.systemUTC(), options(hold)).start();
        try {
            DemoBootstrap.Result ids = new DemoBootstrap(database, Clock.systemUTC()).run("Restart Bistro");
            ApiClient api = new ApiClient(first.uri()).withToken(ids.clientId(), ids.clientSecret());
            ApiClient.Response r = Jobs.start(api, ids.orgId(), "bulk-meal-update", Map.of("menuId", ids.menuId(),
                    "changes", List.of(Map.of("menuItemId", ids.menuItemIds().get(0), "price", 9.99))));
            assertEquals(202, r.status(), r.body());
            String jobId = r.json().get("jobId").asText();
            assertTrue(hold.reached.await(60, TimeUnit.SECONDS), "the job reached 70%");
            // Progress is visible through the API while the job runs.
            JsonNode active = api.get(Jobs.path(ids.orgId()) + "/" + jobId).json();
            assertEquals("active", active.get("status").asText(), active.toString());
            assertEquals(70, active.get("progress").asInt());
            assertTrue(active.has("startedAt"));
            assertFalse(active.has("statusDetail"), "its node is alive");
            return new Started(jobId, ids);
        } finally {
            first.close();
        }
    }

    private static JsonNode completeOnANewServer(String url, String user, Started s) throws Exception {
        Database database = Database.open(url, user, null);
        try (BrigadeServer second = BrigadeServer.create(0, database, Clock.systemUTC(),
                options(JobListener.NONE)).start()) {
            ApiClient api = new ApiClient(second.uri()).withToken(s.ids().clientId(), s.ids().clientSecret());
            JsonNode done = Jobs.awaitFinished(api, s.ids().orgId(), s.jobId());
            assertEquals("completed", done.get("status").asText(), done.toString());
            assertEquals(2, done.get("attempts").asInt());
            assertEquals(2, done.get("result").get("revisionId").asInt());
            // Exactly one new revision: the rerun resumed from its checkpoint instead of making another.
            assertEquals(2, Jobs.count(database, "SELECT COUNT(*) FROM menu_revisions WHERE menu_id = ?",
                    s.ids().menuId()));
            // db-scheduler removes its row just after the job's handler has marked the job completed.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Jobs.count(database, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", s.jobId()) > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, Jobs.count(database, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?",
                    s.jobId()));
            // The first attempt is fenced out: it could not write to the job any more.
            boolean staleWrote = database.inTransaction(c -> new JobRepository().progress(c, s.jobId(), 1, 50, null,
                    Instant.now()));
            assertFalse(staleWrote);
            return done;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void jobStoppedByAServerStopResumesOnTheNextStartAndCompletesOnce(String db) throws Exception {
        String url = TestDatabases.freshUrl(db);
        String user = TestDatabases.user(db);
        Started s = runUntilStoppedAt70(url, user);
        Database between = Database.open(url, user, null);
        try {
            assertEquals(1, Jobs.count(between, "SELECT COUNT(*) FROM jobs WHERE job_id = ? AND status = 'waiting' "
                    + "AND progress = 70 AND checkpoint IS NOT NULL", s.jobId()), "put back in the queue");
            assertEquals(1, Jobs.count(between, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ? "
                    + "AND picked = FALSE", s.jobId()));
        } finally {
            between.close();
        }
        completeOnANewServer(url, user, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void jobOfANodeThatDiedIsRunAgainOnceItsHeartbeatIsStale(String db) throws Exception {
        String url = TestDatabases.freshUrl(db);
        String user = TestDatabases.user(db);
        Started s = runUntilStoppedAt70(url, user);
        // Leave the rows as a node killed with kill -9 leaves them: picked by it, heartbeat stopped, job active.
        Database crashed = Database.open(url, user, null);
        try {
            crashed.inTransaction(c -> {
                try (var ps = c.prepareStatement("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-node', "
                        + "last_heartbeat = ?, version = version + 1 WHERE task_instance = ?")) {
                    io.brigade.server.db.Sql.bind(ps, Instant.now().minus(Duration.ofHours(1)), s.jobId());
                    assertEquals(1, ps.executeUpdate());
                }
                try (var ps = c.prepareStatement("UPDATE jobs SET status = 'active' WHERE job_id = ?")) {
                    io.brigade.server.db.Sql.bind(ps, s.jobId());
                    assertEquals(1, ps.executeUpdate());
                }
                return null;
            });
        } finally {
            crashed.close();
        }
        completeOnANewServer(url, user, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void aJobWhoseNodeStoppedHeartbeatingIsShownAsNodeLostWithWhenItResumes(String db) throws Exception {
        String url = TestDatabases.freshUrl(db);
        String user = TestDatabases.user(db);
        Started s = runUntilStoppedAt70(url, user);
        Instant lastBeat = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Database database = Database.open(url, user, null);
        database.inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-node', "
                    + "last_heartbeat = ?, version = version + 1 WHERE task_instance = ?")) {
                io.brigade.server.db.Sql.bind(ps, lastBeat, s.jobId());
                assertEquals(1, ps.executeUpdate());
            }
            try (var ps = c.prepareStatement("UPDATE jobs SET status = 'active' WHERE job_id = ?")) {
                io.brigade.server.db.Sql.bind(ps, s.jobId());
                assertEquals(1, ps.executeUpdate());
            }
            return null;
        });
        // Beats every 10 s, dead after 12 missed: a minute without a beat is lost but not yet taken over.
        JobOptions slow = JobOptions.defaults().withTimings(Duration.ofMillis(200), Duration.ofSeconds(10), 12,
                Duration.ofMillis(500));
        try (BrigadeServer viewer = BrigadeServer.create(0, database, Clock.systemUTC(), slow).start()) {
            ApiClient api = new ApiClient(viewer.uri()).withToken(s.ids().clientId(), s.ids().clientSecret());
            JsonNode job = api.get(Jobs.path(s.ids().orgId()) + "/" + s.jobId()).json();
            assertEquals("active", job.get("status").asText(), job.toString());
            assertEquals(JobEngine.NODE_LOST, job.get("statusDetail").asText());
            assertEquals(lastBeat.plus(slow.resumeWithin()), Instant.parse(job.get("resumeBy").asText()));
        }
    }
}
