package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * What a running job sees: its parameters, its last checkpoint (null on a first run), and the way to
 * report progress. Every write is fenced by the run's attempt number: if a later attempt has taken the
 * job over, the write throws {@link JobLost} and (inside a transaction) rolls the work back with it.
 */
public final class JobContext {
    private final Database database;
    private final JobRepository jobs;
    private final JobRepository.JobRow job;
    private final JsonNode parameters;
    private final JsonNode checkpoint;
    private final Clock clock;
    private final JobListener listener;
    private final BooleanSupplier shuttingDown;

    JobContext(Database database, JobRepository jobs, JobRepository.JobRow job, Clock clock, JobListener listener,
               BooleanSupplier shuttingDown) {
        this.database = database;
        this.jobs = jobs;
        this.job = job;
        this.parameters = parse(job.parameters());
        this.checkpoint = job.checkpoint() == null ? null : parse(job.checkpoint());
        this.clock = clock;
        this.listener = listener;
        this.shuttingDown = shuttingDown;
    }

    public String jobId() {
        return job.jobId();
    }

    public String orgId() {
        return job.orgId();
    }

    public JsonNode parameters() {
        return parameters;
    }

    /** Where the previous attempt got to, or null when this is the first run (or it saved none). */
    public JsonNode checkpoint() {
        return checkpoint;
    }

    public int attempt() {
        return job.attempt();
    }

    public Clock clock() {
        return clock;
    }

    /** Reports progress; stops the job here (to resume later) if the server is shutting down. */
    public void progress(int percent) {
        save(null, percent);
    }

    /** Reports progress with a checkpoint, in its own transaction, after the work it covers committed. */
    public void progress(int percent, JsonNode newCheckpoint) {
        save(newCheckpoint, percent);
    }

    /**
     * Saves a checkpoint inside the caller's transaction, so the work and the record that it was done
     * commit together (a rerun then never repeats it). Call {@link #afterCommit} once it committed.
     */
    public void checkpoint(Connection c, int percent, JsonNode newCheckpoint) throws SQLException {
        if (!jobs.progress(c, job.jobId(), job.attempt(), clamp(percent), json(newCheckpoint), clock.instant())) {
            throw new JobLost(job.jobId(), job.attempt());
        }
    }

    /** The stop check and listener call that follow a checkpoint committed with {@link #checkpoint}. */
    public void afterCommit(int percent) {
        stopIfAsked();
        notifyListener(clamp(percent));
    }

    /** Stores (or replaces) a downloadable file of this job's result. */
    public void putFile(String name, String contentType, String content, int rows) {
        database.inTransaction(c -> {
            jobs.putFile(c, job.jobId(), name, contentType, content, rows);
            return null;
        });
    }

    /** Stores a result file streamed from {@code content} (replacing one of the same name). */
    public void putFile(String name, String contentType, Path content, int rows) {
        database.inTransaction(c -> {
            try {
                jobs.putFile(c, job.jobId(), name, contentType, content, rows);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + content, e);
            }
            return null;
        });
    }

    /** Stores a gzip-compressed result file from disk in parts (replacing one of the same name). */
    public void putCompressedFile(String name, String contentType, Path gzip, int rows) {
        database.inTransaction(c -> {
            try {
                jobs.putCompressedFile(c, job.jobId(), name, contentType, gzip, rows);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + gzip, e);
            }
            return null;
        });
    }

    /**
     * Stores compressed result files part by part while they are written, on a thread of its own (close it when
     * done; files begun and not completed are then removed).
     */
    public PartStore partStore() {
        return new PartStore(database, jobs, job.jobId());
    }

    /** Throws {@link JobStopped} if the server is stopping or this worker was interrupted. */
    public void stopIfAsked() {
        // Thread.interrupted() clears the flag: the requeue that follows needs a usable JDBC connection.
        if (shuttingDown.getAsBoolean() || Thread.interrupted()) {
            throw new JobStopped("the server is stopping; job " + job.jobId() + " resumes on the next start");
        }
    }

    private void save(JsonNode newCheckpoint, int percent) {
        int p = clamp(percent);
        boolean owned = database.inTransaction(c -> jobs.progress(c, job.jobId(), job.attempt(), p,
                newCheckpoint == null ? null : json(newCheckpoint), clock.instant()));
        if (!owned) {
            throw new JobLost(job.jobId(), job.attempt());
        }
        stopIfAsked();
        notifyListener(p);
    }

    private void notifyListener(int p) {
        try {
            listener.progressed(job.jobId(), job.type(), p);
        } catch (InterruptedException e) {
            // Not re-interrupting: the job is stopping, and the requeue that follows needs a usable connection.
            throw new JobStopped("job " + job.jobId() + " was interrupted at " + p + "%");
        }
    }

    private static int clamp(int percent) {
        return Math.max(0, Math.min(99, percent));
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
