package io.brigade.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.TestDatabases;
import io.brigade.server.webhooks.SecretBox;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database, its login and the master key are readable by the account running Brigade only. */
class DataFilesTest {
    @TempDir
    Path temp;

    @BeforeEach
    void posix() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void newH2DatabaseFilesAreOwnerOnly() throws Exception {
        Path data = temp.resolve("data");
        try (Database db = Database.open("jdbc:h2:file:" + data.resolve("brigade"), null, null)) {
            db.inTransaction(c -> null);
            assertEquals("rwx------", mode(data));
            assertEquals("rw-------", mode(data.resolve("brigade.mv.db")));
            assertEquals("rw-------", mode(data.resolve("brigade.credentials")));
        }
    }

    @Test
    void newH2DatabaseDoesNotOpenWithAnEmptyPassword() throws Exception {
        String url = TestDatabases.freshUrl("h2");
        Database.open(url, null, null).close();
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url, H2Login.DEFAULT_USER, "").close());
        assertTrue(refused.getMessage().toLowerCase().contains("password"), refused.getMessage());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "", "").close());
    }

    @Test
    void databaseMadeWithAnEmptyPasswordStillOpens() throws Exception {
        String url = "jdbc:h2:file:" + temp.resolve("old");
        DriverManager.getConnection(url, "sa", "").close(); // as an older version made it: no password
        try (Database db = Database.open(url, "sa", "")) {
            assertEquals(0, TestDatabases.queryLong(db, "SELECT COUNT(*) FROM orgs WHERE org_id <> ?", "x"));
        }
        assertFalse(Files.exists(temp.resolve("old.credentials")), "its login is left as it was");
        DriverManager.getConnection(url, "sa", "").close();
    }

    @Test
    void masterKeyFileIsOwnerOnly() throws Exception {
        Assumptions.assumeTrue(System.getenv(SecretBox.ENV) == null, "the key comes from the environment here");
        Path keys = temp.resolve("keys");
        SecretBox.fromEnvOrFile(keys.resolve("master.key"));
        assertEquals("rwx------", mode(keys));
        assertEquals("rw-------", mode(keys.resolve("master.key")));
    }
}
