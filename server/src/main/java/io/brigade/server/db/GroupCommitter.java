package io.brigade.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
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
 * Each write runs under its own savepoint: one failing write rolls back alone.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_BATCH = 128;

    private final Database database;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private record Pending<T>(Database.TransactionWork<T> work, CompletableFuture<T> result) {
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
        List<Object> results = new ArrayList<>(batch.size());
        List<Throwable> failures = new ArrayList<>(batch.size());
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Pending<?> p : batch) {
                    Savepoint savepoint = c.setSavepoint();
                    try {
                        results.add(p.work().run(c));
                        failures.add(null);
                        c.releaseSavepoint(savepoint);
                    } catch (SQLException e) {
                        c.rollback(savepoint);
                        results.add(null);
                        failures.add(new DataAccessException(e));
                    } catch (RuntimeException e) {
                        c.rollback(savepoint);
                        results.add(null);
                        failures.add(e);
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new DataAccessException(e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i), failures.get(i));
        }
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
