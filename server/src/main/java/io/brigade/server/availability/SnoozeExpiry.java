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
import java.util.function.Consumer;

/**
 * Ends timed snoozes when their expiry passes, firing {@code menu.item.unsnoozed.v1} or
 * {@code sales_channel.unsnoozed.v1} in the same transaction as the removal, so an integrator learns that the item
 * is back on sale. Selling already follows the expiry without this sweep (the snooze check compares times); the
 * sweep is for the events. It runs as recurring work of the job engine (one node at a time); even so the conditional
 * delete lets exactly one sweep win a snooze.
 */
public final class SnoozeExpiry {
    /** The actor of unsnoozes made by an expiry passing. */
    public static final String ACTOR = "system";
    /** How often the job engine runs the sweep. */
    public static final Duration EVERY = Duration.ofSeconds(5);
    private static final int BATCH = 200;

    private final Database database;
    private final SnoozeRepository snoozes;
    private final OrgRepository orgs;
    private final WebhookOutbox outbox;
    private final Clock clock;
    private final Consumer<String> afterCommit;

    /** {@code afterCommit} hears the org's id once a snooze's end has committed (the v1 cache, the dispatcher). */
    public SnoozeExpiry(Database database, SnoozeRepository snoozes, OrgRepository orgs, WebhookOutbox outbox,
                        Clock clock, Consumer<String> afterCommit) {
        this.database = database;
        this.snoozes = snoozes;
        this.orgs = orgs;
        this.outbox = outbox;
        this.clock = clock;
        this.afterCommit = afterCommit;
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
                    afterCommit.accept(e.orgId());
                }
            }
            if (due.size() < BATCH) {
                return ended;
            }
        }
    }
}
