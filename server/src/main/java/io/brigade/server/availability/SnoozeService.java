package io.brigade.server.availability;

import io.brigade.protocol.availability.ChannelSnoozes;
import io.brigade.protocol.availability.PublishReport;
import io.brigade.protocol.availability.Snooze;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.server.db.Database;
import io.brigade.server.domain.Bounds;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.webhooks.Envelope;
import io.brigade.server.webhooks.EventTypes;
import io.brigade.server.webhooks.WebhookOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Snoozing items and whole sales channels (from the Operations Updates API, the back office and the till),
 * firing the snooze webhook events in the same transaction, and the marketplace's menu publish reports.
 */
public final class SnoozeService {
    private final Database database;
    private final SnoozeRepository snoozes;
    private final OrgRepository orgs;
    private final MenuService menus;
    private final WebhookOutbox outbox;
    private final Clock clock;
    private final Consumer<String> afterCommit;

    /** {@code afterCommit} hears the org's id once a change has committed (the v1 cache, the dispatcher). */
    public SnoozeService(Database database, SnoozeRepository snoozes, OrgRepository orgs, MenuService menus,
                         WebhookOutbox outbox, Clock clock, Consumer<String> afterCommit) {
        this.database = database;
        this.snoozes = snoozes;
        this.orgs = orgs;
        this.menus = menus;
        this.outbox = outbox;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** What the till needs to grey out: the channel's snoozes in force now. */
    public ChannelSnoozes state(String orgId, String propertyId, String channelId) {
        return database.read(c -> {
            channel(c, orgId, propertyId, channelId);
            Instant now = clock.instant();
            List<Snooze> active = snoozes.forChannel(c, channelId).stream().filter(s -> s.covers(now)).toList();
            Snooze store = active.stream().filter(s -> s.menuItemId() == null).findFirst().orElse(null);
            return new ChannelSnoozes(channelId, store != null, store,
                    active.stream().filter(s -> s.menuItemId() != null).toList());
        });
    }

    /**
     * Snoozes ({@code snooze} true) or unsnoozes one item. {@code menuId}/{@code revisionId} name the menu the
     * caller saw; when null, the channel's current publication is used.
     */
    public void item(String orgId, String propertyId, String channelId, String menuId, Long revisionId,
                     String itemId, boolean snooze, Instant expiry, String actor) {
        Instant now = clock.instant();
        checkExpiry(snooze, expiry, now);
        database.inTransaction(c -> {
            SalesChannel channel = channel(c, orgId, propertyId, channelId);
            String mId = menuId;
            Long rId = revisionId;
            if (mId == null || rId == null) {
                SnoozeRepository.CurrentMenu current = snoozes.currentMenu(c, orgId, channelId).orElseThrow(() ->
                        InvalidInputException.unprocessable("menuItemId",
                                "no menu is published to sales channel " + channelId));
                mId = current.menuId();
                rId = current.revisionId();
            }
            Optional<Catalog> catalog = menus.catalog(c, orgId, mId, rId);
            if (catalog.isEmpty()) {
                throw InvalidInputException.unprocessable("menuRevisionId",
                        "menu " + mId + " has no revision " + rId);
            }
            if (catalog.get().item(itemId) == null && catalog.get().modifierItem(itemId) == null) {
                throw InvalidInputException.unprocessable("menuItemId",
                        "no item " + itemId + " in revision " + rId + " of menu " + mId);
            }
            boolean changed;
            if (snooze) {
                snoozes.snooze(c, orgId, channelId, itemId, expiry, actor, now);
                changed = true;
            } else {
                changed = snoozes.unsnooze(c, channelId, itemId);
            }
            if (changed) {
                Envelope e = Envelope.forChannel(snooze ? EventTypes.ITEM_SNOOZED : EventTypes.ITEM_UNSNOOZED, orgId,
                                channel).with("menuId", mId).with("menuRevisionId", rId).with("menuItemId", itemId);
                if (snooze) {
                    e.with("expiry", expiry);
                }
                outbox.append(c, orgId, e.actor(actor, null, actor), now);
            }
            return null;
        });
        afterCommit.accept(orgId);
    }

    /** Snoozes or unsnoozes the whole sales channel (the store on this channel). */
    public void store(String orgId, String propertyId, String channelId, boolean snooze, Instant expiry,
                      String actor) {
        Instant now = clock.instant();
        checkExpiry(snooze, expiry, now);
        database.inTransaction(c -> {
            SalesChannel channel = channel(c, orgId, propertyId, channelId);
            boolean changed;
            if (snooze) {
                snoozes.snooze(c, orgId, channelId, null, expiry, actor, now);
                changed = true;
            } else {
                changed = snoozes.unsnooze(c, channelId, null);
            }
            if (changed) {
                Envelope e = Envelope.forChannel(snooze ? EventTypes.CHANNEL_SNOOZED : EventTypes.CHANNEL_UNSNOOZED,
                        orgId, channel);
                if (snooze) {
                    e.with("expiry", expiry);
                }
                outbox.append(c, orgId, e.actor(actor, null, actor), now);
            }
            return null;
        });
        afterCommit.accept(orgId);
    }

    /** Records a marketplace's publish report; a failure fires menu.validation.failed.v1. */
    public PublishReport publishReport(String orgId, String propertyId, String channelId, String menuPublishId,
                                             boolean success, String errorMessage, String actor) {
        Instant now = clock.instant();
        PublishReport report = database.inTransaction(c -> {
            SalesChannel channel = channel(c, orgId, propertyId, channelId);
            SnoozeRepository.PublicationRow p = snoozes.publication(c, orgId, menuPublishId)
                    .filter(row -> row.salesChannelId().equals(channelId))
                    .orElseThrow(() -> InvalidInputException.unprocessable(
                            "menuPublishId", "no publication " + menuPublishId + " to sales channel " + channelId));
            snoozes.reportPublish(c, orgId, menuPublishId, success, errorMessage, now);
            if (!success) {
                outbox.append(c, orgId, Envelope.forChannel(EventTypes.MENU_VALIDATION_FAILED, orgId, channel)
                        .with("menuId", p.menuId()).with("menuRevisionId", p.revisionId())
                        .with("menuPublishId", menuPublishId).with("errorMessage", errorMessage)
                        .actor(actor, null, actor), now);
            }
            return new PublishReport(menuPublishId, success, errorMessage, now);
        });
        afterCommit.accept(orgId);
        return report;
    }

    /** 404 unless the channel is the org's (and on {@code propertyId} when given). */
    public void requireChannel(String orgId, String propertyId, String channelId) {
        database.read(c -> channel(c, orgId, propertyId, channelId));
    }

    private static void checkExpiry(boolean snooze, Instant expiry, Instant now) {
        String refusal = snooze && expiry != null ? Bounds.ahead(expiry, now) : null;
        if (refusal != null) {
            new Validation().error("expiry", refusal).throwIfUnprocessable();
        }
    }

    private SalesChannel channel(Connection c, String orgId, String propertyId, String channelId) throws SQLException {
        return orgs.findChannel(c, orgId, channelId)
                .filter(ch -> propertyId == null || ch.propertyId().equals(propertyId))
                .orElseThrow(() -> new NotFoundException("sales channel " + channelId
                        + (propertyId == null ? "" : " on property " + propertyId)));
    }
}
