package io.brigade.server.availability;

import io.brigade.protocol.org.SalesChannel;
import io.brigade.server.db.Database;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.webhooks.Envelope;
import io.brigade.server.webhooks.EventTypes;
import io.brigade.server.webhooks.WebhookOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends timed snoozes when their expiry passes, firing {@code menu.item.unsnoozed.v1} or
 * {@code sales_channel.unsnoozed.v1} in the same transaction as the removal, so an integrator learns that the item
 * is back on sale. Selling already follows the expiry without this sweep (the snooze check compares times); the
 * sweep is for the events. Safe with several server nodes: the conditional delete lets exactly one of them win.
 */
public final class SnoozeExpiry implements AutoCloseable {
    /** The actor of unsnoozes made by an expiry passing. */
    public static final String ACTOR = "system";
    private static final Logger LOG = LoggerFactory.getLogger(SnoozeExpiry.class);
    private static final int BATCH = 200;

    private final Database database;
    private final SnoozeRepository snoozes;
    private final OrgRepository orgs;
    private final WebhookOutbox outbox;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public SnoozeExpiry(Database database, SnoozeRepository snoozes, OrgRepository orgs, WebhookOutbox outbox,
                        Clock clock) {
        this.database = database;
        this.snoozes = snoozes;
        this.orgs = orgs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Ends every snooze whose expiry has passed by the clock; returns how many this call ended. */
    public int sweep() {
        int ended = 0;
        while (true) {
            Instant now = clock.instant();
            List<SnoozeRepository.Expired> due = database.read(c -> snoozes.expired(c, now, BATCH));
            for (SnoozeRepository.Expired e : due) {
                if (database.inTransaction(c -> {
                    if (!snoozes.endExpired(c, e)) {
                        return false; // set again meanwhile, or another node ended it
                    }
                    Optional<SalesChannel> channel = orgs.findChannel(c, e.orgId(), e.salesChannelId());
                    if (channel.isPresent()) {
                        Envelope event;
                        if (e.menuItemId() == null) {
                            event = Envelope.forChannel(EventTypes.CHANNEL_UNSNOOZED, e.orgId(), channel.get());
                        } else {
                            event = Envelope.forChannel(EventTypes.ITEM_UNSNOOZED, e.orgId(), channel.get());
                            Optional<SnoozeRepository.CurrentMenu> menu =
                                    snoozes.currentMenu(c, e.orgId(), e.salesChannelId());
                            event.with("menuId", menu.map(SnoozeRepository.CurrentMenu::menuId).orElse(null))
                                    .with("menuRevisionId", menu.map(SnoozeRepository.CurrentMenu::revisionId)
                                            .orElse(null))
                                    .with("menuItemId", e.menuItemId());
                        }
                        // The event happened when the snooze ran out, not when this sweep noticed it.
                        outbox.append(c, e.orgId(), event.actor(ACTOR, null, "Brigade"), e.expiry());
                    }
                    return true;
                })) {
                    ended++;
                }
            }
            if (due.size() < BATCH) {
                return ended;
            }
        }
    }

    /** Sweeps every {@code every} on a daemon thread until closed. */
    public SnoozeExpiry start(Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "snooze-expiry");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("snooze expiry sweep failed; trying again at the next tick", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
