package io.brigade.server.db;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The database refuses to start where it could not make every commit durable before it is acknowledged. */
class DatabaseTest {

    @Test
    void anH2UserWithoutAdminRightsIsRefusedAtStartUp() throws Exception {
        String url = TestDatabases.freshUrl("h2");
        try (Database owner = Database.open(url, null, null)) {
            owner.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE USER clerk PASSWORD 'pw'");
                    st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO clerk");
                }
                return null;
            });
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Database.open(url, "clerk", "pw").close());
        assertTrue(refused.getMessage().contains("the H2 user clerk is not an admin"), refused.getMessage());
        assertTrue(refused.getMessage().contains("CHECKPOINT SYNC"), refused.getMessage());
    }

    @Test
    void postgresWithSynchronousCommitOffIsRefusedAtStartUp() throws Exception {
        String url = TestDatabases.freshUrl("postgres");
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?') > 0 ? url.indexOf('?') : url.length());
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Database.open(url, "postgres", null).close());
        assertTrue(refused.getMessage().contains("synchronous_commit = off"), refused.getMessage());
    }
}
