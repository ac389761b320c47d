package io.brigade.server.sales;

import io.brigade.server.db.Database;
import io.brigade.server.db.DatabaseUnavailableException;
import io.brigade.server.domain.DomainException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores new sales in batches: the sales that arrive while a batch is written go together into the next one,
 * with one transaction, one commit and one sync to disk for all of them, which is how a database shares the cost
 * of a durable commit (group commit). One thread writes; each caller waits until its batch is on disk.
 *
 * <p>A batch runs {@link SaleSteps#storeNew} once for all its sales. If a step fails, the batch is rolled back and
 * written again sale by sale, a savepoint each, so that a sale the database refuses fails alone. Its commit runs
 * on a second thread while the writer goes on with the next batch on another connection: on PostgreSQL a commit
 * waits for the write-ahead log to reach the disk, and the next batch's statements can run meanwhile (a row the
 * two batches share, a rollup or a retried key, waits in the database for the first commit). At most one batch
 * commits while the next is written, and commits happen in the batches' order. After its commit a batch waits for
 * the sync to disk on the database's own thread ({@link Database#syncCommitted}, for H2); then its
 * {@link SaleCommitted} events go out and its callers are answered.
 */
public final class SaleBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SaleBatcher.class);
    private static final int MAX_BATCH = 128;

    private final Database database;
    private final SaleSteps steps;
    private final Consumer<SaleCommitted> afterCommit;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    // Held by the writer while it takes and writes a batch; a test holds it to queue sales for one batch.
    private final ReentrantLock turn = new ReentrantLock();
    private final Thread writer;
    // Commits in the batches' order, one at a time.
    private final ExecutorService committer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sale-committer");
        t.setDaemon(true);
        return t;
    });
    // Two batches at most between taken and committed: one committing, the next being written.
    private final Semaphore uncommitted = new Semaphore(2);
    private volatile boolean running = true;

    /** What became of one sale. */
    sealed interface Outcome {
    }

    /** Stored, committed and on disk. */
    record Stored() implements Outcome {
    }

    /** Refused by a step (a snoozed item, a short v1 order): nothing of it was written. */
    record Refused(RuntimeException reason) implements Outcome {
    }

    /** Its idempotency key was used before: it is a retry of a sale stored then. */
    record KeyUsed() implements Outcome {
    }

    private static final Outcome STORED = new Stored();

    private record Pending(NewSale sale, CompletableFuture<Outcome> outcome) {
    }

    SaleBatcher(Database database, SaleSteps steps, Consumer<SaleCommitted> afterCommit) {
        this.database = database;
        this.steps = steps;
        this.afterCommit = afterCommit;
        this.writer = new Thread(this::run, "sale-batcher");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stores {@code sale} in the next batch; returns once that batch is on disk. */
    Outcome store(NewSale sale) {
        if (!running) {
            throw new IllegalStateException("the sale batcher is closed");
        }
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        queue.add(new Pending(sale, outcome));
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sale's batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Keeps the writer from taking its next batch until the returned hold is closed, by the same thread. Sales
     * stored meanwhile wait in {@link #queued()} and then go in one batch, in the order they came (tests use it).
     */
    public AutoCloseable hold() {
        turn.lock();
        return turn::unlock;
    }

    /** Sales waiting for the next batch. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            turn.lock();
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    // Taken before the rest of the queue: what arrives while the previous commit finishes joins.
                    uncommitted.acquire();
                    List<Pending> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                turn.unlock();
            }
        }
    }

    private void write(List<Pending> batch) {
        Connection c = null;
        List<Object> results;
        try {
            c = database.dataSource().getConnection();
            c.setAutoCommit(false);
            results = together(c, batch);
            if (results == null) {
                c.rollback();
                results = oneByOne(c, batch);
            }
        } catch (SQLException | RuntimeException e) {
            fail(batch, abandon(c, e));
            uncommitted.release();
            return;
        }
        Connection written = c;
        List<Object> outcomes = results;
        committer.execute(() -> commit(written, batch, outcomes));
    }

    private void commit(Connection c, List<Pending> batch, List<Object> results) {
        try {
            c.commit();
        } catch (SQLException | RuntimeException e) {
            fail(batch, abandon(c, e));
            return;
        } finally {
            uncommitted.release();
        }
        try {
            c.setAutoCommit(true);
            c.close();
        } catch (SQLException e) {
            // Committed: the pool replaces a connection it cannot reset.
            LOG.warn("a sale batch's connection could not be handed back", e);
        }
        database.syncCommitted().whenComplete((onDisk, syncFailure) -> {
            if (syncFailure != null) {
                batch.forEach(p -> p.outcome().completeExceptionally(syncFailure));
                return;
            }
            announce(batch, results);
            for (int i = 0; i < batch.size(); i++) {
                if (results.get(i) instanceof Outcome outcome) {
                    batch.get(i).outcome().complete(outcome);
                } else {
                    batch.get(i).outcome().completeExceptionally((RuntimeException) results.get(i));
                }
            }
        });
    }

    /**
     * The transaction itself failed (the connection, the commit): none of the batch is stored. Rolls back and
     * closes what is left of the connection; returns what the batch's callers get. A lost connection (a failover)
     * is a retry for the pushers; their keys find any sale that did commit.
     */
    private static RuntimeException abandon(Connection c, Exception e) {
        Exception failure = e;
        if (c != null) {
            try {
                if (c.isClosed()) {
                    // The pool closed it as broken (a lost server): what failed first may have been swallowed by
                    // a step, so say plainly that the connection went.
                    SQLException lost = new SQLTransientConnectionException("the connection was lost", "08003");
                    lost.addSuppressed(e);
                    failure = lost;
                } else {
                    c.rollback();
                }
            } catch (SQLException cleanupFailed) {
                e.addSuppressed(cleanupFailed);
            } finally {
                close(c, e);
            }
        }
        Exception cause = failure;
        return DatabaseUnavailableException.from(cause).<RuntimeException>map(u -> u)
                .orElseGet(() -> SaleNotStored.after(cause));
    }

    private static void close(Connection c, Exception failure) {
        try {
            c.close();
        } catch (SQLException closeFailed) {
            failure.addSuppressed(closeFailed);
        }
    }

    private static void fail(List<Pending> batch, RuntimeException failure) {
        batch.forEach(p -> p.outcome().completeExceptionally(failure));
    }

    // Sales are rarely refused, so a batch first runs every step once for all of it, without savepoints (on
    // PostgreSQL each savepoint and its release are round trips). Null when a step failed: roll back, then one by one.
    private List<Object> together(Connection c, List<Pending> batch) {
        List<NewSale> sales = new ArrayList<>(batch.size());
        batch.forEach(p -> sales.add(p.sale()));
        Map<String, RuntimeException> refused;
        try {
            refused = steps.storeNew(c, sales);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
        List<Object> results = new ArrayList<>(batch.size());
        for (NewSale sale : sales) {
            RuntimeException refusal = refused.get(sale.record().saleId());
            results.add(refusal == null ? STORED : new Refused(refusal));
        }
        return results;
    }

    private List<Object> oneByOne(Connection c, List<Pending> batch) throws SQLException {
        List<Object> results = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Savepoint savepoint = c.setSavepoint();
            try {
                Map<String, RuntimeException> refused = steps.storeNew(c, List.of(p.sale()));
                c.releaseSavepoint(savepoint);
                results.add(refused.isEmpty() ? STORED : new Refused(refused.values().iterator().next()));
            } catch (SaleSteps.KeyAlreadyUsed e) {
                c.rollback(savepoint);
                results.add(new KeyUsed());
            } catch (DomainException refusal) {
                c.rollback(savepoint);
                results.add(new Refused(refusal));
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                results.add(SaleNotStored.after(e));
            }
        }
        return results;
    }

    private void announce(List<Pending> batch, List<Object> results) {
        Map<String, List<String>> byOrg = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (results.get(i) == STORED) {
                SaleRecord r = batch.get(i).sale().record();
                byOrg.computeIfAbsent(r.orgId(), o -> new ArrayList<>()).add(r.saleId());
            }
        }
        byOrg.forEach((orgId, saleIds) -> {
            try {
                afterCommit.accept(new SaleCommitted.NewSales(orgId, List.copyOf(saleIds)));
            } catch (RuntimeException e) {
                LOG.warn("a listener of committed sales failed", e);
            }
        });
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(10_000);
        committer.shutdown();
        committer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
