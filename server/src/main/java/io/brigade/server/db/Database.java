package io.brigade.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The server's connection pool, migrated by Flyway at start-up, with a transaction helper. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /**
     * Opens the pool and migrates. An H2 URL gets {@code WRITE_DELAY=0} appended when it does not say
     * otherwise: H2 otherwise writes commits in the background and loses about a second of
     * acknowledged sales on {@code kill -9}.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        String url = jdbcUrl;
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase().contains("WRITE_DELAY")) {
            url = url + ";WRITE_DELAY=0";
        }
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase().contains("QUERY_CACHE_SIZE")) {
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
        config.setMaximumPoolSize(postgres ? 16 : 24);
        config.setAutoCommit(true);
        config.setPoolName("brigade");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, postgres);
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
                c.commit();
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

    @Override
    public void close() {
        dataSource.close();
    }

    /** Work done with a connection. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
