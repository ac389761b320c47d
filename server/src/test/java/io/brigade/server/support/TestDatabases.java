package io.brigade.server.support;

import io.brigade.server.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Real databases for tests: H2 files in a temp folder and one embedded PostgreSQL server per JVM. */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A JDBC URL (user "sa"/"postgres" implied by {@link #user}) for a fresh, empty database of that kind. */
    public static String freshUrl(String kind) {
        return switch (kind) {
            case "h2" -> h2Url();
            case "postgres" -> postgresUrl();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public static String user(String kind) {
        return kind.equals("postgres") ? "postgres" : null;
    }

    /** The one number {@code sql} (with one string parameter, {@code arg}) answers, e.g. a count. */
    public static long queryLong(Database database, String sql, String arg) {
        return database.read(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The declared size of a text column, "table.column", as the database reports it; -1 for no such column. */
    public static int columnSize(Database database, String column) {
        String[] parts = column.split("\\.");
        return database.read(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT character_maximum_length FROM "
                    + "information_schema.columns WHERE LOWER(table_name) = ? AND LOWER(column_name) = ?")) {
                ps.setString(1, parts[0]);
                ps.setString(2, parts[1]);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            }
        });
    }

    private static String h2Url() {
        try {
            Path dir = Files.createTempDirectory("brigade-h2-");
            return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String postgresUrl() {
        try {
            if (postgres == null) {
                // The embedded server turns fsync and synchronous_commit off by default; the server refuses to
                // start on that, and the tests run with what production runs with.
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            String name = "brigade_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                 Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL failed to start", e);
        }
    }
}
