package io.brigade.desktop.local;

import io.brigade.desktop.embedded.DataFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The terminal's own H2 file. Every commit is written before it returns ({@code WRITE_DELAY=0}), and
 * {@link #syncToDisk} forces the file to the platter for the rows that must survive a power cut.
 */
public final class LocalDatabase {
    /** The highest migration under {@code db/desktop}; {@code LocalDatabaseTest} keeps the two in step. */
    static final int SCHEMA_VERSION = 11;
    private final Connection connection;

    private LocalDatabase(Connection connection) {
        // One connection, used under this object's lock: the till is one writer and H2 embedded is fastest so.
        this.connection = connection;
    }

    /** Opens (creating and migrating if needed) {@code directory/till.mv.db}. */
    public static LocalDatabase open(Path directory) {
        Path file = directory.toAbsolutePath().resolve("till");
        // A new till database gets a random password beside it; one made before that opens as it was made.
        DataFiles.Login login = DataFiles.h2Login(file, "sa", "");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file + ";WRITE_DELAY=0");
        ds.setUser(login.user());
        ds.setPassword(login.password());
        Connection connection;
        try {
            connection = ds.getConnection();
        } catch (SQLException e) {
            throw new LocalStorageException("cannot open the till database in " + directory, e);
        }
        try {
            // Flyway costs about half a second of a till's start: skip it when this file is already at the schema
            // this build ships. Only this app ever migrates the till's own file, so there is nothing else to check.
            // The version is read on the connection the till keeps, so a current file is opened once, not twice.
            if (installedVersion(connection) != SCHEMA_VERSION) {
                Flyway.configure().dataSource(ds).locations("classpath:db/desktop").load().migrate();
            }
            DataFiles.tightenH2(file);
            return new LocalDatabase(connection);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Makes {@code path} readable and writable by this PC's user alone where the file system has POSIX permissions:
     * the till database holds the device credential of a desktop that joined a store and the staff's PIN digests.
     */
    static void ownerOnly(Path path) {
        try {
            if (java.nio.file.Files.exists(path) && java.nio.file.Files.getFileStore(path)
                    .supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                java.nio.file.Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions
                        .fromString(java.nio.file.Files.isDirectory(path) ? "rwx------" : "rw-------"));
            }
        } catch (java.io.IOException e) {
            throw new LocalStorageException("cannot make " + path + " private to this user", e);
        }
    }

    /** The highest successfully applied migration, or -1 for a new file or one Flyway never finished. */
    static int installedVersion(JdbcDataSource ds) {
        try (Connection c = ds.getConnection()) {
            return installedVersion(c);
        } catch (SQLException e) {
            throw new LocalStorageException("cannot open the till database", e);
        }
    }

    private static int installedVersion(Connection c) {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" "
                     + "WHERE \"success\" AND \"version\" IS NOT NULL")) {
            return rs.next() && rs.getObject(1) != null ? rs.getInt(1) : -1;
        } catch (SQLException noHistoryYet) {
            return -1;
        }
    }

    /** Runs {@code work} in one transaction; nothing it wrote remains if it throws. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (LocalStorageException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalStorageException("local database: " + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #inTransaction} and then {@code CHECKPOINT SYNC}: H2 does not fsync on commit, so a sale
     * the cashier was told is saved must be forced to disk before we say so.
     */
    public synchronized <T> T inDurableTransaction(Work<T> work) {
        T result = inTransaction(work);
        syncToDisk();
        return result;
    }

    public synchronized void syncToDisk() {
        try (Statement s = connection.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new LocalStorageException("cannot sync the till database to disk", e);
        }
    }

    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LocalStorageException("cannot close the till database", e);
        }
    }

    /** Work done with the connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws Exception;
    }
}
