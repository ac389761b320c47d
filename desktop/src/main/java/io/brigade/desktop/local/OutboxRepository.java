package io.brigade.desktop.local;

import io.brigade.desktop.local.OutboxEntry.Kind;
import io.brigade.desktop.local.OutboxEntry.State;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/** The till's outbox: what was rung up here and whether the server has it yet. */
public final class OutboxRepository {
    private static final String COLUMNS = "seq, id, kind, state, payload, created_at, attempts, last_error, sale_ref, "
            + "server_sale_id, display_id, total, staff_name, cancelled";
    private final LocalDatabase db;

    public OutboxRepository(LocalDatabase db) {
        this.db = db;
    }

    /** A sale ready to be stored, with the events that belong to the same moment. */
    public record NewSale(UUID id, String payload, String displayId, BigDecimal total, String staffName,
                          Instant createdAt) {
    }

    /**
     * Stores a completed sale and its events in one transaction forced to disk. When this returns, the sale
     * survives a killed app and a power cut.
     */
    public void appendSale(NewSale sale, List<NewEvent> events) {
        appendSale(sale, events, WithSale.NOTHING);
    }

    /**
     * Rows another feature keeps with a sale (its receipt's print job), written in the sale's own transaction so one
     * forced write holds both; {@code stored} runs once both are on disk.
     */
    public record WithSale(LocalDatabase.Work<?> rows, Runnable stored) {
        public static final WithSale NOTHING = new WithSale(c -> null, () -> { });
    }

