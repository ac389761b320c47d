package io.brigade.server.kitchen;

import io.brigade.protocol.kitchen.KitchenEvent;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kitchen's tables: tickets (one per fired round) with each station's progress and marks on single lines, the
 * check lines already sent and the operations already applied, and the event log with its per-org sequence.
 */
public final class KitchenRepository {

    /** A stored ticket: its state and the ticket JSON as it was made (lines routed, nothing marked). */
    public record TicketRow(String ticketId, String propertyId, String saleId, String checkId, String status,
                            Instant orderedAt, Instant createdAt, Instant readyAt, Instant servedAt, String ticketJson) {
    }

    /** A station's part of a ticket: when it was started and bumped there. */
    public record Progress(Instant startedAt, Instant bumpedAt) {
    }

    /** Marks on one line: done at its station, and how many were voided after sending. */
    public record LineMark(Instant doneAt, int voidedQuantity, String voidReason) {
    }

    /** A fire or void applied before, under its operation id. */
    public record Operation(String kind, String requestHash, String ticketId) {
    }

    /** One station's bump: the ticket's order time and the bump time (prep time is the difference). */
    public record Bump(String stationId, Instant orderedAt, Instant bumpedAt) {
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
        // One statement that moves the number and reads it back: the sale batcher pays a round trip per statement.
        String update = "UPDATE kitchen_sequences SET last_seq = last_seq + ? WHERE org_id = ?";
        String takeNumbers = Sql.isPostgres(c) ? update + " RETURNING last_seq"
                : "SELECT last_seq FROM FINAL TABLE (" + update + ")";
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(takeNumbers)) {
                Sql.bind(ps, count, orgId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
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

    public void appendEvent(Connection c, String orgId, long seq, String propertyId, String ticketId, String type,
                            String payload, Instant at) throws SQLException {
        appendEvents(c, List.of(new NewEvent(orgId, seq, propertyId, ticketId, type, payload, at)));
    }

    /** An event to append with {@link #appendEvents}. */
    public record NewEvent(String orgId, long seq, String propertyId, String ticketId, String type, String payload,
                           Instant at) {
    }

    /** Appends {@code events} in one JDBC batch (one round trip on PostgreSQL, not one per event). */
    public void appendEvents(Connection c, List<NewEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kitchen_events (org_id, seq, property_id,"
                + " ticket_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (NewEvent e : events) {
                Sql.bind(ps, e.orgId(), e.seq(), e.propertyId(), e.ticketId(), e.type(), e.payload(), e.at());
                ps.addBatch();
            }
            ps.executeBatch();
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
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, property_id, ticket_id, type, payload FROM kitchen_events"
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

    /** A new ticket with its JSON. */
    public record NewTicketRow(String orgId, String ticketId, String propertyId, String saleId, String checkId,
                               Instant orderedAt, Instant createdAt, String json) {
    }

    /** Inserts new tickets with one JDBC batch. */
    public void insertTickets(Connection c, List<NewTicketRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kitchen_tickets (ticket_id, org_id, property_id,"
                + " sale_id, check_id, status, ordered_at, created_at, ready_at, served_at, ticket)"
                + " VALUES (?, ?, ?, ?, ?, 'NEW', ?, ?, NULL, NULL, ?)")) {
            for (NewTicketRow row : rows) {
                Sql.bind(ps, row.ticketId(), row.orgId(), row.propertyId(), row.saleId(), row.checkId(),
                        row.orderedAt(), row.createdAt(), row.json());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The org's ticket; {@code lock} holds it until the transaction ends (changes to one ticket take turns). */
    public Optional<TicketRow> findTicket(Connection c, String orgId, String ticketId, boolean lock)
            throws SQLException {
        return first(tickets(c, "org_id = ? AND ticket_id = ?" + (lock ? " FOR UPDATE" : ""), orgId, ticketId));
    }

    /** The ticket of a sale, locked until the transaction ends. */
    public Optional<TicketRow> lockTicketOfSale(Connection c, String orgId, String saleId) throws SQLException {
        return first(tickets(c, "org_id = ? AND sale_id = ? FOR UPDATE", orgId, saleId));
    }

    public void updateTicket(Connection c, String ticketId, String status, Instant readyAt, Instant servedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE kitchen_tickets SET status = ?, ready_at = ?, served_at = ? WHERE ticket_id = ?")) {
            Sql.bind(ps, status, readyAt, servedAt, ticketId);
            ps.executeUpdate();
        }
    }

    /**
     * Tickets still on the screens, oldest order first: every status but served, except ready ones that have
     * waited at the pass since before {@code readySince}.
     */
    public List<TicketRow> openTickets(Connection c, String orgId, String propertyId, Instant readySince)
            throws SQLException {
        return tickets(c, "org_id = ? AND property_id = ? AND status IN ('NEW', 'IN_PREPARATION', 'READY', 'VOIDED')"
                + " AND (status <> 'READY' OR ready_at >= ?) ORDER BY ordered_at, ticket_id",
                orgId, propertyId, readySince);
    }

    /** The open ticket whose part at {@code stationId} was bumped last (what that station's recall brings back). */
    public Optional<String> lastBumpedAt(Connection c, String orgId, String propertyId, String stationId)
            throws SQLException {
        return firstString(c, "SELECT s.ticket_id FROM kitchen_ticket_stations s JOIN kitchen_tickets t"
                + " ON t.ticket_id = s.ticket_id WHERE t.org_id = ? AND t.property_id = ? AND t.status <> 'SERVED'"
                + " AND s.station_id = ? AND s.bumped_at IS NOT NULL ORDER BY s.bumped_at DESC, s.ticket_id DESC"
                + " LIMIT 1", orgId, propertyId, stationId);
    }

    /** The ticket served last at the store since {@code since} (what the expo's recall brings back). */
    public Optional<String> lastServed(Connection c, String orgId, String propertyId, Instant since)
            throws SQLException {
        return firstString(c, "SELECT ticket_id FROM kitchen_tickets WHERE org_id = ? AND property_id = ?"
                + " AND status = 'SERVED' AND served_at >= ? ORDER BY served_at DESC, ticket_id DESC LIMIT 1",
                orgId, propertyId, since);
    }

    private Optional<String> firstString(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<TicketRow> tickets(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id, property_id, sale_id, check_id, status,"
                + " ordered_at, created_at, ready_at, served_at, ticket FROM kitchen_tickets WHERE " + where)) {
            Sql.bind(ps, params);
            List<TicketRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TicketRow(rs.getString("ticket_id"), rs.getString("property_id"),
                            rs.getString("sale_id"), rs.getString("check_id"), rs.getString("status"),
                            Sql.instant(rs, "ordered_at"), Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "ready_at"), Sql.instant(rs, "served_at"), rs.getString("ticket")));
                }
            }
            return out;
        }
    }

    /** Each station's part of the tickets, by ticket and station. */
    public Map<String, Map<String, Progress>> progress(Connection c, Collection<String> ticketIds)
            throws SQLException {
        Map<String, Map<String, Progress>> out = new HashMap<>();
        for (List<String> slice : slices(ticketIds)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id, station_id, started_at, bumped_at"
                    + " FROM kitchen_ticket_stations WHERE ticket_id IN (" + Sql.marks(slice.size()) + ")")) {
                Sql.bind(ps, slice.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                new Progress(Sql.instant(rs, "started_at"), Sql.instant(rs, "bumped_at")));
                    }
                }
            }
        }
        return out;
    }

    /** Sets a station's part of a ticket (the ticket is locked by the caller). */
    public void setProgress(Connection c, String ticketId, String stationId, Progress p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kitchen_ticket_stations SET started_at = ?,"
                + " bumped_at = ? WHERE ticket_id = ? AND station_id = ?")) {
            Sql.bind(ps, p.startedAt(), p.bumpedAt(), ticketId, stationId);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kitchen_ticket_stations (ticket_id, station_id,"
                + " started_at, bumped_at) VALUES (?, ?, ?, ?)")) {
            Sql.bind(ps, ticketId, stationId, p.startedAt(), p.bumpedAt());
            ps.executeUpdate();
        }
    }

    /** The marks on the tickets' lines, by ticket and line id. */
    public Map<String, Map<String, LineMark>> marks(Connection c, Collection<String> ticketIds) throws SQLException {
        Map<String, Map<String, LineMark>> out = new HashMap<>();
        for (List<String> slice : slices(ticketIds)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id, line_id, done_at, voided_quantity,"
                    + " void_reason FROM kitchen_line_marks WHERE ticket_id IN (" + Sql.marks(slice.size()) + ")")) {
                Sql.bind(ps, slice.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                new LineMark(Sql.instant(rs, "done_at"), rs.getInt(4), rs.getString(5)));
                    }
                }
            }
        }
        return out;
    }

    /** Sets the marks on a line (the ticket is locked by the caller). */
    public void setMark(Connection c, String ticketId, String lineId, LineMark mark, Instant voidedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kitchen_line_marks SET done_at = ?, voided_quantity = ?,"
                + " void_reason = ?, voided_at = COALESCE(?, voided_at) WHERE ticket_id = ? AND line_id = ?")) {
            Sql.bind(ps, mark.doneAt(), mark.voidedQuantity(), mark.voidReason(), voidedAt, ticketId, lineId);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kitchen_line_marks (ticket_id, line_id, done_at,"
                + " voided_quantity, void_reason, voided_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            Sql.bind(ps, ticketId, lineId, mark.doneAt(), mark.voidedQuantity(), mark.voidReason(), voidedAt);
            ps.executeUpdate();
        }
    }

    /** The store's station bumps at or after {@code since}, of tickets ordered at or before them. */
    public List<Bump> bumpsSince(Connection c, String orgId, String propertyId, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.station_id, t.ordered_at, s.bumped_at"
                + " FROM kitchen_ticket_stations s JOIN kitchen_tickets t ON t.ticket_id = s.ticket_id"
                + " WHERE s.bumped_at >= ? AND t.org_id = ? AND t.property_id = ?")) {
            Sql.bind(ps, since, orgId, propertyId);
            List<Bump> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Bump(rs.getString(1), Sql.instant(rs, "ordered_at"), Sql.instant(rs, "bumped_at")));
                }
            }
            return out;
        }
    }

    /**
     * Claims check lines for a ticket; false (and nothing claimed, under the caller's savepoint) when one of them
     * was sent before.
     */
    public boolean claimCheckLines(Connection c, String orgId, String checkId, List<String> lineIds, String ticketId)
            throws SQLException {
        Exception failed = Sql.alone(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kitchen_check_lines (org_id, check_id,"
                    + " line_id, ticket_id) VALUES (?, ?, ?, ?)")) {
                for (String lineId : lineIds) {
                    Sql.bind(ps, orgId, checkId, lineId, ticketId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        if (failed == null) {
            return true;
        }
        if (failed instanceof SQLException e && io.brigade.server.db.DataAccessException.isUniqueViolation(e)) {
            return false;
        }
        throw rethrown(failed);
    }

    /** The ticket a check line was sent on. */
    public Optional<String> ticketOfCheckLine(Connection c, String orgId, String checkId, String lineId)
            throws SQLException {
        return firstString(c, "SELECT ticket_id FROM kitchen_check_lines WHERE org_id = ? AND check_id = ?"
                + " AND line_id = ?", orgId, checkId, lineId);
    }

    /** The lines of {@code lineIds} that were sent before, with the ticket each went on. */
    public Map<String, String> sentCheckLines(Connection c, String orgId, String checkId, List<String> lineIds)
            throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (List<String> slice : slices(lineIds)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT line_id, ticket_id FROM kitchen_check_lines"
                    + " WHERE org_id = ? AND check_id = ? AND line_id IN (" + Sql.marks(slice.size()) + ")")) {
                List<Object> params = new ArrayList<>(List.of(orgId, checkId));
                params.addAll(slice);
                Sql.bind(ps, params.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    public Optional<Operation> findOperation(Connection c, String orgId, String operationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, request_hash, ticket_id FROM kitchen_operations"
                + " WHERE org_id = ? AND operation_id = ?")) {
            Sql.bind(ps, orgId, operationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Operation(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Records an applied operation; false (nothing recorded, under the caller's savepoint) when its id was taken
     * meanwhile by a concurrent request.
     */
    public boolean insertOperation(Connection c, String orgId, String operationId, Operation op, Instant at)
            throws SQLException {
        Exception failed = Sql.alone(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kitchen_operations (org_id, operation_id,"
                    + " kind, request_hash, ticket_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                Sql.bind(ps, orgId, operationId, op.kind(), op.requestHash(), op.ticketId(), at);
                ps.executeUpdate();
            }
        });
        if (failed == null) {
            return true;
        }
        if (failed instanceof SQLException e && io.brigade.server.db.DataAccessException.isUniqueViolation(e)) {
            return false;
        }
        throw rethrown(failed);
    }

    private static SQLException rethrown(Exception failed) {
        if (failed instanceof SQLException e) {
            return e;
        }
        throw (RuntimeException) failed;
    }

    private static List<List<String>> slices(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return out;
    }
}
