package io.brigade.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes many small transactions as one commit. Callers block until the commit that holds their
 * write is done, so an acknowledgement still means "on disk" (as far as the database promises),
 * but the database writes one chunk or one WAL flush for a whole batch instead of one per sale.
 * Each write runs under its own savepoint: one failing write rolls back alone. A write may also hand
 * parts to work that runs once for the whole batch just before the commit ({@link #runOncePerBatch}), so
 * that, for example, ten sales of the same day add to a rollup row once instead of ten times.
 *
 * <p>On H2 with a {@link CommitJournal}, the commit does not wait for H2 to store: a write hands its
 * redo record to {@link #journal}, and the batch's records are appended to the journal after the commit
 * and before anyone is answered.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_BATCH = 128;

    private final Database database;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    // The batch being written by this thread, if it is a writer thread inside commit().
    private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

    private record Pending<T>(Database.TransactionWork<T> work, CompletableFuture<T> result) {
    }

    /** Work that runs once per batch, just before it commits, with the parts its writes handed in. */
    @FunctionalInterface
    public interface BatchWork<T> {
        void run(Connection c, List<T> parts) throws SQLException;
    }

    /**
     * Inside a group-committed write, hands {@code part} to {@code work}, which runs once for the whole batch
     * before the batch commits (if the current write rolls back, its parts are dropped with it). Anywhere
     * else (a transaction of its own), runs {@code work} with this one part at once on {@code c}.
     */
    public static <T> void runOncePerBatch(Connection c, BatchWork<T> work, T part) throws SQLException {
        handIn(c, work, part, false);
    }

    /**
     * For work that may refuse the write it belongs to (a used key, a snoozed item): while a batch runs
     * without savepoints, as {@link #runOncePerBatch} (if the work throws, the batch runs again with
     * savepoints); while it runs with savepoints, and outside a group commit, at once with this one part,
     * so that only the write it refuses fails. The work must refuse a part whenever it would refuse it
     * alone: it may see the writes of the whole batch, which it must not hold against an earlier one.
     * Batched works run in the order their first parts were handed in; one that cannot tell whether the
     * order of the writes matters (a later write would have seen an earlier one's effect) throws too.
     */
    public static <T> void checkOncePerBatch(Connection c, BatchWork<T> work, T part) throws SQLException {
        handIn(c, work, part, true);
    }

    private static <T> void handIn(Connection c, BatchWork<T> work, T part, boolean mayRefuse) throws SQLException {
        Batch batch = CURRENT.get();
        if (batch == null || (mayRefuse && batch.savepoints)) {
            work.run(c, List.of(part));
            return;
        }
        batch.current.computeIfAbsent(work, w -> new ArrayList<>()).add(part);
    }

    /**
     * Inside a group-committed write, hands the record that redoes it to the journal (dropped if the
     * write rolls back). Anywhere else it does nothing: a transaction of its own is stored before it
     * returns ({@link Database#inTransaction}).
     */
    public static void journal(byte[] redoRecord) {
        Batch batch = CURRENT.get();
        if (batch != null) {
            batch.currentRecords.add(redoRecord);
        }
    }

    /** Whether writes should hand {@link #journal} their redo records. */
    public boolean journaled() {
        return database.journal().isPresent();
    }

    /** Parts handed in by the writes of one batch: those of the write in progress, and those kept. */
    private static final class Batch {
        private final boolean savepoints;
        private final Map<BatchWork<?>, List<Object>> kept = new LinkedHashMap<>();
        private Map<BatchWork<?>, List<Object>> current = new LinkedHashMap<>();
        private final List<byte[]> keptRecords = new ArrayList<>();
        private List<byte[]> currentRecords = new ArrayList<>();
        private boolean unjournaled;

        Batch(boolean savepoints) {
            this.savepoints = savepoints;
        }

        void keepCurrent() {
            unjournaled |= currentRecords.isEmpty();
            current.forEach((work, parts) -> kept.computeIfAbsent(work, w -> new ArrayList<>()).addAll(parts));
            current = new LinkedHashMap<>();
            keptRecords.addAll(currentRecords);
            currentRecords = new ArrayList<>();
        }

        void dropCurrent() {
            current = new LinkedHashMap<>();
            currentRecords = new ArrayList<>();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void runDeferred(Connection c) throws SQLException {
            for (Map.Entry<BatchWork<?>, List<Object>> entry : kept.entrySet()) {
                ((BatchWork) entry.getKey()).run(c, entry.getValue());
            }
        }
    }

    public GroupCommitter(Database database) {
        this.database = database;
        this.writer = new Thread(this::run, "group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Runs {@code work} inside the next batch and returns once that batch has committed. */
    public <T> T write(Database.TransactionWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!running) {
            throw new IllegalStateException("the group committer is closed");
        }
        queue.add(new Pending<>(work, result));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes waiting for the next batch (tests use it to put several writes in one batch). */
    public int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("group commit failed", e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending<?>> batch) {
        // Writes rarely fail, so a batch first runs without a savepoint per write (on PostgreSQL each
        // savepoint and its release are round trips). If a write fails, that try is rolled back whole
        // and the batch runs again with savepoints, where a failing write rolls back alone.
        Attempt attempt = attempt(batch, false);
        if (attempt == null) {
            attempt = attempt(batch, true);
        }
        Batch deferred = attempt.deferred();
        if (deferred.unjournaled) {
            // A write without a redo record is safe only once H2 has stored it (a no-op without a journal).
            database.checkpoint();
        }
        if (!deferred.keptRecords.isEmpty()) {
            CommitJournal journal = database.journal().orElseThrow();
            try {
                journal.append(deferred.keptRecords);
            } catch (IOException e) {
                // Committed but not safe from a kill: nobody hears "done". A retry with the same key finds the write.
                throw new UncheckedIOException("could not append to the commit journal in " + journal.directory(), e);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), attempt.results().get(i), attempt.failures().get(i));
        }
    }

    /** What a committed batch gives each of its writes, and the parts they handed in. */
    private record Attempt(List<Object> results, List<Throwable> failures, Batch deferred) {
    }

    /** Runs and commits the batch. Without savepoints, returns null (everything rolled back) as soon as a write fails. */
    private Attempt attempt(List<Pending<?>> batch, boolean savepoints) {
        List<Object> results = new ArrayList<>(batch.size());
        List<Throwable> failures = new ArrayList<>(batch.size());
        Batch deferred = new Batch(savepoints);
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            CURRENT.set(deferred);
            try {
                for (Pending<?> p : batch) {
                    Savepoint savepoint = savepoints ? c.setSavepoint() : null;
                    try {
                        results.add(p.work().run(c));
                        failures.add(null);
                        if (savepoint != null) {
                            c.releaseSavepoint(savepoint);
                        }
                        deferred.keepCurrent();
                    } catch (SQLException | RuntimeException e) {
                        Throwable failure = e instanceof SQLException se ? new DataAccessException(se) : e;
                        if (savepoint == null) {
                            // Even alone in its batch: with savepoints its checks run in their own order
                            // (a used key before anything else), which may answer differently.
                            c.rollback();
                            return null;
                        }
                        c.rollback(savepoint);
                        deferred.dropCurrent();
                        results.add(null);
                        failures.add(failure);
                    }
                }
                CURRENT.remove();
                // The batch's shared work decides for all of its writes: if it fails, none of them is kept.
                // Without savepoints it may be a check that refuses one write: then run again with them.
                try {
                    deferred.runDeferred(c);
                } catch (SQLException | RuntimeException e) {
                    if (savepoints) {
                        throw e;
                    }
                    c.rollback();
                    return null;
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e instanceof SQLException se ? new DataAccessException(se) : (RuntimeException) e;
            } finally {
                CURRENT.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        return new Attempt(results, failures, deferred);
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result, Throwable failure) {
        if (failure != null) {
            pending.result().completeExceptionally(failure);
        } else {
            pending.result().complete((T) result);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(5_000);
    }
}
