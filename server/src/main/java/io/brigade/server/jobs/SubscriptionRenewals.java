package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.brigade.protocol.jobs.JobRequest;
import io.brigade.server.billing.BillingRepository;
import io.brigade.server.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The billing clock: one {@code subscription-process} job for each org whose period has ended, so renewals
 * and period-end plan changes happen without anyone starting them, and each shows in the org's job list.
 */
public final class SubscriptionRenewals {
    static final String TYPE = "subscription-process";
    private final Database database;
    private final BillingRepository billing;
    private final JobRepository jobs;
    private final JobEngine engine;
    private final Clock clock;

    public SubscriptionRenewals(Database database, BillingRepository billing, JobRepository jobs, JobEngine engine,
                                Clock clock) {
        this.database = database;
        this.billing = billing;
        this.jobs = jobs;
        this.engine = engine;
        this.clock = clock;
    }

    /** Queues a job for each due org that has none waiting or running; answers how many were queued. */
    public int submitDue() {
        List<String> due = database.read(c -> billing.dueOrgs(c, clock.instant()));
        if (due.isEmpty()) {
            return 0;
        }
        Set<String> queued = database.read(jobs::unfinished).stream().filter(j -> TYPE.equals(j.type()))
                .map(JobRepository.JobRow::orgId).collect(Collectors.toSet());
        int submitted = 0;
        for (String orgId : due) {
            if (!queued.contains(orgId)) {
                engine.submit(orgId, new JobRequest(TYPE, JsonNodeFactory.instance.objectNode(), null));
                submitted++;
            }
        }
        return submitted;
    }
}
