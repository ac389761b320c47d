package io.brigade.desktop.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till's database file is migrated when it is behind and opened as it is when it is current. */
class LocalDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theSchemaVersionIsTheHighestShippedMigration() throws IOException {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int highest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/desktop"))) {
            highest = files.map(p -> name.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertEquals(highest, LocalDatabase.SCHEMA_VERSION, "a new migration must raise SCHEMA_VERSION");
    }

    @Test
    void aFileBehindTheSchemaIsMigratedAndACurrentOneOpensAsItIs() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("till") + ";WRITE_DELAY=0");
        ds.setUser("sa");
        assertEquals(-1, LocalDatabase.installedVersion(ds), "a new file");
        // A till from before the latest migration.
        Flyway.configure().dataSource(ds).locations("classpath:db/desktop").target(String.valueOf(
                LocalDatabase.SCHEMA_VERSION - 1)).load().migrate();
        assertEquals(LocalDatabase.SCHEMA_VERSION - 1, LocalDatabase.installedVersion(ds));

        LocalDatabase.open(dir).close();
        assertEquals(LocalDatabase.SCHEMA_VERSION, LocalDatabase.installedVersion(ds), "migrated on open");
        LocalDatabase.open(dir).close();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            rs.next();
            // Versions are reserved per feature, so the numbers may have gaps: count the migration files.
            long migrations;
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                    java.nio.file.Path.of("src", "main", "resources", "db", "desktop"))) {
                migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            }
            assertEquals(migrations, rs.getInt(1), "each migration applied once");
        }
        try (Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM snooze_cache")) {
            assertEquals(true, rs.next(), "the latest migration's table is there");
        }
    }

    @Test
    void aNewTillFileIsOwnerOnlyAndNeedsItsPassword() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews().contains("posix"));
        LocalDatabase.open(dir).close();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("till.mv.db"))));
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("till") + ";WRITE_DELAY=0");
        ds.setUser("sa");
        org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> ds.getConnection().close(),
                "an empty password no longer opens a new till's file");
    }
}
