package io.brigade.server.kitchen;

import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The kitchen's tables: tickets, items marked done, and the event log with its per-org sequence. */
public final class KitchenRepository {

    /** A stored ticket: its kitchen state and the ticket JSON as it was created. */
    public record TicketRow(String saleId, String propertyId, String status, Instant createdAt, Instant bumpedAt,
                            String ticketJson) {
    }

    /**
     * The org's next event number. The UPDATE locks the org's sequence row until the transaction ends, so an
     * org's events commit in number order (a poller that sees n has seen everything below n).
     */
    public long nextSeq(Connection c, String orgId) throws SQLException {
        return reserveSeqs(c, orgId, 1);
    }

    /** Takes the org's next {@code count} event numbers at once, as {@link #nextSeq} does one; returns the last. */
    public long reserveSeqs(Connection c, String orgId, int count) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kitchen_sequences SET last_seq = last_seq + ? WHERE org_id = ?")) {
                Sql.bind(ps, count, orgId);
                if (ps.executeUpdate() == 1) {
                    return currentSeq(c, orgId, false);
                }
            }
            // The org's first event: insert its row; a concurrent first insert wins and we take the next numbers.
            Savepoint sp = c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO kitchen_sequences (org_id, last_seq) VALUES (?, ?)")) {
                Sql.bind(ps, orgId, count);
                ps.executeUpdate();
                c.releaseSavepoint(sp);
                return count;
            } catch (SQLException e) {
                c.rollback(sp);
                if (!"23505".equals(e.getSQLState()) || attempt > 2) {
                    throw e;
                }
            }
        }
    }

    /** The org's last event number (0 before its first); {@code lock} holds its row until the transaction ends. */
    public long currentSeq(Connection c, String orgId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM kitchen_sequences WHERE org_id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    public void appendEvent(Connection c, String orgId, long seq, String propertyId, String saleId, String type,
                            String payload, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kitchen_events (org_id, seq, property_id, sale_id,"
                + " type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Sql.bind(ps, orgId, seq, propertyId, saleId, type, payload, at);
            ps.executeUpdate();
        }
    }

    /** Whether the org's event {@code seq} is still kept (events are numbered without gaps, then purged by age). */
    public boolean hasEvent(Connection c, String orgId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM kitchen_events WHERE org_id = ? AND seq = ?")) {
            Sql.bind(ps, orgId, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Per org with events written before {@code cutoff}: the lowest and highest number among them. */
    public record OldEvents(String orgId, long firstSeq, long lastSeq) {
    }

    public List<OldEvents> eventsBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT org_id, MIN(seq), MAX(seq) FROM kitchen_events "
                + "WHERE created_at < ? GROUP BY org_id ORDER BY org_id")) {
            Sql.bind(ps, cutoff);
            List<OldEvents> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OldEvents(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return out;
        }
    }

    /** Deletes the org's events numbered up to {@code lastSeq}; returns how many. */
    public int deleteEventsUpTo(Connection c, String orgId, long lastSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM kitchen_events WHERE org_id = ? AND seq <= ?")) {
            Sql.bind(ps, orgId, lastSeq);
            return ps.executeUpdate();
        }
    }

    /** Up to {@code limit} events of the org after {@code afterSeq}, in order. */
    public List<KitchenEvent> eventsAfter(Connection c, String orgId, long afterSeq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, property_id, sale_id, type, payload FROM kitchen_events"
                + " WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT " + limit)) {
            Sql.bind(ps, orgId, afterSeq);
            List<KitchenEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KitchenEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return out;
        }
    }

    /** A new sale's ticket, with its JSON. */
    public record NewTicketRow(String orgId, KitchenTicket ticket, String json) {
    }

    /** Inserts tickets with one JDBC batch. */
    public void insertTickets(Connection c, List<NewTicketRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kitchen_tickets (sale_id, org_id, property_id,"
                + " status, created_at, bumped_at, ticket) VALUES (?, ?, ?, ?, ?, NULL, ?)")) {
            for (NewTicketRow row : rows) {
                KitchenTicket t = row.ticket();
                Sql.bind(ps, t.saleId(), row.orgId(), t.propertyId(), t.status(), t.createdAt(), row.json());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public Optional<TicketRow> findTicket(Connection c, String orgId, String saleId) throws SQLException {
        List<TicketRow> rows = tickets(c, "org_id = ? AND sale_id = ?", orgId, saleId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public void updateStatus(Connection c, String saleId, String status, Instant bumpedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE kitchen_tickets SET status = ?, bumped_at = ? WHERE sale_id = ?")) {
            Sql.bind(ps, status, bumpedAt, saleId);
            ps.executeUpdate();
        }
    }

    /**
     * Tickets still on the display: new and in preparation, and ready ones bumped at or after
     * {@code readySince}; oldest first.
     */
    public List<TicketRow> openTickets(Connection c, String orgId, String propertyId, Instant readySince)
            throws SQLException {
        return tickets(c, "org_id = ? AND property_id = ? AND (status IN ('SALE_CREATED', 'SALE_IN_PREPARATION')"
                + " OR (status = 'SALE_PREPARED_BY_KITCHEN' AND bumped_at >= ?)) ORDER BY created_at, sale_id",
                orgId, propertyId, readySince);
    }

    /** Tickets of the property bumped at or after {@code since} (for the day's average ticket time). */
    public List<TicketRow> bumpedSince(Connection c, String orgId, String propertyId, Instant since)
            throws SQLException {
        return tickets(c, "org_id = ? AND property_id = ? AND bumped_at >= ?", orgId, propertyId, since);
    }

    /** The ticket of the property bumped last that is still ready (not yet dispatched, delivered or recalled). */
    public Optional<TicketRow> lastBumpedReady(Connection c, String orgId, String propertyId) throws SQLException {
        List<TicketRow> rows = tickets(c, "org_id = ? AND property_id = ? AND status = 'SALE_PREPARED_BY_KITCHEN'"
                + " ORDER BY bumped_at DESC, sale_id DESC LIMIT 1", orgId, propertyId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<TicketRow> tickets(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sale_id, property_id, status, created_at, bumped_at,"
                + " ticket FROM kitchen_tickets WHERE " + where)) {
            Sql.bind(ps, params);
            List<TicketRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TicketRow(rs.getString("sale_id"), rs.getString("property_id"), rs.getString("status"),
                            Sql.instant(rs, "created_at"), Sql.instant(rs, "bumped_at"), rs.getString("ticket")));
                }
            }
            return out;
        }
    }

    /** Marks a line done or not; false when it already was. */
    public boolean setItemDone(Connection c, String saleId, int lineNo, boolean done, Instant at) throws SQLException {
        String sql = done
                ? "INSERT INTO kitchen_items_done (sale_id, line_no, done_at) SELECT ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM kitchen_items_done WHERE sale_id = ? AND line_no = ?)"
                : "DELETE FROM kitchen_items_done WHERE sale_id = ? AND line_no = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (done) {
                Sql.bind(ps, saleId, lineNo, at, saleId, lineNo);
            } else {
                Sql.bind(ps, saleId, lineNo);
            }
            return ps.executeUpdate() == 1;
        }
    }

    /** The lines marked done, per sale. */
    public Map<String, Set<Integer>> doneLines(Connection c, Collection<String> saleIds) throws SQLException {
        Map<String, Set<Integer>> out = new HashMap<>();
        if (saleIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT sale_id, line_no FROM kitchen_items_done "
                + "WHERE sale_id IN (" + Sql.marks(saleIds.size()) + ")")) {
            Sql.bind(ps, saleIds.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getInt(2));
                }
            }
        }
        return out;
    }
}
