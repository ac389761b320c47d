package io.brigade.server.checks;

import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.server.db.DataAccessException;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checks' tables: each check as one document, the operations applied, the sales they close into, events. */
public final class CheckRepository {

    /** An operation applied before: its check, kind and the hash of its content. */
    record Operation(String checkId, String type, String requestHash) {
    }

    /** A stored check: its document and row fields. */
    record Row(String checkId, String propertyId, String body) {
    }

    /** A sale a check closed into, to push (or pushed: {@code saleId}). */
    record PendingSale(String orgId, String idempotencyKey, String checkId, String partId, String body,
                       String saleId) {
    }

    Optional<Operation> findOperation(Connection c, String orgId, String operationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT check_id, type, request_hash FROM check_operations"
                + " WHERE org_id = ? AND operation_id = ?")) {
            Sql.bind(ps, orgId, operationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Operation(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Records an applied operation; false when its id was recorded meanwhile (by a concurrent retry). */
    boolean insertOperation(Connection c, String orgId, String operationId, String checkId, String type,
                            String hash, long version, Instant at) throws SQLException {
        Exception failed = Sql.alone(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO check_operations (org_id, operation_id,"
                    + " check_id, type, request_hash, version, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Sql.bind(ps, orgId, operationId, checkId, type, hash, version, at);
                ps.executeUpdate();
            }
        });
        if (failed == null) {
            return true;
        }
        if (failed instanceof SQLException e && DataAccessException.isUniqueViolation(e)) {
            return false;
        }
        if (failed instanceof SQLException e) {
            throw e;
        }
        throw (RuntimeException) failed;
    }

    Optional<Row> find(Connection c, String orgId, String checkId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT check_id, property_id, body FROM checks"
                + " WHERE org_id = ? AND check_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            Sql.bind(ps, orgId, checkId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Inserts a new check; false when a check of that id exists (opened meanwhile). */
    boolean insert(Connection c, String orgId, CheckState s, String body) throws SQLException {
        Exception failed = Sql.alone(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO checks (org_id, check_id, property_id,"
                    + " table_id, state, opened_at, updated_at, closed_at, version, body)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Sql.bind(ps, orgId, s.checkId, s.propertyId, s.table, s.state(), s.openedAt, s.updatedAt,
                        s.closedAt, s.version, body);
                ps.executeUpdate();
            }
        });
        if (failed == null) {
            return true;
        }
        if (failed instanceof SQLException e && DataAccessException.isUniqueViolation(e)) {
            return false;
        }
        if (failed instanceof SQLException e) {
            throw e;
        }
        throw (RuntimeException) failed;
    }

    void update(Connection c, String orgId, CheckState s, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE checks SET table_id = ?, state = ?, updated_at = ?,"
                + " closed_at = ?, version = ?, body = ? WHERE org_id = ? AND check_id = ?")) {
            Sql.bind(ps, s.table, s.state(), s.updatedAt, s.closedAt, s.version, body, orgId, s.checkId);
            ps.executeUpdate();
        }
    }

    /** The store's open checks, oldest first. */
    List<Row> open(Connection c, String orgId, String propertyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT check_id, property_id, body FROM checks"
                + " WHERE org_id = ? AND property_id = ? AND closed_at IS NULL ORDER BY opened_at, check_id")) {
            Sql.bind(ps, orgId, propertyId);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        }
    }

    /** The store's checks closed since {@code since} (not merged ones), the latest first, at most {@code limit}. */
    List<Row> closedSince(Connection c, String orgId, String propertyId, Instant since, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT check_id, property_id, body FROM checks"
                + " WHERE org_id = ? AND property_id = ? AND closed_at >= ? AND state = 'CLOSED'"
                + " ORDER BY closed_at DESC, check_id LIMIT " + limit)) {
            Sql.bind(ps, orgId, propertyId, since);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        }
    }

    // --- sales -------------------------------------------------------------------------------------------------------

    void insertSale(Connection c, PendingSale sale, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO check_sales (org_id, idempotency_key, check_id,"
                + " part_id, body, sale_id, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)")) {
            Sql.bind(ps, sale.orgId(), sale.idempotencyKey(), sale.checkId(), sale.partId(), sale.body(), at);
            ps.executeUpdate();
        }
    }

    void saleStored(Connection c, String orgId, String key, String saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE check_sales SET sale_id = ? WHERE org_id = ?"
                + " AND idempotency_key = ?")) {
            Sql.bind(ps, saleId, orgId, key);
            ps.executeUpdate();
        }
    }

    /** Sales of closed checks not yet stored (all orgs, or one check's when {@code checkId} is not null). */
    List<PendingSale> pendingSales(Connection c, String orgId, String checkId) throws SQLException {
        String sql = "SELECT org_id, idempotency_key, check_id, part_id, body, sale_id FROM check_sales"
                + " WHERE sale_id IS NULL" + (checkId == null ? "" : " AND org_id = ? AND check_id = ?")
                + " ORDER BY created_at";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (checkId != null) {
                Sql.bind(ps, orgId, checkId);
            }
            List<PendingSale> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingSale(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        }
    }

    // --- events ------------------------------------------------------------------------------------------------------

    /** The org's next event number; the row stays locked until commit, so events commit in number order. */
    long nextSeq(Connection c, String orgId) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE check_sequences SET last_seq = last_seq + 1 WHERE org_id = ?")) {
                Sql.bind(ps, orgId);
                if (ps.executeUpdate() == 1) {
                    return currentSeq(c, orgId, false);
                }
            }
            Savepoint sp = c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO check_sequences (org_id, last_seq) VALUES (?, 1)")) {
                Sql.bind(ps, orgId);
                ps.executeUpdate();
                c.releaseSavepoint(sp);
                return 1;
            } catch (SQLException e) {
                c.rollback(sp);
                if (!"23505".equals(e.getSQLState()) || attempt > 2) {
                    throw e;
                }
            }
        }
    }

    long currentSeq(Connection c, String orgId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM check_sequences WHERE org_id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    void appendEvent(Connection c, String orgId, String propertyId, String checkId, String payload, Instant at)
            throws SQLException {
        appendEvent(c, orgId, propertyId, checkId, CHECK_UPDATED, payload, at);
    }

    void appendEvent(Connection c, String orgId, String propertyId, String checkId, String type, String payload,
                     Instant at) throws SQLException {
        long seq = nextSeq(c, orgId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO check_events (org_id, seq, property_id, check_id,"
                + " type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Sql.bind(ps, orgId, seq, propertyId, checkId, type, payload, at);
            ps.executeUpdate();
        }
    }

    // --- floor plans -------------------------------------------------------------------------------------------------

    Optional<String> floorPlan(Connection c, String orgId, String propertyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM floor_plans WHERE org_id = ?"
                + " AND property_id = ?")) {
            Sql.bind(ps, orgId, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void saveFloorPlan(Connection c, String orgId, String propertyId, String body, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE floor_plans SET body = ?, updated_at = ?"
                + " WHERE org_id = ? AND property_id = ?")) {
            Sql.bind(ps, body, at, orgId, propertyId);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO floor_plans (org_id, property_id, body,"
                + " updated_at) VALUES (?, ?, ?, ?)")) {
            Sql.bind(ps, orgId, propertyId, body, at);
            ps.executeUpdate();
        }
    }

    boolean hasEvent(Connection c, String orgId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM check_events WHERE org_id = ? AND seq = ?")) {
            Sql.bind(ps, orgId, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Up to {@code limit} of the org's check events after {@code afterSeq}, as the streams deliver them. */
    public List<KitchenEvent> eventsAfter(Connection c, String orgId, long afterSeq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, property_id, check_id, type, payload"
                + " FROM check_events WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT " + limit)) {
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

    /** The floor stream's event name: data is the whole {@link io.brigade.protocol.checks.Check} after a change. */
    public static final String CHECK_UPDATED = "check-updated";
    /** The floor stream's event when a manager changed the floor plan: data is the whole {@code FloorPlan}. */
    public static final String FLOOR_PLAN = "floor-plan";

    /** The store of one of the org's checks. */
    public Optional<String> propertyOf(Connection c, String orgId, String checkId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT property_id FROM checks WHERE org_id = ?"
                + " AND check_id = ?")) {
            Sql.bind(ps, orgId, checkId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
