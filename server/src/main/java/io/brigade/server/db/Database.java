package io.brigade.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's connection pool, migrated by Flyway at start-up, with one entry point for reads and one for
 * writes.
 *
 * <p>A write ({@link #inTransaction}) is on disk before it returns. PostgreSQL does that in its commit (with
 * {@code synchronous_commit} on, which start-up checks). H2 does not: it keeps commits in memory and neither
 * stores nor fsyncs them at once, so after the commit a {@link GroupSync} runs {@code CHECKPOINT SYNC} (H2
 * stores what is committed, then forces the file to disk), one for all the commits that finished before it
 * started. The sale batcher waits for the same sync through {@link #syncCommitted()}.
 */
public final class Database implements AutoCloseable {
    /**
     * For benchmarks only: {@code -Dbrigade.bench.skipSync=true} makes commits acknowledged before they are on
     * disk (H2: no {@code CHECKPOINT SYNC}; PostgreSQL: {@code synchronous_commit = off}), so that the price of
     * durability can be measured. A power cut or {@code kill -9} then loses acknowledged writes.
     */
    public static final String SKIP_SYNC_PROPERTY = "brigade.bench.skipSync";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    // H2's ErrorCode.ADMIN_RIGHTS_REQUIRED: CHECKPOINT SYNC is for admins only.
    private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final GroupSync sync;
    /** Where reads that may lag go (a standby); null: the main pool takes them. */
    private final HikariDataSource readPool;

    private Database(HikariDataSource dataSource, boolean postgres, GroupSync sync, HikariDataSource readPool) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.sync = sync;
        this.readPool = readPool;
    }

    /**
     * Opens the pool, migrates, and checks that commits can be made durable: on H2 the user must be an admin
     * (the server creates its own H2 database, whose creator is one); on PostgreSQL {@code synchronous_commit}
     * and {@code fsync} must be on. Otherwise it refuses to start, saying why.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, !Boolean.getBoolean(SKIP_SYNC_PROPERTY));
    }

    /** As {@link #open(String, String, String)}; {@code durable} false is for benchmarks only (see {@link #SKIP_SYNC_PROPERTY}). */
    public static Database open(String jdbcUrl, String user, String password, boolean durable) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        boolean h2 = jdbcUrl.startsWith("jdbc:h2:");
        String url = jdbcUrl;
        if (h2 && !url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
            // H2 re-parses SQL past 8 cached statements per session; a sale uses about 15.
            url = url + ";QUERY_CACHE_SIZE=64";
        }
        if (h2 && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            // The server closes the database itself after its last request (BrigadeServer.close); H2's own
            // shutdown hook would close it under requests still being answered. Every commit is on disk already.
            url = url + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (h2 && !url.toUpperCase(Locale.ROOT).contains("TRACE_LEVEL_FILE")) {
            // H2 writes every statement it refuses, with the offending value, to a .trace.db file beside the
            // database: a log of customers' data. The server logs what fails itself, without the values.
            url = url + ";TRACE_LEVEL_FILE=0";
        }
        String upper = url.toUpperCase(Locale.ROOT);
        boolean embeddedFile = h2 && !upper.startsWith("JDBC:H2:MEM:") && !upper.startsWith("JDBC:H2:TCP:")
                && !upper.startsWith("JDBC:H2:SSL:") && !upper.contains("AUTO_SERVER=TRUE");
        Optional<Path> h2File = embeddedFile ? H2Login.basePath(url) : Optional.empty();
        if (h2File.isPresent()) {
            DataFiles.directory(h2File.get().getParent());
            H2Login login = H2Login.forFile(h2File.get(), user, password);
            user = login.user();
            password = login.password();
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
            // JDBC batches (a batch's sales, tickets, events) go as multi-row INSERTs: one round trip.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            if (!durable) {
                config.setConnectionInitSql("SET synchronous_commit = off");
            }
        }
        config.setMaximumPoolSize(postgres ? 16 : 24);
        config.setAutoCommit(true);
        config.setPoolName("brigade");
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            // The URL's settings (TRACE_LEVEL_FILE) already need an admin.
            throw h2 && adminRightsRequired(e) ? notAnAdmin(user, e) : e;
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .javaMigrations(new H2ForeignKeyIndexes()).load().migrate();
            h2File.ifPresent(H2Login::tighten);
            if (!durable) {
                LOG.warn("{} is set: commits are NOT forced to disk before they are acknowledged. Benchmarks only: "
                        + "a power cut or kill -9 loses acknowledged sales.", SKIP_SYNC_PROPERTY);
            } else if (postgres) {
                checkPostgresFlushes(ds);
            } else if (h2) {
                checkH2MaySync(ds, user);
            }
            return new Database(ds, postgres, durable && h2 ? GroupSync.h2(ds) : GroupSync.none(), null);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /**
     * This database with a second, read-only pool on {@code readUrl} for the reads that may lag behind the last
     * commits ({@link #readLagging}: analytics views, exports), typically a PostgreSQL standby, e.g.
     * {@code jdbc:postgresql://db1,db2/brigade?targetServerType=preferSecondary}: a standby while one is up, the
     * primary otherwise. Its connections are read-only, so nothing can write through it. Writes, and reads a
     * writer must see at once, stay on the main pool.
     */
    public static Database open(String jdbcUrl, String user, String password, String readUrl) {
        Database main = open(jdbcUrl, user, password);
        if (readUrl == null || readUrl.isBlank()) {
            return main;
        }
        if (!main.postgres || !readUrl.startsWith("jdbc:postgresql:")) {
            main.close();
            throw new IllegalArgumentException("a read pool is for PostgreSQL standbys: the main and the read URL "
                    + "must both be jdbc:postgresql: URLs");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(readUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setReadOnly(true);
        config.setMaximumPoolSize(8);
        // A standby that is down at start-up must not stop the node: the pool connects when a read needs it.
        config.setInitializationFailTimeout(-1);
        config.setPoolName("brigade-read");
        return new Database(main.dataSource, true, main.sync, new HikariDataSource(config));
    }

    // Also the first sync: the migrations just run are on disk too.
    private static void checkH2MaySync(DataSource ds, String user) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(GroupSync.H2_SYNC);
        } catch (SQLException e) {
            throw adminRightsRequired(e) ? notAnAdmin(user, e) : new DataAccessException(e);
        }
    }

    private static boolean adminRightsRequired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_ADMIN_RIGHTS_REQUIRED) {
                return true;
            }
        }
        return false;
    }

    private static IllegalStateException notAnAdmin(String user, Throwable e) {
        return new IllegalStateException("the H2 user " + (user == null || user.isEmpty() ? "(default)" : user)
                + " is not an admin. Brigade forces every commit to disk with H2's CHECKPOINT SYNC, which only an "
                + "admin may run: use the user that created the database (the server creates its own), or make "
                + "this one an admin (ALTER USER ... ADMIN TRUE)", e);
    }

    private static void checkPostgresFlushes(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String setting : new String[] {"synchronous_commit", "fsync"}) {
                try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
                    rs.next();
                    if ("off".equalsIgnoreCase(rs.getString(1))) {
                        throw new IllegalStateException("PostgreSQL runs with " + setting + " = off for this user: "
                                + "a commit could be acknowledged before it is on disk, and a power cut would lose "
                                + "acknowledged sales. Turn it on (e.g. ALTER ROLE ... SET " + setting + " = on, "
                                + "or in postgresql.conf)");
                    }
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Runs {@code work} in one write transaction: committed if it returns, rolled back if it throws. It returns
     * once the commit is on disk (a commit that was made but could not be synced throws {@link SyncFailed}).
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        T result;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                result = work.run(c);
                c.commit();
            } catch (Throwable t) {
                throw unchecked(rolledBack(c, t));
            } finally {
                if (!c.isClosed()) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw DatabaseUnavailableException.of(e);
        }
        // The connection is back in the pool while this waits: the sync uses its own.
        awaitOnDisk(syncCommitted());
        return result;
    }

    /**
     * Runs a read on a pooled connection in auto-commit mode. It must not write: nothing it does is forced to
     * disk ({@link #inTransaction} is the way to write).
     */
    public <T> T read(TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw DatabaseUnavailableException.of(e);
        }
    }

    /**
     * Runs a read that may see the database as it was a moment ago (a standby replays the primary's log with a
     * delay): analytics views and exports. On the read pool when there is one, else on the main pool. It runs in
     * a read-only transaction, so PostgreSQL streams a large result through a cursor instead of sending it whole.
     */
    public <T> T readLagging(TransactionWork<T> work) {
        try (Connection c = (readPool != null ? readPool : dataSource).getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                if (postgres) {
                    // PostgreSQL compiles a query it costs high (a month of the reconciliation, a day of the
                    // export) before running it: 0.4 to 7 s measured here, longer than reading the rows takes.
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute("SET LOCAL jit = off");
                    }
                }
                T result = work.run(c);
                c.rollback();
                return result;
            } catch (Throwable t) {
                throw unchecked(rolledBack(c, t));
            } finally {
                if (!c.isClosed()) {
                    c.setReadOnly(readPool != null);
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw DatabaseUnavailableException.of(e);
        }
    }

    /**
     * What a failed transaction throws after its rollback: {@code failure} itself, or, when the pool has closed
     * the connection as broken (the server went away), a lost connection, whatever a step made of the first error.
     */
    private static Throwable rolledBack(Connection c, Throwable failure) throws SQLException {
        if (c.isClosed()) {
            SQLException lost = new java.sql.SQLTransientConnectionException("the connection was lost", "08003");
            lost.addSuppressed(failure);
            return lost;
        }
        try {
            c.rollback();
        } catch (SQLException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
        return failure;
    }

    /** Throws {@code t} if it is unchecked; else returns it as the SQLException it is (work throws no other). */
    private static SQLException unchecked(Throwable t) {
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof SQLException sql ? sql : new SQLException(t);
    }

    /** Whether reads that may lag go to a pool of their own (a standby). */
    public boolean hasReadPool() {
        return readPool != null;
    }

    /**
     * A future completed once everything committed before this call is on disk (at once on PostgreSQL, whose
     * commit already is). Call it after a commit of your own, as the sale batcher does; it fails with
     * {@link SyncFailed} if the sync fails.
     */
    public CompletableFuture<Void> syncCommitted() {
        return sync.afterCommit();
    }

    private static void awaitOnDisk(CompletableFuture<Void> onDisk) {
        try {
            onDisk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncFailed("interrupted while waiting for the commit to reach the disk");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SyncFailed failed ? failed : new SyncFailed(e.getCause().toString());
        }
    }

    /**
     * H2 only: rewrites the file without the space its history left ({@code SHUTDOWN COMPACT}, which stores
     * everything) and closes the database. For a command that owns it: nothing can use the pool afterwards.
     */
    public void compactAndCloseH2() {
        try {
            Connection c = dataSource.getConnection();
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            }
            try {
                c.close();
            } catch (SQLException closedByTheShutdown) {
                // the pool's reset of the connection meets the database the shutdown just closed
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Syncs what is left and closes the pool. */
    @Override
    public void close() {
        try {
            sync.close();
        } finally {
            dataSource.close();
            if (readPool != null) {
                readPool.close();
            }
        }
    }

    /** Work done with a connection. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
