package io.brigade.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brigade.server.support.OneBatch;
import io.brigade.server.support.TestDatabases;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupCommitterTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRolledBackWriteTakesItsDeferredPartsWithIt(String kind) throws Exception {
        try (Database database = open(kind); GroupCommitter committer = new GroupCommitter(database)) {
            List<List<String>> runs = new ArrayList<>();
            GroupCommitter.BatchWork<String> collect = (c, parts) -> {
                runs.add(List.copyOf(parts));
                for (String part : parts) {
                    insert(c, "batch:" + part);
                }
            };
            List<Future<String>> writes = inOneBatch(committer, List.of(
                    c -> write(c, "a", collect),
                    c -> {
                        write(c, "b", collect);
                        throw new IllegalArgumentException("b is refused");
                    },
                    c -> write(c, "c", collect)));
            assertEquals("a", writes.get(0).get());
            assertThrows(Exception.class, () -> writes.get(1).get());
            assertEquals("c", writes.get(2).get());

            assertEquals(List.of(List.of("a", "c")), runs, "one run for the batch, without b's part");
            assertEquals(List.of("a", "batch:a", "batch:c", "c"), rows(database));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFailingBatchWorkKeepsNoneOfTheBatchsWrites(String kind) throws Exception {
        try (Database database = open(kind); GroupCommitter committer = new GroupCommitter(database)) {
            GroupCommitter.BatchWork<String> failing = (c, parts) -> {
                throw new java.sql.SQLException("the rollup table is gone");
            };
            List<Future<String>> writes = inOneBatch(committer, List.of(
                    c -> write(c, "a", failing),
                    c -> write(c, "b", failing)));
            for (Future<String> write : writes) {
                assertThrows(Exception.class, write::get);
            }
            assertEquals(List.of(), rows(database));

            // The committer goes on with the next batch.
            assertEquals("d", committer.write(c -> {
                insert(c, "d");
                return "d";
            }));
            assertEquals(List.of("d"), rows(database));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aStatementFailingMidBatchFailsItsWriteAloneEvenWherePostgresAbortsTheTransaction(String kind)
            throws Exception {
        // A batch first runs without savepoints; PostgreSQL aborts the whole transaction at the duplicate,
        // so the batch has to be rolled back and run again with a savepoint per write.
        try (Database database = open(kind); GroupCommitter committer = new GroupCommitter(database)) {
            committer.write(c -> {
                insert(c, "taken");
                return null;
            });
            List<Future<String>> writes = inOneBatch(committer, List.of(
                    c -> {
                        insert(c, "x");
                        return "x";
                    },
                    c -> {
                        insert(c, "taken");
                        return "duplicate";
                    },
                    c -> {
                        insert(c, "y");
                        return "y";
                    }));
            assertEquals("x", writes.get(0).get());
            Exception refused = assertThrows(Exception.class, () -> writes.get(1).get());
            assertEquals(true, refused.getCause() instanceof DataAccessException dae && dae.isUniqueViolation(),
                    "the caller sees the duplicate, as with a savepoint: " + refused);
            assertEquals("y", writes.get(2).get());
            assertEquals(List.of("taken", "x", "y"), rows(database));

            // Alone in its batch, the failing write needs no second run.
            assertThrows(DataAccessException.class, () -> committer.write(c -> {
                insert(c, "x");
                return null;
            }));
            assertEquals(List.of("taken", "x", "y"), rows(database));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aBatchedCheckThatRefusesOneWriteFailsThatWriteAlone(String kind) throws Exception {
        try (Database database = open(kind); GroupCommitter committer = new GroupCommitter(database)) {
            committer.write(c -> {
                insert(c, "taken");
                return null;
            });
            List<Integer> runSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
            GroupCommitter.BatchWork<String> insertAll = (c, values) -> {
                runSizes.add(values.size());
                for (String v : values) {
                    insert(c, v);
                }
            };
            List<Future<String>> writes = inOneBatch(committer, List.of(
                    c -> check(c, "p", insertAll), c -> check(c, "taken", insertAll), c -> check(c, "q", insertAll)));
            assertEquals("p", writes.get(0).get());
            Exception refused = assertThrows(Exception.class, () -> writes.get(1).get());
            assertEquals(true, refused.getCause() instanceof DataAccessException dae && dae.isUniqueViolation(),
                    "the refused write sees the duplicate: " + refused);
            assertEquals("q", writes.get(2).get());
            assertEquals(List.of("p", "q", "taken"), rows(database));
            assertEquals(List.of(3, 1, 1, 1), runSizes, "batched first; then once per write, under savepoints");
        }
    }

    private static String check(java.sql.Connection c, String value, GroupCommitter.BatchWork<String> work)
            throws java.sql.SQLException {
        GroupCommitter.checkOncePerBatch(c, work, value);
        return value;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void outsideAGroupCommitTheWorkRunsAtOnceInTheCallersTransaction(String kind) throws Exception {
        try (Database database = open(kind)) {
            List<List<String>> runs = new ArrayList<>();
            GroupCommitter.BatchWork<String> collect = (c, parts) -> {
                runs.add(List.copyOf(parts));
                for (String part : parts) {
                    insert(c, "batch:" + part);
                }
            };
            assertThrows(IllegalStateException.class, () -> database.inTransaction(c -> {
                write(c, "a", collect);
                assertEquals(List.of(List.of("a")), runs, "ran at once, with its one part");
                throw new IllegalStateException("the caller rolls back");
            }));
            assertEquals(List.of(), rows(database), "the work's rows went with the caller's transaction");
            database.inTransaction(c -> write(c, "b", collect));
            assertEquals(List.of("b", "batch:b"), rows(database));
        }
    }

    private static String write(java.sql.Connection c, String value, GroupCommitter.BatchWork<String> work)
            throws java.sql.SQLException {
        insert(c, value);
        GroupCommitter.runOncePerBatch(c, work, value);
        return value;
    }

    private static List<Future<String>> inOneBatch(GroupCommitter committer, List<Database.TransactionWork<String>> works)
            throws Exception {
        List<Callable<String>> calls = new ArrayList<>();
        works.forEach(work -> calls.add(() -> committer.write(work)));
        return OneBatch.run(committer, calls);
    }

    private static Database open(String kind) throws Exception {
        Database database = Database.open(TestDatabases.freshUrl(kind), TestDatabases.user(kind), null);
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("CREATE TABLE committer_test (v VARCHAR(40) PRIMARY KEY)")) {
                ps.execute();
            }
            return null;
        });
        return database;
    }

    private static void insert(java.sql.Connection c, String value) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO committer_test (v) VALUES (?)")) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
    }

    private static List<String> rows(Database database) {
        return database.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM committer_test ORDER BY v");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
