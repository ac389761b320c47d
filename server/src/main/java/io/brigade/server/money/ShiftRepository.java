package io.brigade.server.money;

import io.brigade.protocol.money.Shift;
import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code shifts}, {@code drawer_movements} and {@code device_outboxes} tables. */
public final class ShiftRepository {
    private static final String COLUMNS = "shift_id, org_id, property_id, device_id, device_name, drawer, "
            + "business_date, opened_at, opened_by, opened_by_name, opening_float, closed_at, closed_by, "
            + "closed_by_name, counted_cash, expected_cash";

    /** A shift's row. */
    public record Row(String shiftId, String orgId, String propertyId, String deviceId, String deviceName,
                      String drawer, LocalDate businessDate, Instant openedAt, String openedBy, String openedByName,
                      BigDecimal openingFloat, Instant closedAt, String closedBy, String closedByName,
                      BigDecimal countedCash, BigDecimal expectedCash) {

        boolean open() {
            return closedAt == null;
        }

        /** The wire view: the expected cash only once the blind count is in. */
        Shift view() {
            return new Shift(shiftId, propertyId, deviceId, deviceName, drawer, open() ? "OPEN" : "CLOSED",
                    businessDate, openedAt, openedByName == null ? openedBy : openedByName, openingFloat, closedAt,
                    closedByName == null ? closedBy : closedByName, countedCash, open() ? null : expectedCash,
                    open() ? null : countedCash.subtract(expectedCash));
        }
    }

    /** A pay-in, pay-out or no-sale open. */
    public record Movement(String movementId, String shiftId, String kind, BigDecimal amount, String reason,
                           String staffId, String staffName, Instant at) {
    }

    /** A device's last word on its outbox. */
    public record Outbox(String deviceId, String deviceName, int pendingSales, Instant oldestAt,
                         Instant reportedAt) {
    }

    public void insert(Connection c, Row r, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO shifts (" + COLUMNS + ", open_device, "
                + "recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, r.shiftId(), r.orgId(), r.propertyId(), r.deviceId(), r.deviceName(), r.drawer(),
                    r.businessDate(), r.openedAt(), r.openedBy(), r.openedByName(), r.openingFloat(), null, null,
                    null, null, null, r.propertyId() + "\n" + r.deviceId(), now);
            ps.executeUpdate();
        }
    }

    public Optional<Row> find(Connection c, String orgId, String shiftId) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM shifts WHERE shift_id = ? AND org_id = ?", shiftId, orgId);
    }

    public Optional<Row> lock(Connection c, String orgId, String shiftId) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM shifts WHERE shift_id = ? AND org_id = ? FOR UPDATE", shiftId,
                orgId);
    }

    /** The shift open on a device of a store, if there is one. */
    public Optional<Row> openOn(Connection c, String propertyId, String deviceId) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM shifts WHERE open_device = ?", propertyId + "\n" + deviceId);
    }

    public void close(Connection c, String shiftId, Instant closedAt, String staffId, String staffName,
                      BigDecimal counted, String denominations, BigDecimal expected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE shifts SET closed_at = ?, closed_by = ?, "
                + "closed_by_name = ?, counted_cash = ?, denominations = ?, expected_cash = ?, open_device = NULL "
                + "WHERE shift_id = ?")) {
            Sql.bind(ps, closedAt, staffId, staffName, counted, denominations, expected, shiftId);
            ps.executeUpdate();
        }
    }

    /** The shifts of a store that opened on {@code date}, or are still open (any date), oldest first. */
    public List<Row> ofDay(Connection c, String propertyId, LocalDate date) throws SQLException {
        return many(c, "SELECT " + COLUMNS + " FROM shifts WHERE property_id = ? AND (business_date = ? "
                + "OR open_device IS NOT NULL) ORDER BY opened_at, shift_id", propertyId, date);
    }

    public List<Row> list(Connection c, String orgId, String propertyId, LocalDate from, LocalDate to)
            throws SQLException {
        return many(c, "SELECT " + COLUMNS + " FROM shifts WHERE org_id = ? AND property_id = ? AND business_date "
                + "BETWEEN ? AND ? ORDER BY opened_at, shift_id", orgId, propertyId, from, to);
    }

    public boolean insertMovement(Connection c, String orgId, String propertyId, Movement m, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drawer_movements (movement_id, shift_id, "
                + "org_id, property_id, kind, amount, reason, staff_id, staff_name, at, recorded_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, m.movementId(), m.shiftId(), orgId, propertyId, m.kind(), m.amount(), m.reason(),
                    m.staffId(), m.staffName(), m.at(), now);
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Movement> findMovement(Connection c, String orgId, String movementId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT movement_id, shift_id, kind, amount, reason, "
                + "staff_id, staff_name, at FROM drawer_movements WHERE movement_id = ? AND org_id = ?")) {
            Sql.bind(ps, movementId, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(movement(rs)) : Optional.empty();
            }
        }
    }

    /** The movements of these shifts. */
    public List<Movement> movements(Connection c, List<String> shiftIds) throws SQLException {
        List<Movement> out = new ArrayList<>();
        if (shiftIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT movement_id, shift_id, kind, amount, reason, "
                + "staff_id, staff_name, at FROM drawer_movements WHERE shift_id IN (" + Sql.marks(shiftIds.size())
                + ") ORDER BY at, movement_id")) {
            Sql.bind(ps, shiftIds.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(movement(rs));
                }
            }
        }
        return out;
    }

    private static Movement movement(ResultSet rs) throws SQLException {
        return new Movement(rs.getString(1), rs.getString(2), rs.getString(3), Sql.money(rs, "amount"),
                rs.getString(5), rs.getString(6), rs.getString(7), Sql.instant(rs, "at"));
    }

    public void reportOutbox(Connection c, String orgId, String propertyId, String deviceId, String deviceName,
                             int pending, Instant oldestAt, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE device_outboxes SET device_name = ?, "
                + "pending_sales = ?, oldest_at = ?, reported_at = ? WHERE property_id = ? AND device_id = ?")) {
            Sql.bind(ps, deviceName, pending, oldestAt, now, propertyId, deviceId);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_outboxes (device_id, org_id, "
                + "property_id, device_name, pending_sales, oldest_at, reported_at) VALUES (?,?,?,?,?,?,?)")) {
            Sql.bind(ps, deviceId, orgId, propertyId, deviceName, pending, oldestAt, now);
            ps.executeUpdate();
        }
    }

    /** The devices of a store that last said they hold unsynced sales. */
    public List<Outbox> unsynced(Connection c, String propertyId) throws SQLException {
        List<Outbox> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT device_id, device_name, pending_sales, oldest_at, "
                + "reported_at FROM device_outboxes WHERE property_id = ? AND pending_sales > 0 ORDER BY device_name")) {
            Sql.bind(ps, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Outbox(rs.getString(1), rs.getString(2), rs.getInt(3), Sql.instant(rs, "oldest_at"),
                            Sql.instant(rs, "reported_at")));
                }
            }
        }
        return out;
    }

    private static Optional<Row> one(Connection c, String sql, Object... args) throws SQLException {
        List<Row> rows = many(c, sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static List<Row> many(Connection c, String sql, Object... args) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                            Sql.instant(rs, "opened_at"), rs.getString(9), rs.getString(10),
                            Sql.money(rs, "opening_float"), Sql.instant(rs, "closed_at"), rs.getString(13),
                            rs.getString(14), Sql.money(rs, "counted_cash"), Sql.money(rs, "expected_cash")));
                }
            }
        }
        return out;
    }
}
