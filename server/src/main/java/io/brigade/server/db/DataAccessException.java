package io.brigade.server.db;

import java.sql.SQLException;

/** An unexpected database failure, unchecked so that services stay readable. */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the database refused a row because a unique constraint already holds its key. */
    public boolean isUniqueViolation() {
        return isUniqueViolation(getCause());
    }

    /** As {@link #isUniqueViolation()}, for {@code failure} and its causes. */
    public static boolean isUniqueViolation(Throwable failure) {
        // A JDBC batch reports the failing row's error as the next exception (PostgreSQL) or as the state.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException e ? e : null; s != null; s = s.getNextException()) {
                if ("23505".equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
