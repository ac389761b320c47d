package io.brigade.server.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.org.Plan;
import io.brigade.server.support.TestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionProcessorTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void missedPeriodsAreProcessedOneByOneWithThePendingPlanTakingOverAtTheFirstEnd(String db) {
        Database database = TestServer.of(db).database();
        String org = new DemoBootstrap(database, Clock.systemUTC()).run("Billing Bistro").orgId();
        BillingRepository billing = new BillingRepository();
        database.inTransaction(c -> {
            billing.setPeriodEnd(c, org, Instant.parse("2026-01-31T00:00:00Z"));
            billing.setPendingPlan(c, org, Plan.FREE);
            return null;
        });
        Clock march15 = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);
        List<SubscriptionProcessor.Change> changes = new SubscriptionProcessor(database, billing, march15).process(org);
        assertEquals(List.of("downgrade", "renewal"), changes.stream().map(SubscriptionProcessor.Change::kind).toList());
        assertEquals(Instant.parse("2026-02-28T00:00:00Z"), changes.get(0).nextPeriodEnd());
        BillingRepository.Billing after = database.read(c -> billing.lock(c, org)).orElseThrow();
        assertEquals(Plan.FREE, after.plan());
        assertNull(after.pendingPlan());
        assertEquals(Instant.parse("2026-03-28T00:00:00Z"), after.periodEnd());
        // Before the next end nothing is due; at it, the plan renews.
        assertEquals(0, new SubscriptionProcessor(database, billing, march15).process(org).size());
        Clock april = Clock.fixed(Instant.parse("2026-03-28T00:00:00Z"), ZoneOffset.UTC);
        assertEquals("renewal", new SubscriptionProcessor(database, billing, april).process(org).get(0).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void anOrgWithoutABillingPeriodHasNothingDue(String db) {
        Database database = TestServer.of(db).database();
        String org = new DemoBootstrap(database, Clock.systemUTC()).run("Unbilled Bistro").orgId();
        assertEquals(0, new SubscriptionProcessor(database, new BillingRepository(), Clock.systemUTC())
                .process(org).size());
    }
}
