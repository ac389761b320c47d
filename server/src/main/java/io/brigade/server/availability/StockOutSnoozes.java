package io.brigade.server.availability;

import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.server.inventory.StockOut;
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
import java.util.Optional;

/**
 * A sold-out item is snoozed, so tills grey it out and marketplaces hear {@code menu.item.snoozed.v1};
 * a restock lifts the snoozes that the stock-out made (not one a manager set by hand).
 */
public final class StockOutSnoozes implements StockOut {
    /** The actor of snoozes made by stock running out. */
    public static final String ACTOR = "stock";

    private final SnoozeRepository snoozes;
    private final OrgRepository orgs;
    private final MenuService menus;
    private final WebhookOutbox outbox;
    private final Clock clock;

    public StockOutSnoozes(SnoozeRepository snoozes, OrgRepository orgs, MenuService menus, WebhookOutbox outbox,
                           Clock clock) {
        this.snoozes = snoozes;
        this.orgs = orgs;
        this.menus = menus;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void soldOut(Connection c, String orgId, String propertyId, String menuItemId) throws SQLException {
        Instant now = clock.instant();
        for (SalesChannel channel : orgs.channels(c, orgId, propertyId)) {
            Optional<SnoozeRepository.CurrentMenu> menu = menuWith(c, orgId, channel, menuItemId);
            if (menu.isEmpty() || snoozedNow(c, channel, menuItemId, now)) {
                continue;
            }
            snoozes.snooze(c, orgId, channel.salesChannelId(), menuItemId, null, ACTOR, now);
            event(c, orgId, channel, menu.get(), menuItemId, EventTypes.ITEM_SNOOZED, now);
        }
    }

    @Override
    public void restocked(Connection c, String orgId, String menuItemId) throws SQLException {
        Instant now = clock.instant();
        for (Property property : orgs.properties(c, orgId)) {
            for (SalesChannel channel : orgs.channels(c, orgId, property.propertyId())) {
                boolean byStock = snoozes.forChannel(c, channel.salesChannelId()).stream()
                        .anyMatch(s -> menuItemId.equals(s.menuItemId()) && ACTOR.equals(s.actor()));
                if (byStock && snoozes.unsnooze(c, channel.salesChannelId(), menuItemId)) {
                    Optional<SnoozeRepository.CurrentMenu> menu = menuWith(c, orgId, channel, menuItemId);
                    if (menu.isPresent()) {
                        event(c, orgId, channel, menu.get(), menuItemId, EventTypes.ITEM_UNSNOOZED, now);
                    }
                }
            }
        }
    }

    private Optional<SnoozeRepository.CurrentMenu> menuWith(Connection c, String orgId, SalesChannel channel,
                                                            String menuItemId) throws SQLException {
        Optional<SnoozeRepository.CurrentMenu> menu = snoozes.currentMenu(c, orgId, channel.salesChannelId());
        if (menu.isEmpty()) {
            return menu;
        }
        Optional<Catalog> catalog = menus.catalog(c, orgId, menu.get().menuId(), menu.get().revisionId());
        return catalog.isPresent() && catalog.get().item(menuItemId) != null ? menu : Optional.empty();
    }

    private boolean snoozedNow(Connection c, SalesChannel channel, String menuItemId, Instant now)
            throws SQLException {
        return snoozes.forChannel(c, channel.salesChannelId()).stream()
                .anyMatch(s -> menuItemId.equals(s.menuItemId()) && s.covers(now));
    }

    private void event(Connection c, String orgId, SalesChannel channel, SnoozeRepository.CurrentMenu menu,
                       String menuItemId, String type, Instant now) throws SQLException {
        outbox.append(c, orgId, Envelope.forChannel(type, orgId, channel).with("menuId", menu.menuId())
                .with("menuRevisionId", menu.revisionId()).with("menuItemId", menuItemId)
                .actor(ACTOR, null, ACTOR), now);
    }
}
