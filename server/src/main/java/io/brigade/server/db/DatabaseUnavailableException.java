package io.brigade.server.db;

import io.brigade.server.domain.RetryLater;
import io.brigade.server.domain.UnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database could not be reached, or dropped the connection: the primary went away, is being failed over, or
 * is restarting. Nothing of the request was committed that its retry would repeat (a write that did commit is
 * found by its idempotency key), so the caller is told to send it again shortly: 503 with Retry-After.
 */
public final class DatabaseUnavailableException extends UnavailableException implements RetryLater {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableException.class);
    /** PostgreSQL's "server shutting down" kinds: admin shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private DatabaseUnavailableException() {
        super("the database cannot be reached just now (it may be failing over to its standby); nothing was "
                + "stored by this request that a retry would repeat: send it again");
    }

    @Override
    public Duration retryAfter() {
        return RETRY_AFTER;
    }

    /**
     * This exception if {@code failure} is a lost or refused connection (SQLState class 08, a server shutting
     * down, or the pool timing out for want of one); empty otherwise. Logs one line with the SQL state (never the
     * database's message, which may quote values).
     */
    public static java.util.Optional<DatabaseUnavailableException> from(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (sql instanceof SQLTransientConnectionException
                        || (state != null && (state.startsWith("08") || SHUTTING_DOWN.contains(state)))) {
                    LOG.warn("the database is unreachable (SQLState {}, {}); the request is answered 503 to be "
                            + "sent again", state, sql.getClass().getSimpleName());
                    return java.util.Optional.of(new DatabaseUnavailableException());
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The exception a database failure surfaces as: this one for a lost connection, else {@link DataAccessException}. */
    static RuntimeException of(SQLException e) {
        return from(e).<RuntimeException>map(u -> u).orElseGet(() -> new DataAccessException(e));
    }
}
