package io.brigade.server.kitchen;

import io.brigade.server.db.Database;
import java.time.Clock;
import java.time.Duration;
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

    public KitchenEventRetention(Database database, KitchenRepository kitchen, Clock clock) {
        this.database = database;
        this.kitchen = kitchen;
        this.clock = clock;
    }

    /** Deletes the events older than {@link #KEEP}; returns how many. */
    public int purge() {
        int deleted = database.inTransaction(c -> kitchen.deleteEventsBefore(c, clock.instant().minus(KEEP)));
        if (deleted > 0) {
            LOG.info("kitchen events: {} older than {} days deleted", deleted, KEEP.toDays());
        }
        return deleted;
    }
}