    /**
     * As above, with {@code with}'s rows in the same transaction and forced write. Rows that cannot be written are
     * left out (and logged): the sale is stored all the same.
     */
    public void appendSale(NewSale sale, List<NewEvent> events, WithSale with) {
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, kind, state, payload, created_at, "
                    + "display_id, total, staff_name) VALUES (?, 'SALE', 'PENDING', ?, ?, ?, ?, ?)")) {
                ps.setObject(1, sale.id());
                ps.setString(2, sale.payload());
                ps.setObject(3, utc(sale.createdAt()));
                ps.setString(4, sale.displayId());
                ps.setBigDecimal(5, sale.total());
                ps.setString(6, sale.staffName());
                ps.executeUpdate();
            }
            insertEvents(c, events);
            Savepoint before = c.setSavepoint();
            try {
                with.rows().run(c);
                c.releaseSavepoint(before);
            } catch (Exception e) {
                c.rollback(before);
                LoggerFactory.getLogger(OutboxRepository.class).error("sale {} is stored without the rows that go with "
                        + "it (its receipt's print job)", sale.displayId(), e);
            }
            return null;
        });
    }

    /** An analytics event to queue. */
    public record NewEvent(UUID id, String payload, Instant createdAt) {
    }

    /** Queues analytics events; these are not forced to disk, losing the last second of them is acceptable. */
    public void appendEvents(List<NewEvent> events) {
        db.inTransaction(c -> {
            insertEvents(c, events);
            return null;
        });
    }

    /** Queues the cancellation of a sale rung up here and marks the sale as cancelled locally. */
    public void appendCancel(UUID cancelId, UUID saleId, String payload, Instant at) {
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, kind, state, payload, created_at, "
                    + "sale_ref) VALUES (?, 'CANCEL', 'PENDING', ?, ?, ?)")) {
                ps.setObject(1, cancelId);
                ps.setString(2, payload);
                ps.setObject(3, utc(at));
                ps.setObject(4, saleId);
                ps.executeUpdate();
            }
            markCancelled(c, saleId);
            return null;
        });
    }

    /**
     * Queues a step of the till's shift (open, pay-in, pay-out, no sale, close) as the call the store server gets:
     * {@code payload} holds its path and body. It goes in order with the sales, so a shift is opened on the server
     * before anything names it.
     */
    public void appendMoney(UUID id, String payload, Instant at) {
        appendCall(id, "MONEY", payload, at);
    }

    /** One row of a kind sent as a call (not a sale), in one transaction forced to disk before this returns. */
    private void appendCall(UUID id, String kind, String payload, Instant at) {
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, kind, state, payload, created_at) "
                    + "VALUES (?, ?, 'PENDING', ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, kind);
                ps.setString(3, payload);
                ps.setObject(4, utc(at));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** How many shift steps wait to be sent (a close is sent directly only when none does). */
    public int pendingMoney() {
        return db.inTransaction(c -> count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING' AND kind = 'MONEY'"));
    }

    /** The oldest pending sale's time, for the store's report of unsynced sales. */
    public Optional<Instant> oldestPendingSale() {
        return list("SELECT " + COLUMNS + " FROM outbox WHERE state = 'PENDING' AND kind = 'SALE' "
                + "ORDER BY state, kind, seq LIMIT 1").stream().findFirst().map(OutboxEntry::createdAt);
    }

    /** Cancels a sale the server never accepted: it is voided here and nothing is sent. */
    public void voidUnsentSale(UUID saleId) {
        db.inDurableTransaction(c -> {
            markCancelled(c, saleId);
            setState(c, saleId, State.VOIDED, null);
            return null;
        });
    }

    private static void markCancelled(Connection c, UUID saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET cancelled = TRUE WHERE id = ?")) {
            ps.setObject(1, saleId);
            ps.executeUpdate();
        }
    }

    private static void insertEvents(Connection c, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (id, kind, state, payload, created_at) VALUES (?, 'EVENT', 'PENDING', ?, ?)")) {
            for (NewEvent e : events) {
                ps.setObject(1, e.id());
                ps.setString(2, e.payload());
                ps.setObject(3, utc(e.createdAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The oldest sale or cancellation not yet sent. These go strictly in order, one per request, so a
     * cancellation never overtakes its sale. Parked rows are skipped: they wait for a manager.
     */
    public Optional<OutboxEntry> nextSaleOrCancel() {
        // One index probe per kind on (state, kind, seq), then the oldest: a single query over (state, seq) would
        // step over every pending event queued in between, which grows with a backlog.
        Optional<OutboxEntry> oldest = Optional.empty();
        for (String kind : new String[] {"SALE", "CANCEL", "CHECK", "MONEY"}) {
            Optional<OutboxEntry> head = first(kind);
            if (head.isPresent() && (oldest.isEmpty() || head.get().seq() < oldest.get().seq())) {
                oldest = head;
            }
        }
        return oldest;
    }

    /**
     * Queues an operation on a check ({@code payload}: the check id and the operation), in one transaction forced
     * to disk: when this returns the tap survives a killed app and a power cut, and is sent in its order.
     */
    public void appendCheckOperation(UUID id, String payload, Instant at) {
        appendCall(id, "CHECK", payload, at);
    }

    /** Check operations not yet accepted by the store server, oldest first. */
    public List<OutboxEntry> pendingCheckOperations() {
        return list("SELECT " + COLUMNS + " FROM outbox WHERE state = 'PENDING' AND kind = 'CHECK' ORDER BY seq");
    }

    private Optional<OutboxEntry> first(String kind) {
        return list("SELECT " + COLUMNS + " FROM outbox WHERE state = 'PENDING' AND kind = '" + kind + "' "
                + "ORDER BY state, kind, seq LIMIT 1").stream().findFirst();
    }

    /** Up to {@code max} pending analytics events, oldest first: they travel as one batch, apart from sales. */
    public List<OutboxEntry> nextEvents(int max) {
        return list("SELECT " + COLUMNS + " FROM outbox WHERE state = 'PENDING' AND kind = 'EVENT' "
                + "ORDER BY state, kind, seq LIMIT " + Math.max(1, max));
    }

    public void markSent(List<UUID> ids, String serverSaleId, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'SENT', sent_at = ?, "
                    + "server_sale_id = COALESCE(?, server_sale_id), last_error = NULL WHERE id = ?")) {
                for (UUID id : ids) {
                    ps.setObject(1, utc(at));
                    ps.setString(2, serverSaleId);
                    ps.setObject(3, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Records a failed attempt that will be retried. */
    public void recordAttempt(UUID id, String error) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                ps.setString(1, truncate(error));
                ps.setObject(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The server refused: set aside for a manager, with its reason. */
    public void park(List<UUID> ids, String reason) {
        db.inTransaction(c -> {
            for (UUID id : ids) {
                setState(c, id, State.PARKED, reason);
            }
            return null;
        });
    }

    /** A manager fixed the cause on the server: send it again (with the same idempotency key). */
    public void retry(UUID id) {
        db.inTransaction(c -> {
            setState(c, id, State.PENDING, null);
            return null;
        });
    }

    /** A manager decided the parked row will never be sent. */
    public void voidParked(UUID id) {
        db.inDurableTransaction(c -> {
            setState(c, id, State.VOIDED, null);
            return null;
        });
    }

    private static void setState(Connection c, UUID id, State state, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET state = ?, last_error = COALESCE(?, last_error) WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, truncate(reason));
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }

    public Optional<OutboxEntry> find(UUID id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Sales and cancellations not yet accepted by the server (parked ones are counted apart). */
    public int pendingSales() {
        return db.inTransaction(c -> count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING' AND kind <> 'EVENT'"));
    }

    public int parkedCount() {
        return db.inTransaction(c -> count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'PARKED'"));
    }

    public Optional<Instant> lastSentAt() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(sent_at) FROM outbox");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
            }
        });
    }

    /** The most recent sales rung up here, newest first. */
    public List<OutboxEntry> recentSales(int limit) {
        return list("SELECT " + COLUMNS + " FROM outbox WHERE kind = 'SALE' ORDER BY seq DESC LIMIT " + limit);
    }

    /** Rows the server refused, oldest first: the "needs attention" list. */
    public List<OutboxEntry> parked() {
        return list("SELECT " + COLUMNS + " FROM outbox WHERE state = 'PARKED' ORDER BY seq");
    }

    /** The next short number printed on receipts. */
    public long nextDisplayNumber() {
        return db.inTransaction(c -> count(c, "SELECT NEXT VALUE FOR display_number"));
    }

    private List<OutboxEntry> list(String sql) {
        return db.inTransaction(c -> {
            List<OutboxEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        });
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong("seq"), rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
                State.valueOf(rs.getString("state")), rs.getString("payload"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getObject("sale_ref", UUID.class), rs.getString("server_sale_id"),
                rs.getString("display_id"), rs.getBigDecimal("total"), rs.getString("staff_name"),
                rs.getBoolean("cancelled"));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
