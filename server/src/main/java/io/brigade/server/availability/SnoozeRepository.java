package io.brigade.server.availability;

import io.brigade.protocol.availability.Snooze;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is snoozed now, per sales channel: items, or the whole channel (stored as item {@code *}). Other
 * features (stock running out) snooze through {@link #snooze} too; the webhook events are the caller's.
 */
public final class SnoozeRepository {
    static final String WHOLE_CHANNEL = "*";

    private final java.time.Clock clock;

    public SnoozeRepository(java.time.Clock clock) {
        this.clock = clock;
    }

    /** The channel's current publication: (menuId, revisionId, menuPublishId). */
    public record CurrentMenu(String menuId, long revisionId, String menuPublishId) {
    }

    /** A publication of the org with its channel (for menu-publish-status). */
    public record PublicationRow(String menuPublishId, String menuId, long revisionId, String salesChannelId) {
    }

    /** Snoozes an item ({@code itemId}) or the whole channel (null) until {@code until} (null: until unsnoozed). */
    public void snooze(Connection c, String orgId, String channelId, String itemId, Instant until, String actor,
                       Instant now) throws SQLException {
        unsnooze(c, channelId, itemId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO snoozes (sales_channel_id, menu_item_id, org_id, "
                + "snoozed_at, expires_at, actor) VALUES (?,?,?,?,?,?)")) {
            Sql.bind(ps, channelId, key(itemId), orgId, now, until, actor);
            ps.executeUpdate();
        }
    }

    /** Snoozes from now (the repository's clock): the entry point for other features such as stock. */
    public void snooze(Connection c, String orgId, String channelId, String itemId, Instant until, String actor)
            throws SQLException {
        snooze(c, orgId, channelId, itemId, until, actor, clock.instant());
    }

    /** Removes the snooze; true when there was one. */
    public boolean unsnooze(Connection c, String channelId, String itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM snoozes WHERE sales_channel_id = ? AND menu_item_id = ?")) {
            Sql.bind(ps, channelId, key(itemId));
            return ps.executeUpdate() > 0;
        }
    }

    /** Every snooze row of the channel, expired or not (the caller decides against its own time). */
    public List<Snooze> forChannel(Connection c, String channelId) throws SQLException {
        return forChannels(c, List.of(channelId)).getOrDefault(channelId, List.of());
    }

    /** {@link #forChannel} for several channels in one query; a channel without snoozes has no entry. */
    public Map<String, List<Snooze>> forChannels(Connection c, Collection<String> channelIds) throws SQLException {
        Map<String, List<Snooze>> out = new HashMap<>();
        if (channelIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT sales_channel_id, menu_item_id, snoozed_at, "
                + "expires_at, actor FROM snoozes WHERE sales_channel_id IN (" + Sql.marks(channelIds.size())
                + ") ORDER BY sales_channel_id, menu_item_id")) {
            Sql.bind(ps, channelIds.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channelId = rs.getString(1);
                    String item = rs.getString(2);
                    out.computeIfAbsent(channelId, k -> new ArrayList<>()).add(new Snooze(channelId,
                            WHOLE_CHANNEL.equals(item) ? null : item, Sql.instant(rs, "snoozed_at"),
                            Sql.instant(rs, "expires_at"), rs.getString(5)));
                }
            }
        }
        return out;
    }

    public Optional<CurrentMenu> currentMenu(Connection c, String orgId, String channelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_id, revision_id, menu_publish_id FROM channel_menus "
                + "WHERE org_id = ? AND sales_channel_id = ?")) {
            Sql.bind(ps, orgId, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CurrentMenu(rs.getString(1), rs.getLong(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    public Optional<PublicationRow> publication(Connection c, String orgId, String menuPublishId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_publish_id, menu_id, revision_id, sales_channel_id "
                + "FROM menu_publications WHERE org_id = ? AND menu_publish_id = ?")) {
            Sql.bind(ps, orgId, menuPublishId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PublicationRow(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    /** Records (or replaces) what the marketplace reported for a publication. */
    public void reportPublish(Connection c, String orgId, String menuPublishId, boolean success, String error,
                              Instant now) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM menu_publish_reports WHERE menu_publish_id = ?");
             PreparedStatement ps = c.prepareStatement("INSERT INTO menu_publish_reports (menu_publish_id, org_id, "
                     + "success, error_message, reported_at) VALUES (?,?,?,?,?)")) {
            Sql.bind(del, menuPublishId);
            del.executeUpdate();
            Sql.bind(ps, menuPublishId, orgId, success, error, now);
            ps.executeUpdate();
        }
    }

    private static String key(String itemId) {
        return itemId == null ? WHOLE_CHANNEL : itemId;
    }
    /** A snooze whose expiry has passed, still stored: {@link SnoozeExpiry} ends it and tells subscribers. */
    public record Expired(String orgId, String salesChannelId, String menuItemId, Instant expiry) {
    }

    /** Up to {@code limit} stored snoozes whose expiry is at or before {@code now}, oldest expiry first. */
    public List<Expired> expired(Connection c, Instant now, int limit) throws SQLException {
        List<Expired> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT org_id, sales_channel_id, menu_item_id, expires_at "
                + "FROM snoozes WHERE expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at")) {
            Sql.bind(ps, now);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String item = rs.getString(3);
                    out.add(new Expired(rs.getString(1), rs.getString(2), WHOLE_CHANNEL.equals(item) ? null : item,
                            Sql.instant(rs, "expires_at")));
                }
            }
        }
        return out;
    }

    /**
     * Removes the expired snooze only if it is still the one that expired (same expiry): a snooze set again
     * meanwhile stays, and of two nodes sweeping at once only one removes it (true for that one).
     */
    public boolean endExpired(Connection c, Expired e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM snoozes WHERE sales_channel_id = ? "
                + "AND menu_item_id = ? AND expires_at = ?")) {
            Sql.bind(ps, e.salesChannelId(), key(e.menuItemId()), e.expiry());
            return ps.executeUpdate() > 0;
        }
    }

}
