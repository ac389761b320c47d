package io.brigade.server.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC helpers shared by the repositories. */
public final class Sql {
    private Sql() {
    }

    /** Work on a connection that may fail on its own. */
    @FunctionalInterface
    public interface Step {
        void run() throws SQLException;
    }

    /**
     * Runs {@code step} under a savepoint of its own: if it fails, only what it did is rolled back and the
     * transaction goes on (on PostgreSQL it would otherwise refuse every later statement); returns the failure,
     * or null.
     */
    public static Exception alone(Connection c, Step step) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            step.run();
            c.releaseSavepoint(savepoint);
            return null;
        } catch (SQLException | RuntimeException e) {
            c.rollback(savepoint);
            return e;
        }
    }

    /** Whether {@code c} is PostgreSQL's (the other database is H2); the driver answers without a round trip. */
    public static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** {@code n} comma-separated parameter marks, for an {@code IN (...)} list of {@code n} values. */
    public static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    public static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            int idx = i + 1;
            if (v == null) {
                ps.setNull(idx, Types.NULL);
            } else if (v instanceof Instant instant) {
                ps.setObject(idx, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (v instanceof Enum<?> e) {
                ps.setString(idx, e.name());
            } else {
                ps.setObject(idx, v);
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime ts = rs.getObject(column, OffsetDateTime.class);
        return ts == null ? null : ts.toInstant();
    }

    public static BigDecimal money(ResultSet rs, String column) throws SQLException {
        return money(rs.getBigDecimal(column));
    }

    private static BigDecimal money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        // Stored with four decimals; answer with at least two (cents) and no trailing noise.
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    /** As {@link #instant(ResultSet, String)}, by position: a name is a look-up per value (exports read millions). */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime ts = rs.getObject(column, OffsetDateTime.class);
        return ts == null ? null : ts.toInstant();
    }

    /** As {@link #money(ResultSet, String)}, by position. */
    public static BigDecimal money(ResultSet rs, int column) throws SQLException {
        return money(rs.getBigDecimal(column));
    }

    /** As {@link #nullableInt(ResultSet, String)}, by position. */
    public static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
