package io.brigade.server.jobs;

import io.brigade.protocol.jobs.JobFile;
import io.brigade.server.db.Sql;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code jobs} and {@code job_files} tables. Every write from a run is fenced by its attempt number. */
public final class JobRepository {

    /** A stored job. */
    public record JobRow(String jobId, String orgId, String type, JobStatus status, int progress, String parameters,
                         String result, String error, String checkpoint, int attempt, Instant createdAt,
                         Instant runAt, Instant startedAt, Instant finishedAt) {
    }

    /**
     * A stored file: small ones with their {@code content}; large ones kept as {@code parts} slices of one gzip
     * stream (content null), read with {@link #part}.
     */
    public record FileRow(String name, String contentType, String content, int rows, Integer parts) {
    }

    /** How large a stored part of a compressed file is at most. */
    static final int PART_BYTES = 8 << 20;
    /** A compressed file still being written (see {@link #beginCompressedFile}) has no parts yet. */
    private static final String FINISHED = "AND (parts IS NULL OR parts > 0)";

    private static final String COLUMNS = "job_id, org_id, type, status, progress, parameters, result, error, "
            + "checkpoint, attempt, created_at, run_at, started_at, finished_at";

    public void insert(Connection c, JobRow job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (" + COLUMNS + ", updated_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, job.jobId(), job.orgId(), job.type(), job.status().wireName(), job.progress(),
                    job.parameters(), job.result(), job.error(), job.checkpoint(), job.attempt(), job.createdAt(),
                    job.runAt(), job.startedAt(), job.finishedAt(), job.createdAt());
            ps.executeUpdate();
        }
    }

    public Optional<JobRow> find(Connection c, String orgId, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE org_id = ? AND job_id = ?")) {
            Sql.bind(ps, orgId, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    public Optional<JobRow> find(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE job_id = ?")) {
            Sql.bind(ps, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Newest first, optionally of one status and/or type. */
    public List<JobRow> list(Connection c, String orgId, JobStatus status, String type, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE org_id = ?");
        List<Object> args = new ArrayList<>(List.of(orgId));
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.wireName());
        }
        if (type != null) {
            sql.append(" AND type = ?");
            args.add(type);
        }
        sql.append(" ORDER BY created_at DESC, job_id");
        List<JobRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Sql.bind(ps, args.toArray());
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    /** A job's execution in db-scheduler's table: whether a node holds it and when that node last beat. */
    public record Execution(boolean picked, Instant lastHeartbeat) {
    }

    /** The executions of {@code jobIds} (jobs with none are left out). */
    public Map<String, Execution> executions(Connection c, List<String> jobIds) throws SQLException {
        Map<String, Execution> out = new HashMap<>();
        for (int from = 0; from < jobIds.size(); from += 500) {
            List<String> slice = jobIds.subList(from, Math.min(jobIds.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement("SELECT task_instance, picked, last_heartbeat "
                    + "FROM scheduled_tasks WHERE task_name = ? AND task_instance IN (" + Sql.marks(slice.size())
                    + ")")) {
                Object[] args = new Object[slice.size() + 1];
                args[0] = JobEngine.TASK_NAME;
                for (int i = 0; i < slice.size(); i++) {
                    args[i + 1] = slice.get(i);
                }
                Sql.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Execution(rs.getBoolean(2), Sql.instant(rs, "last_heartbeat")));
                    }
                }
            }
        }
        return out;
    }

    /** Jobs not finished: on start-up each gets its queue entry back if it lost it. */
    public List<JobRow> unfinished(Connection c) throws SQLException {
        List<JobRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM jobs WHERE status IN ('waiting', 'delayed', 'active')")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    /** Cancels a waiting or delayed job; false when it is in another state (or not there). */
    public boolean cancel(Connection c, String orgId, String jobId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET status = 'cancelled', finished_at = ?, "
                + "updated_at = ? WHERE org_id = ? AND job_id = ? AND status IN ('waiting', 'delayed')")) {
            Sql.bind(ps, now, now, orgId, jobId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Takes the job for a new run: active, attempt + 1. Empty when it was cancelled or has finished, so a
     * queue entry left behind by a cancel runs nothing.
     */
    public Optional<JobRow> claim(Connection c, String jobId, Instant now) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET status = 'active', attempt = attempt + 1, "
                + "started_at = COALESCE(started_at, ?), updated_at = ? "
                + "WHERE job_id = ? AND status IN ('waiting', 'delayed', 'active')")) {
            Sql.bind(ps, now, now, jobId);
            updated = ps.executeUpdate();
        }
        return updated == 1 ? find(c, jobId) : Optional.empty();
    }

    /** Records progress (and a checkpoint when not null) if {@code attempt} still owns the job. */
    public boolean progress(Connection c, String jobId, int attempt, int progress, String checkpoint, Instant now)
            throws SQLException {
        String sql = checkpoint == null
                ? "UPDATE jobs SET progress = ?, updated_at = ? WHERE job_id = ? AND attempt = ? AND status = 'active'"
                : "UPDATE jobs SET progress = ?, updated_at = ?, checkpoint = ? WHERE job_id = ? AND attempt = ? "
                        + "AND status = 'active'";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (checkpoint == null) {
                Sql.bind(ps, progress, now, jobId, attempt);
            } else {
                Sql.bind(ps, progress, now, checkpoint, jobId, attempt);
            }
            return ps.executeUpdate() == 1;
        }
    }

    public boolean finish(Connection c, String jobId, int attempt, JobStatus status, String result, String error,
                          Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET status = ?, progress = CASE WHEN ? THEN 100 "
                + "ELSE progress END, result = ?, error = ?, finished_at = ?, updated_at = ? "
                + "WHERE job_id = ? AND attempt = ? AND status = 'active'")) {
            Sql.bind(ps, status.wireName(), status == JobStatus.COMPLETED, result, error, now, now, jobId, attempt);
            return ps.executeUpdate() == 1;
        }
    }

    /** Puts an interrupted run back in the queue; progress and checkpoint stay for the next attempt. */
    public boolean requeue(Connection c, String jobId, int attempt, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET status = 'waiting', updated_at = ? "
                + "WHERE job_id = ? AND attempt = ? AND status = 'active'")) {
            Sql.bind(ps, now, jobId, attempt);
            return ps.executeUpdate() == 1;
        }
    }

    private static void deleteFile(Connection c, String jobId, String name) throws SQLException {
        for (String table : new String[] {"job_file_parts", "job_files"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE job_id = ? AND name = ?")) {
                Sql.bind(ps, jobId, name);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Stores a gzip-compressed file from disk in parts of {@link #PART_BYTES}: one value per part, so no file is
     * too large for the database and none is ever held whole.
     */
    public void putCompressedFile(Connection c, String jobId, String name, String contentType, Path gzip, int rows)
            throws SQLException, IOException {
        deleteFile(c, jobId, name);
        long size = Files.size(gzip);
        int parts = (int) Math.max(1, (size + PART_BYTES - 1) / PART_BYTES);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_files (job_id, name, content_type, content, "
                + "rows_count, parts) VALUES (?,?,?,NULL,?,?)")) {
            Sql.bind(ps, jobId, name, contentType, rows, parts);
            ps.executeUpdate();
        }
        try (java.io.InputStream in = Files.newInputStream(gzip);
             PreparedStatement ps = c.prepareStatement("INSERT INTO job_file_parts (job_id, name, part, bytes) "
                     + "VALUES (?,?,?,?)")) {
            for (int part = 0; part < parts; part++) {
                Sql.bind(ps, jobId, name, part, in.readNBytes(PART_BYTES));
                ps.executeUpdate();
            }
        }
    }

    /**
     * Begins a compressed file stored part by part while it is written ({@link #putPart}, then
     * {@link #endCompressedFile}), replacing one of the same name. Until it ends it holds no parts ({@code parts}
     * 0) and is not listed.
     */
    public void beginCompressedFile(Connection c, String jobId, String name, String contentType) throws SQLException {
        deleteFile(c, jobId, name);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_files (job_id, name, content_type, content, "
                + "rows_count, parts) VALUES (?,?,?,NULL,0,0)")) {
            Sql.bind(ps, jobId, name, contentType);
            ps.executeUpdate();
        }
    }

    /** Stores part {@code part} (from 0) of a file begun with {@link #beginCompressedFile}. */
    public void putPart(Connection c, String jobId, String name, int part, byte[] bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_file_parts (job_id, name, part, bytes) "
                + "VALUES (?,?,?,?)")) {
            Sql.bind(ps, jobId, name, part, bytes);
            ps.executeUpdate();
        }
    }

    /** Ends a file begun with {@link #beginCompressedFile}: its parts are stored; it is listed from now on. */
    public void endCompressedFile(Connection c, String jobId, String name, int rows, int parts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE job_files SET rows_count = ?, parts = ? "
                + "WHERE job_id = ? AND name = ?")) {
            Sql.bind(ps, rows, parts, jobId, name);
            ps.executeUpdate();
        }
    }

    /** Removes a file and its parts (a compressed file left unfinished by a failed run). */
    public void removeFile(Connection c, String jobId, String name) throws SQLException {
        deleteFile(c, jobId, name);
    }

    /** One part of a compressed file (see {@link FileRow}). */
    public byte[] part(Connection c, String jobId, String name, int part) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT bytes FROM job_file_parts WHERE job_id = ? "
                + "AND name = ? AND part = ?")) {
            Sql.bind(ps, jobId, name, part);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("part " + part + " of " + name + " of job " + jobId + " is missing");
                }
                return rs.getBytes(1);
            }
        }
    }

    public void putFile(Connection c, String jobId, String name, String contentType, String content, int rows)
            throws SQLException {
        deleteFile(c, jobId, name);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_files (job_id, name, content_type, content, "
                + "rows_count) VALUES (?,?,?,?,?)")) {
            Sql.bind(ps, jobId, name, contentType, content, rows);
            ps.executeUpdate();
        }
    }

    /** Stores a file by streaming it from disk, so a large export never sits in memory whole. */
    public void putFile(Connection c, String jobId, String name, String contentType, Path content,
                        int rows) throws SQLException, IOException {
        deleteFile(c, jobId, name);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_files (job_id, name, content_type, content, "
                + "rows_count) VALUES (?,?,?,?,?)");
             Reader reader = Files.newBufferedReader(content, StandardCharsets.UTF_8)) {
            ps.setString(1, jobId);
            ps.setString(2, name);
            ps.setString(3, contentType);
            ps.setCharacterStream(4, reader);
            ps.setInt(5, rows);
            ps.executeUpdate();
        }
    }

    public List<JobFile> files(Connection c, String jobId) throws SQLException {
        List<JobFile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, content_type, rows_count FROM job_files WHERE job_id = ? " + FINISHED + " ORDER BY name")) {
            Sql.bind(ps, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JobFile(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return out;
    }

    public List<FileRow> fileContents(Connection c, String jobId) throws SQLException {
        List<FileRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, content_type, content, rows_count, parts FROM job_files WHERE job_id = ? " + FINISHED
                        + " ORDER BY name")) {
            Sql.bind(ps, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FileRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            Sql.nullableInt(rs, "parts")));
                }
            }
        }
        return out;
    }

    private static JobRow row(ResultSet rs) throws SQLException {
        return new JobRow(rs.getString("job_id"), rs.getString("org_id"), rs.getString("type"),
                JobStatus.fromWire(rs.getString("status")), rs.getInt("progress"), rs.getString("parameters"),
                rs.getString("result"), rs.getString("error"), rs.getString("checkpoint"), rs.getInt("attempt"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "run_at"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"));
    }
}
