package io.brigade.desktop.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * This PC's print jobs, kept like the outbox: a job is forced to disk when it is queued, so a receipt or a chit is
 * never lost to a crash or a power cut, and leaves the queue only once its printer has taken all of its bytes.
 * A job is claimed ({@code WAITING -> SENDING}) by exactly one sender, so it is never sent twice at once; one that was
 * being sent when the app stopped comes back {@code UNSURE}, for a person to reprint or let go.
 */
public final class PrintQueue {
    private static final String COLUMNS = "seq, id, job_key, printer_id, kind, title, document, state, attempts, "
            + "last_error, opens_drawer, staff_name, created_at, printed_at, moved_from";
    private final LocalDatabase db;

    public PrintQueue(LocalDatabase db) {
        this.db = db;
    }

    public enum State { WAITING, SENDING, PRINTED, UNSURE, CANCELLED }

    /** A stored job. */
    public record Job(long seq, UUID id, String jobKey, String printerId, String kind, String title, String document,
                      State state, int attempts, String lastError, boolean opensDrawer, String staffName,
                      Instant createdAt, Instant printedAt, String movedFrom) {
    }

    /** A job to queue; {@code jobKey} (or null) makes queuing it twice a no-op. */
    public record NewJob(UUID id, String jobKey, String printerId, String kind, String title, String document,
                         boolean opensDrawer, String staffName, Instant createdAt) {
    }

    /**
     * Queues {@code job} forced to disk; answers its id, or the id of the job queued before with the same key.
     */
    public UUID enqueue(NewJob job) {
        return db.inDurableTransaction(insertion(job));
    }

    /**
     * Queuing {@code job} as work for a transaction of another's (a sale's, whose forced write then holds the job
     * too); it answers the job's id, or the id of the job queued before with the same key.
     */
    public LocalDatabase.Work<UUID> insertion(NewJob job) {
        return c -> {
            if (job.jobKey() != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM print_jobs WHERE job_key = ?")) {
                    ps.setString(1, job.jobKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return rs.getObject(1, UUID.class);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO print_jobs (id, job_key, printer_id, kind, "
                    + "title, document, state, opens_drawer, staff_name, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, ?)")) {
                ps.setObject(1, job.id());
                ps.setString(2, job.jobKey());
                ps.setString(3, job.printerId());
                ps.setString(4, job.kind());
                ps.setString(5, truncate(job.title(), 200));
                ps.setString(6, job.document());
                ps.setBoolean(7, job.opensDrawer());
                ps.setString(8, job.staffName());
                ps.setObject(9, utc(job.createdAt()));
                ps.executeUpdate();
            }
            return job.id();
        };
    }

    /** The oldest job waiting for {@code printerId}. */
    public Optional<Job> oldestWaiting(String printerId) {
        return list("SELECT " + COLUMNS + " FROM print_jobs WHERE printer_id = ? AND state = 'WAITING' "
                + "ORDER BY printer_id, state, seq LIMIT 1", printerId).stream().findFirst();
    }

    /** Takes {@code id} for sending to {@code printerId}; false when it is no longer waiting there. */
    public boolean claim(UUID id, String printerId) {
        return db.inTransaction(c -> update(c, "UPDATE print_jobs SET state = 'SENDING' WHERE id = ? "
                + "AND printer_id = ? AND state = 'WAITING'", id, printerId) == 1);
    }

    /** The printer took every byte of the job. */
    public void printed(UUID id, Instant at) {
        db.inTransaction(c -> update(c, "UPDATE print_jobs SET state = 'PRINTED', printed_at = ?, last_error = NULL "
                + "WHERE id = ?", utc(at), id));
    }

    /** The printer did not take the job (nothing of it, or not all of it): it waits for the next try. */
    public void notPrinted(UUID id, String reason) {
        db.inTransaction(c -> update(c, "UPDATE print_jobs SET state = 'WAITING', attempts = attempts + 1, "
                + "last_error = ? WHERE id = ? AND state = 'SENDING'", truncate(reason, 500), id));
    }

    /** At start: jobs that were being sent when the app stopped may or may not have printed. */
    public int markInterruptedUnsure() {
        return db.inDurableTransaction(c -> update(c, "UPDATE print_jobs SET state = 'UNSURE' WHERE state = 'SENDING'"));
    }

    /** Moves every job waiting for {@code from} to {@code to}; answers how many moved. */
    public int redirect(String from, String to) {
        return db.inDurableTransaction(c -> update(c, "UPDATE print_jobs SET printer_id = ?, moved_from = ? "
                + "WHERE printer_id = ? AND state = 'WAITING'", to, from, from));
    }

    /** A person decided an unsure job need not print again. */
    public void letGo(UUID id) {
        db.inTransaction(c -> update(c, "UPDATE print_jobs SET state = 'CANCELLED' WHERE id = ? AND state = 'UNSURE'",
                id));
    }

    /** The printers with jobs waiting (or unsure), and how many of each kind. */
    public Map<String, Map<String, Integer>> waiting() {
        return db.inTransaction(c -> {
            Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT printer_id, kind, state, COUNT(*) FROM print_jobs "
                    + "WHERE state IN ('WAITING', 'SENDING', 'UNSURE') GROUP BY printer_id, kind, state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = "UNSURE".equals(rs.getString(3)) ? "UNSURE" : rs.getString(2);
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).merge(key, rs.getInt(4),
                            Integer::sum);
                }
            }
            return out;
        });
    }

    public Optional<Job> find(UUID id) {
        return list("SELECT " + COLUMNS + " FROM print_jobs WHERE id = ?", id).stream().findFirst();
    }

    /** The most recent jobs, newest first (for reprints). */
    public List<Job> recent(int limit) {
        return list("SELECT " + COLUMNS + " FROM print_jobs ORDER BY seq DESC LIMIT " + Math.max(1, limit));
    }

    /** Jobs that may or may not have printed, oldest first. */
    public List<Job> unsure() {
        return list("SELECT " + COLUMNS + " FROM print_jobs WHERE state = 'UNSURE' ORDER BY state, seq");
    }

    /** The cash drawer's openings (printed jobs that pulsed it) between {@code from} and {@code to}. */
    public List<Job> drawerOpenings(Instant from, Instant to) {
        return list("SELECT " + COLUMNS + " FROM print_jobs WHERE opens_drawer AND state = 'PRINTED' AND printed_at >= ? "
                + "AND printed_at < ? ORDER BY seq", utc(from), utc(to));
    }

    private List<Job> list(String sql, Object... args) {
        return db.inTransaction(c -> {
            List<Job> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(job(rs));
                    }
                }
            }
            return out;
        });
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static Job job(ResultSet rs) throws SQLException {
        OffsetDateTime printed = rs.getObject("printed_at", OffsetDateTime.class);
        return new Job(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getString("job_key"),
                rs.getString("printer_id"), rs.getString("kind"), rs.getString("title"), rs.getString("document"),
                State.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getBoolean("opens_drawer"), rs.getString("staff_name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                printed == null ? null : printed.toInstant(), rs.getString("moved_from"));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
