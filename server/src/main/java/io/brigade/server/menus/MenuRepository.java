package io.brigade.server.menus;

import io.brigade.protocol.menus.MenuHeader;
import io.brigade.protocol.menus.Publication;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Menus, their immutable revisions (stored as JSON snapshots) and publications to channels. */
public final class MenuRepository {

    /** A stored revision: its snapshot and when it was made. */
    public record RevisionRow(String menuId, long revisionId, MenuSnapshot snapshot, Instant createdAt) {
    }

    /**
     * What a publish or a webhook needs to know of a revision without opening its snapshot; {@code name} and
     * {@code currency} are null for revisions stored before they were kept apart.
     */
    public record RevisionHeader(String menuId, long revisionId, Instant createdAt, String name, String currency) {
    }

    public void insertMenu(Connection c, String menuId, String orgId, String name, String currency, String draft,
                           Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO menus (menu_id, org_id, name, currency, draft, "
                + "latest_revision, created_at, updated_at) VALUES (?,?,?,?,?,0,?,?)")) {
            Sql.bind(ps, menuId, orgId, name, currency, draft, now, now);
            ps.executeUpdate();
        }
    }

    /** Locks the menu row and returns its latest revision number, so revisions are numbered without gaps. */
    public Optional<Long> lockLatestRevision(Connection c, String orgId, String menuId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT latest_revision FROM menus WHERE org_id = ? AND menu_id = ? FOR UPDATE")) {
            Sql.bind(ps, orgId, menuId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Stores a revision's compressed snapshot and makes it the menu's latest. The menu row's draft is cleared:
     * the latest revision is what a revision without a body copies, so the menu is not stored twice.
     */
    public void insertRevision(Connection c, String orgId, String menuId, long revisionId, String name,
                               String currency, byte[] snapshot, int itemCount, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO menu_revisions (menu_id, revision_id, org_id, "
                + "snapshot, name, currency, item_count, created_at) VALUES (?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, menuId, revisionId, orgId, snapshot, name, currency, itemCount, now);
            ps.executeUpdate();
        }
        latest(c, menuId, revisionId, name, currency, now);
    }

    /** Stores revision {@code revisionId} as a copy of {@code fromRevisionId}, inside the database. */
    public void copyRevision(Connection c, String menuId, long fromRevisionId, long revisionId, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO menu_revisions (menu_id, revision_id, org_id, "
                + "content, snapshot, name, currency, item_count, created_at) SELECT menu_id, ?, org_id, content, "
                + "snapshot, name, currency, item_count, ? FROM menu_revisions WHERE menu_id = ? AND revision_id = ?")) {
            Sql.bind(ps, revisionId, now, menuId, fromRevisionId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE menus SET latest_revision = ?, draft = NULL, "
                + "updated_at = ? WHERE menu_id = ?")) {
            Sql.bind(ps, revisionId, now, menuId);
            ps.executeUpdate();
        }
    }

    private void latest(Connection c, String menuId, long revisionId, String name, String currency, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE menus SET latest_revision = ?, name = ?, currency = ?, "
                + "draft = NULL, updated_at = ? WHERE menu_id = ?")) {
            Sql.bind(ps, revisionId, name, currency, now, menuId);
            ps.executeUpdate();
        }
    }

    public Optional<RevisionRow> findRevision(Connection c, String orgId, String menuId, long revisionId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_id, revision_id, snapshot, content, created_at "
                + "FROM menu_revisions WHERE org_id = ? AND menu_id = ? AND revision_id = ?")) {
            Sql.bind(ps, orgId, menuId, revisionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RevisionRow(rs.getString(1), rs.getLong(2),
                        MenuSnapshot.of(rs.getBytes(3), rs.getString(4)), Sql.instant(rs, "created_at")))
                        : Optional.empty();
            }
        }
    }

    /** A revision's snapshot by menu id (unique across orgs), for the webhook dispatcher. */
    public Optional<MenuSnapshot> findSnapshot(Connection c, String menuId, long revisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT snapshot, content FROM menu_revisions "
                + "WHERE menu_id = ? AND revision_id = ?")) {
            Sql.bind(ps, menuId, revisionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(MenuSnapshot.of(rs.getBytes(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    public Optional<RevisionHeader> findRevisionHeader(Connection c, String orgId, String menuId, long revisionId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_id, revision_id, created_at, name, currency "
                + "FROM menu_revisions WHERE org_id = ? AND menu_id = ? AND revision_id = ?")) {
            Sql.bind(ps, orgId, menuId, revisionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RevisionHeader(rs.getString(1), rs.getLong(2),
                        Sql.instant(rs, "created_at"), rs.getString(4), rs.getString(5))) : Optional.empty();
            }
        }
    }

    public void insertPublication(Connection c, String orgId, Publication p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO menu_publications (menu_publish_id, org_id, "
                + "menu_id, revision_id, sales_channel_id, published_at) VALUES (?,?,?,?,?,?)")) {
            Sql.bind(ps, p.menuPublishId(), orgId, p.menuId(), p.menuRevisionId(), p.salesChannelId(),
                    p.publishedAt());
            ps.executeUpdate();
        }
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE channel_menus SET menu_id = ?, revision_id = ?, "
                + "menu_publish_id = ?, published_at = ? WHERE sales_channel_id = ?")) {
            Sql.bind(ps, p.menuId(), p.menuRevisionId(), p.menuPublishId(), p.publishedAt(), p.salesChannelId());
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_menus (sales_channel_id, org_id, "
                    + "menu_id, revision_id, menu_publish_id, published_at) VALUES (?,?,?,?,?,?)")) {
                Sql.bind(ps, p.salesChannelId(), orgId, p.menuId(), p.menuRevisionId(), p.menuPublishId(),
                        p.publishedAt());
                ps.executeUpdate();
            }
        }
    }

    /** True when some revision of the menu has ever been published to the channel. */
    public boolean wasPublishedTo(Connection c, String menuId, String salesChannelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM menu_publications WHERE sales_channel_id = ? AND menu_id = ?")) {
            Sql.bind(ps, salesChannelId, menuId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public List<MenuHeader> headers(Connection c, String orgId) throws SQLException {
        List<MenuHeader> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.menu_id, m.name, m.currency, m.latest_revision, "
                + "m.updated_at, cm.sales_channel_id, cm.revision_id, cm.published_at FROM menus m "
                + "LEFT JOIN channel_menus cm ON cm.menu_id = m.menu_id "
                + "WHERE m.org_id = ? ORDER BY m.created_at, m.menu_id, cm.published_at DESC, cm.sales_channel_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                MenuHeader current = null;
                List<String> channels = null;
                while (rs.next()) {
                    String menuId = rs.getString("menu_id");
                    if (current == null || !current.menuId().equals(menuId)) {
                        channels = new ArrayList<>();
                        long latest = rs.getLong("latest_revision");
                        long published = rs.getLong("revision_id");
                        boolean hasPublication = !rs.wasNull();
                        current = new MenuHeader(menuId, rs.getString("name"), rs.getString("currency"),
                                latest == 0 ? null : latest, hasPublication ? published : null, channels,
                                Sql.instant(rs, "updated_at"));
                        out.add(current);
                    }
                    String channel = rs.getString("sales_channel_id");
                    if (channel != null) {
                        channels.add(channel);
                    }
                }
            }
        }
        return out;
    }

    /** The most recently published revision of a menu still current on some channel. */
    public Optional<Long> currentRevision(Connection c, String orgId, String menuId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision_id FROM channel_menus WHERE org_id = ? "
                + "AND menu_id = ? ORDER BY published_at DESC, revision_id DESC")) {
            Sql.bind(ps, orgId, menuId);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public boolean menuExists(Connection c, String orgId, String menuId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM menus WHERE org_id = ? AND menu_id = ?")) {
            Sql.bind(ps, orgId, menuId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Optional<String> draft(Connection c, String orgId, String menuId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT draft FROM menus WHERE org_id = ? AND menu_id = ?")) {
            Sql.bind(ps, orgId, menuId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
    /** Every revision of the org's menus (number and time, no content), oldest first. */
    public List<RevisionSummaryRow> revisionSummaries(Connection c, String orgId) throws SQLException {
        List<RevisionSummaryRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_id, revision_id, created_at FROM menu_revisions "
                + "WHERE org_id = ? ORDER BY menu_id, revision_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RevisionSummaryRow(rs.getString(1), rs.getLong(2), Sql.instant(rs, "created_at")));
                }
            }
        }
        return out;
    }

    /** A revision's number and time, with the menu it belongs to. */
    public record RevisionSummaryRow(String menuId, long revisionId, Instant createdAt) {
    }

    /** What each of the org's channels sells from now (its latest publication). */
    public List<Publication> currentPublications(Connection c, String orgId) throws SQLException {
        List<Publication> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_publish_id, menu_id, revision_id, "
                + "sales_channel_id, published_at FROM channel_menus WHERE org_id = ? "
                + "ORDER BY sales_channel_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Publication(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            Sql.instant(rs, "published_at")));
                }
            }
        }
        return out;
    }
}
