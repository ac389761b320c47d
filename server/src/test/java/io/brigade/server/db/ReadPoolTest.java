package io.brigade.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.TestDatabases;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pool for reads that may lag (a standby in production; here the same PostgreSQL, read-only). */
class ReadPoolTest {
    private static Database database;

    @BeforeAll
    static void open() {
        String url = TestDatabases.freshUrl("postgres");
        database = Database.open(url, "postgres", null, url);
        database.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE read_pool_probe (n INT)");
                st.execute("INSERT INTO read_pool_probe VALUES (7)");
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aLaggingReadGoesThroughTheReadPool() {
        assertTrue(database.hasReadPool());
        assertEquals(Integer.valueOf(7), database.<Integer>readLagging(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT n FROM read_pool_probe");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }

    @Test
    void aWriteThroughTheReadPoolIsRefused() {
        DataAccessException refused = assertThrows(DataAccessException.class, () -> database.readLagging(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO read_pool_probe VALUES (8)");
            }
        }));
        assertTrue(refused.getCause().getMessage().contains("read-only"), refused.getCause().getMessage());
    }

    @Test
    void aReadPoolNeedsPostgres() {
        assertThrows(IllegalArgumentException.class, () -> Database.open(TestDatabases.freshUrl("h2"), null, null,
                "jdbc:h2:mem:x"));
    }
}
