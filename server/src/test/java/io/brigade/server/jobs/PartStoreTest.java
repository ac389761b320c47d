package io.brigade.server.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job's compressed result file is stored part by part while it is written: cut where a file on disk would be
 * cut, listed once complete, gone when the job stops before completing it.
 */
class PartStoreTest {
    private final JobRepository jobs = new JobRepository();

    private String newJob(Database database) {
        DemoBootstrap.Result ids = new DemoBootstrap(database, Clock.systemUTC()).run("Parts Bistro");
        String jobId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        database.inTransaction(c -> {
            jobs.insert(c, new JobRepository.JobRow(jobId, ids.orgId(), "analytics-export", JobStatus.ACTIVE, 0, "{}",
                    null, null, null, 1, now, now, now, null));
            return null;
        });
        return jobId;
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) r.nextInt(256);
        }
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFileLargerThanAPartReadsBackAsTheBytesWrittenInPartsOfTheFullSize(String db) throws Exception {
        try (Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null)) {
            String jobId = newJob(database);
            byte[] bytes = random(2 * JobRepository.PART_BYTES + 12_345);
            try (PartStore store = new PartStore(database, jobs, jobId)) {
                PartStore.File file = store.file("lines.csv", "text/csv; charset=utf-8");
                SplittableRandom r = new SplittableRandom(11);
                for (int off = 0; off < bytes.length; ) {
                    int n = Math.min(bytes.length - off, 1 + r.nextInt(200_000));
                    file.write(bytes, off, n);
                    off += n;
                }
                file.complete(42);
            }
            JobRepository.FileRow row = database.read(c -> jobs.fileContents(c, jobId)).get(0);
            assertEquals(3, row.parts());
            assertEquals(42, row.rows());
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            for (int part = 0; part < row.parts(); part++) {
                int p = part;
                byte[] stored = database.read(c -> jobs.part(c, jobId, "lines.csv", p));
                assertEquals(p < 2 ? JobRepository.PART_BYTES : 12_345, stored.length);
                read.write(stored);
            }
            assertArrayEquals(bytes, read.toByteArray());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFileIsListedOnceItIsCompleteAndNotWhileItIsWritten(String db) throws Exception {
        try (Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null)) {
            String jobId = newJob(database);
            try (PartStore store = new PartStore(database, jobs, jobId)) {
                PartStore.File file = store.file("sales.csv", "text/csv; charset=utf-8");
                file.write(random(JobRepository.PART_BYTES + 1));
                // Its first part is stored while the file is written, and the file is still not listed.
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions()
                        .until(() -> database.read(c -> jobs.part(c, jobId, "sales.csv", 0)).length
                                == JobRepository.PART_BYTES);
                assertEquals(List.of(), database.read(c -> jobs.files(c, jobId)));
                file.complete(1);
                assertEquals(List.of("sales.csv"), database.read(c -> jobs.files(c, jobId)).stream()
                        .map(f -> f.name()).toList());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFileBegunAndNotCompletedIsRemovedWithItsPartsWhenTheStoreCloses(String db) throws Exception {
        try (Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null)) {
            String jobId = newJob(database);
            try (PartStore store = new PartStore(database, jobs, jobId)) {
                store.file("sales.csv", "text/csv; charset=utf-8").write(random(JobRepository.PART_BYTES + 1));
                PartStore.File done = store.file("charges.csv", "text/csv; charset=utf-8");
                done.write(random(10));
                done.complete(0);
            }
            assertEquals(List.of("charges.csv"), database.read(c -> jobs.files(c, jobId)).stream()
                    .map(f -> f.name()).toList());
            assertEquals(1, TestDatabases.queryLong(database, "SELECT COUNT(*) FROM job_file_parts WHERE job_id = ?",
                    jobId), "the unfinished file's part is gone");
            assertTrue(database.read(c -> jobs.fileContents(c, jobId)).stream()
                    .noneMatch(f -> f.name().equals("sales.csv")));
        }
    }
}
