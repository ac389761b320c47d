package io.brigade.server.billing;

import io.brigade.server.db.Database;
import io.brigade.server.org.Plan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies what is due at the end of an org's billing period: the pending plan takes over (a downgrade or
 * an upgrade), or the current plan renews; the period moves on a calendar month (UTC). Periods missed
 * while nothing ran are processed one by one. Each period end is logged under a primary key, in the
 * same transaction as the change, so running twice never applies it twice.
 */
public final class SubscriptionProcessor {
    private static final int MAX_PERIODS = 120;

    private final Database database;
    private final BillingRepository billing;
    private final Clock clock;

    public SubscriptionProcessor(Database database, BillingRepository billing, Clock clock) {
        this.database = database;
        this.billing = billing;
        this.clock = clock;
    }

    /** One applied change. */
    public record Change(Instant periodEnd, String kind, String oldPlan, String newPlan, Instant nextPeriodEnd) {
    }

    public List<Change> process(String orgId) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            List<Change> out = new ArrayList<>();
            BillingRepository.Billing b = billing.lock(c, orgId).orElse(null);
            int guard = 0;
            while (b != null && b.periodEnd() != null && !b.periodEnd().isAfter(now) && guard++ < MAX_PERIODS) {
                Plan next = b.pendingPlan() == null ? b.plan() : b.pendingPlan();
                String kind = next == b.plan() ? "renewal" : next.atLeast(b.plan()) ? "upgrade" : "downgrade";
                Instant nextEnd = b.periodEnd().atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
                billing.log(c, orgId, b.periodEnd(), b.plan(), next, kind, now);
                billing.apply(c, orgId, next, nextEnd);
                out.add(new Change(b.periodEnd(), kind, b.plan().wireName(), next.wireName(), nextEnd));
                b = new BillingRepository.Billing(next, nextEnd, null);
            }
            return out;
        });
    }
}
