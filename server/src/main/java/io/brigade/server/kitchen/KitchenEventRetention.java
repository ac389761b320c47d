package io.brigade.server.kitchen;

import io.brigade.server.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes kitchen events older than a week. Events only let a display that lost its stream catch up; one
 * that comes back after its events are gone is sent a fresh snapshot instead ({@link KitchenRoutes}).
 */
public final class KitchenEventRetention {
    /** How long events are kept. */
    public static final Duration KEEP = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(KitchenEventRetention.class);

    private final Database database;
    private final KitchenRepository kitchen;
    private final Clock clock;
    private final int chunk;

    public KitchenEventRetention(Database database, KitchenRepository kitchen, Clock clock) {
        this(database, kitchen, clock, 10_000);
    }

    /** {@code chunk}: at most this many event numbers per delete transaction. */
    KitchenEventRetention(Database database, KitchenRepository kitchen, Clock clock, int chunk) {
        this.database = database;
        this.kitchen = kitchen;
        this.clock = clock;
        this.chunk = chunk;
    }

    /**
     * Deletes, per org, every event up to the newest one older than {@link #KEEP}; returns how many. Always a
     * prefix of the org's numbers, so that an event still kept means every later one is kept too (what a
     * resume relies on), and in transactions of at most {@code chunk} numbers, so that a long backlog does
     * not become one huge transaction.
     */
    public int purge() {
        Instant cutoff = clock.instant().minus(KEEP);
        int deleted = 0;
        for (KitchenRepository.OldEvents old : database.read(c -> kitchen.eventsBefore(c, cutoff))) {
            for (long upTo = old.firstSeq() - 1; upTo < old.lastSeq(); ) {
                long next = Math.min(old.lastSeq(), upTo + chunk);
                deleted += database.inTransaction(c -> kitchen.deleteEventsUpTo(c, old.orgId(), next));
                upTo = next;
            }
        }
        if (deleted > 0) {
            LOG.info("kitchen events: {} older than {} days deleted", deleted, KEEP.toDays());
        }
        return deleted;
    }
}
