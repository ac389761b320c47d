package io.brigade.server.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.jobs.JobOptions;
import io.brigade.server.org.Plan;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Billing periods end on their own: the server queues subscription-process for every due org. */
class SubscriptionRenewalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDuePeriodEndIsProcessedWithoutAnyoneStartingAJob(String db) throws Exception {
        Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null);
        // The org exists and its period ended before the server starts; the hourly sweep runs at start-up.
        DemoBootstrap.Result due = new DemoBootstrap(database, Clock.systemUTC()).run("Due Bistro");
        DemoBootstrap.Result notDue = new DemoBootstrap(database, Clock.systemUTC()).run("Paid-up Bistro");
        BillingRepository billing = new BillingRepository();
        database.inTransaction(c -> {
            billing.setPeriodEnd(c, due.orgId(), Instant.now().minus(Duration.ofDays(2)));
            billing.setPendingPlan(c, due.orgId(), Plan.PROFESSIONAL);
            billing.setPeriodEnd(c, notDue.orgId(), Instant.now().plus(Duration.ofDays(20)));
            return null;
        });
        JobOptions quick = JobOptions.defaults().withTimings(Duration.ofMillis(200), Duration.ofSeconds(30), 4,
                Duration.ofMillis(500));
        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC(), quick).start()) {
            ApiClient api = new ApiClient(server.uri()).withToken(due.clientId(), due.clientSecret());
            JsonNode job = null;
            for (int i = 0; i < 200; i++) {
                JsonNode list = api.get("/backoffice/v1/orgs/" + due.orgId() + "/jobs?type=subscription-process")
                        .json().get("data");
                if (list.size() > 0 && list.get(0).get("status").asText().equals("completed")) {
                    job = list.get(0);
                    break;
                }
                Thread.sleep(100); // polling for an outcome the scheduler produces on its own threads
            }
            assertTrue(job != null, "a subscription-process job ran for the due org");
            assertEquals("downgrade", job.get("result").get("changes").get(0).get("kind").asText(), job.toString());
            BillingRepository.Billing after = database.read(c -> billing.lock(c, due.orgId())).orElseThrow();
            assertEquals(Plan.PROFESSIONAL, after.plan());
            assertTrue(after.periodEnd().isAfter(Instant.now()), "the next period is in the future");

            ApiClient other = new ApiClient(server.uri()).withToken(notDue.clientId(), notDue.clientSecret());
            assertEquals(0, other.get("/backoffice/v1/orgs/" + notDue.orgId() + "/jobs?type=subscription-process")
                    .json().get("data").size(), "an org whose period has not ended gets no job");
        }
    }
}
