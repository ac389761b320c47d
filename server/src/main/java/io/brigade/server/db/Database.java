package io.brigade.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's connection pool, migrated by Flyway at start-up, with a transaction helper.
 *
 * <p>Durability on H2 (a commit survives {@code kill -9}): H2 keeps commits in memory and stores them
 * in the background, about a second late. An embedded H2 file database therefore gets a
 * {@link CommitJournal}: the group-committed sales are acknowledged once their records are in it, and
 * every other transaction ({@link #inTransaction}) has H2 store its commit before it returns. A URL
 * with {@code WRITE_DELAY=0} turns the journal off and has H2 store every commit instead (slower).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(1);
    private static final Pattern STORE_EVERY_COMMIT = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=\\s*0(?![0-9])");

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final CommitJournal journal;
    private final Thread checkpointer;
    private final long checkpointMillis;
    private volatile boolean open = true;

    private Database(HikariDataSource dataSource, boolean postgres, CommitJournal journal, Duration checkpointEvery) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.journal = journal;
        this.checkpointMillis = checkpointEvery.toMillis();
        if (journal != null) {
            checkpointer = new Thread(this::checkpointLoop, "h2-checkpoint");
            checkpointer.setDaemon(true);
            checkpointer.start();
        } else {
            checkpointer = null;
        }
    }

    /**
     * Opens the pool and migrates. An embedded H2 file URL without {@code WRITE_DELAY} gets a commit
     * journal beside its file ({@code <name>.journal/}); {@code WRITE_DELAY=0} in the URL stores every
     * commit instead. Other H2 URLs (in-memory, TCP) get {@code WRITE_DELAY=0} unless they say otherwise.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, CHECKPOINT_EVERY);
    }

    /** As {@link #open(String, String, String)}, emptying the commit journal every {@code checkpointEvery}. */
    public static Database open(String jdbcUrl, String user, String password, Duration checkpointEvery) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        String url = jdbcUrl;
        String upper = url.toUpperCase(Locale.ROOT);
        boolean h2 = url.startsWith("jdbc:h2:");
        boolean embeddedFile = h2 && !upper.startsWith("JDBC:H2:MEM:") && !upper.startsWith("JDBC:H2:TCP:")
                && !upper.startsWith("JDBC:H2:SSL:") && !upper.contains("AUTO_SERVER=TRUE");
        boolean journaled = embeddedFile && !STORE_EVERY_COMMIT.matcher(url).find();
        if (h2 && !journaled && !upper.contains("WRITE_DELAY")) {
            url = url + ";WRITE_DELAY=0";
        }
        if (journaled && !upper.contains("DB_CLOSE_ON_EXIT")) {
            // close() stores, then empties the journal; H2's own shutdown hook would close the file first.
            url = url + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (h2 && !upper.contains("QUERY_CACHE_SIZE")) {
            // H2 re-parses SQL past 8 cached statements per session; a sale uses about 15.
            url = url + ";QUERY_CACHE_SIZE=64";
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (postgres) {
            // JDBC batches (a group commit's sales, tickets, events) go as multi-row INSERTs: one round trip.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        config.setMaximumPoolSize(postgres ? 16 : 24);
        config.setAutoCommit(true);
        config.setPoolName("brigade");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return new Database(ds, postgres, journaled ? CommitJournal.open(journalDirectory(ds)) : null,
                    checkpointEvery);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static SessionLocal session(Connection c) throws SQLException {
        return (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    }

    private static Path journalDirectory(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            // H2 resolves "~", relative names and its own prefixes; ask it where the file is.
            return Path.of(session(c).getDatabase().getDatabasePath() + ".journal");
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** The commit journal of an embedded H2 database, if it has one. */
    public Optional<CommitJournal> journal() {
        return Optional.ofNullable(journal);
    }

    /** Has H2 store everything committed so far (a no-op without a journal: then every commit is stored). */
    public void checkpoint() {
        if (journal == null) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            checkpoint(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static void checkpoint(Connection c) throws SQLException {
        // What the CHECKPOINT statement does, without its demand for an admin user: the server may be
        // given a database user that can read and write but not administer.
        session(c).getDatabase().checkpoint();
    }

    // Once a second: a new journal segment, an H2 store that covers the old one, then the old one goes.
    private void checkpointLoop() {
        while (open) {
            try {
                Thread.sleep(checkpointMillis);
                if (open && journal.holdsRecords()) {
                    journal.rotate();
                    checkpoint();
                    journal.releaseRotated();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // The old segment stays on disk and is redone at the next start: nothing is lost.
                if (open) {
                    LOG.error("checkpoint of the commit journal failed; retrying", e);
                }
            }
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                boolean wrote = journal != null && session(c).hasPendingTransaction();
                c.commit();
                if (wrote) {
                    // Not group-committed, so not in the journal: H2 stores it before the caller hears "done".
                    checkpoint(c);
                }
                return result;
            } catch (Throwable t) {
                c.rollback();
                throw t;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Runs a read on a pooled connection in auto-commit mode. */
    public <T> T read(TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Stores everything, deletes the journal's last segment and closes the pool. */
    @Override
    public void close() {
        open = false;
        try {
            if (checkpointer != null) {
                checkpointer.interrupt();
                checkpointer.join(5_000);
            }
            if (journal != null) {
                // Only journaled sales wait for a store; every other write was stored when it committed
                // (and a command may have shut H2 down already, as import-sales does to compact the file).
                if (journal.holdsRecords()) {
                    checkpoint();
                }
                journal.delete();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The journal stays and is redone at the next start.
            LOG.warn("could not store the last commits at close; the commit journal keeps them for the next start", e);
        } finally {
            if (journal != null) {
                journal.close();
            }
            dataSource.close();
        }
    }

    /** Work done with a connection. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
