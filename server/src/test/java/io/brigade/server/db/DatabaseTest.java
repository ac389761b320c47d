package io.brigade.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.brigade.server.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The H2 file database: stores that make writes durable work for any user that may write. */
class DatabaseTest {

    @Test
    void aDatabaseUserWithoutAdminRightsWritesDurablyAndTheJournalEmpties() throws Exception {
        String url = TestDatabases.freshUrl("h2");
        try (Database owner = Database.open(url, null, null)) {
            owner.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE clerk_notes (v VARCHAR(40) PRIMARY KEY)");
                    st.execute("CREATE USER clerk PASSWORD 'pw'");
                    st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO clerk");
                }
                return null;
            });
        }
        try (Database clerk = Database.open(url, "clerk", "pw", Duration.ofMillis(50));
             GroupCommitter committer = new GroupCommitter(clerk)) {
            // A transaction of its own has H2 store before it returns (H2's CHECKPOINT statement needs an admin).
            clerk.inTransaction(c -> insert(c, "own transaction"));
            // A group commit is acknowledged from the journal; the checkpoint thread then stores and empties it.
            committer.write(c -> {
                insert(c, "group commit");
                GroupCommitter.journal("redo".getBytes(StandardCharsets.UTF_8));
                return null;
            });
            CommitJournal journal = clerk.journal().orElseThrow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (journal.holdsRecords() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(journal.holdsRecords(), "the checkpoint stored the group commit and emptied the journal");
            assertEquals(2, TestDatabases.queryLong(clerk, "SELECT COUNT(*) FROM clerk_notes WHERE v <> ?", ""));
        }
    }

    private static Void insert(java.sql.Connection c, String value) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO clerk_notes (v) VALUES (?)")) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
        return null;
    }
}
