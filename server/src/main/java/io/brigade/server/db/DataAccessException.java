package io.brigade.server.db;

import java.sql.SQLException;

/** An unexpected database failure, unchecked so that services stay readable. */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the database refused a row because a unique constraint already holds its key. */
    public boolean isUniqueViolation() {
        return getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
    }
}
