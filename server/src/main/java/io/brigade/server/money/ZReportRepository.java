package io.brigade.server.money;

import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code z_reports} table: written once per store and business day, never updated. */
public final class ZReportRepository {

    /** A stored Z report: its number, day and the report as it was answered. */
    public record Stored(long zNumber, String propertyId, LocalDate businessDate, Instant takenAt, String takenBy,
                         String body) {
    }

    /** The next number of the store's Z reports (1 for the first); call with the store's row locked. */
    public long nextNumber(Connection c, String propertyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(z_number), 0) FROM z_reports WHERE property_id = ?")) {
            Sql.bind(ps, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + 1;
            }
        }
    }

    public Optional<Stored> ofDay(Connection c, String orgId, String propertyId, LocalDate date) throws SQLException {
        List<Stored> rows = query(c, "SELECT z_number, property_id, business_date, taken_at, taken_by, body "
                + "FROM z_reports WHERE org_id = ? AND property_id = ? AND business_date = ?", orgId, propertyId, date);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public Optional<Stored> find(Connection c, String orgId, String propertyId, long number) throws SQLException {
        List<Stored> rows = query(c, "SELECT z_number, property_id, business_date, taken_at, taken_by, body "
                + "FROM z_reports WHERE org_id = ? AND property_id = ? AND z_number = ?", orgId, propertyId, number);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public void insert(Connection c, String orgId, Stored z) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO z_reports (org_id, property_id, z_number, "
                + "business_date, taken_at, taken_by, body) VALUES (?,?,?,?,?,?,?)")) {
            Sql.bind(ps, orgId, z.propertyId(), z.zNumber(), z.businessDate(), z.takenAt(), z.takenBy(), z.body());
            ps.executeUpdate();
        }
    }

    /** The store's Z reports, newest first. */
    public List<Stored> list(Connection c, String orgId, String propertyId) throws SQLException {
        return query(c, "SELECT z_number, property_id, business_date, taken_at, taken_by, body FROM z_reports "
                + "WHERE org_id = ? AND property_id = ? ORDER BY z_number DESC", orgId, propertyId);
    }

    private static List<Stored> query(Connection c, String sql, Object... args) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            Sql.instant(rs, "taken_at"), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }
}
