package io.brigade.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces H2's commits to disk, one sync for every commit that finished before it started: commits made while a
 * sync runs share the next one. A sync is H2's {@code CHECKPOINT SYNC}, which in H2 2.3 stores what is committed
 * (an MVStore commit, written and waited for) and then forces the file ({@code FileChannel.force}). So H2 needs no
 * {@code WRITE_DELAY=0}: the sync itself writes the commit it covers, and several commits share one store.
 * Runs on a thread of its own, so that a writer (the sale batcher) can go on with its next batch meanwhile.
 */
abstract class GroupSync implements AutoCloseable {
    static final String H2_SYNC = "CHECKPOINT SYNC";

    /** A future completed once everything committed before this call is on disk. */
    abstract CompletableFuture<Void> afterCommit();

    @Override
    public abstract void close();

    /** For a database whose commit is already durable (PostgreSQL), or a benchmark without syncs. */
    static GroupSync none() {
        return new GroupSync() {
            @Override
            CompletableFuture<Void> afterCommit() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
            }
        };
    }

    static GroupSync h2(DataSource dataSource) {
        return new H2(dataSource);
    }

    private static final class H2 extends GroupSync {
        private static final Logger LOG = LoggerFactory.getLogger(GroupSync.class);
        private final DataSource dataSource;
        private final Thread thread;
        private final Object lock = new Object();
        private List<CompletableFuture<Void>> waiting = new ArrayList<>();
        private boolean open = true;
        private Connection connection;

        H2(DataSource dataSource) {
            this.dataSource = dataSource;
            this.thread = new Thread(this::run, "h2-sync");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        CompletableFuture<Void> afterCommit() {
            CompletableFuture<Void> onDisk = new CompletableFuture<>();
            synchronized (lock) {
                if (!open) {
                    onDisk.completeExceptionally(new SyncFailed("the database is closed"));
                    return onDisk;
                }
                waiting.add(onDisk);
                lock.notifyAll();
            }
            return onDisk;
        }

        private void run() {
            while (true) {
                List<CompletableFuture<Void>> covered;
                synchronized (lock) {
                    while (open && waiting.isEmpty()) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            // close() ends the loop through open
                        }
                    }
                    if (waiting.isEmpty()) {
                        closeConnection();
                        return;
                    }
                    // Every commit of these callers finished before they asked, so before the sync below starts.
                    covered = waiting;
                    waiting = new ArrayList<>();
                }
                try {
                    sync();
                    covered.forEach(f -> f.complete(null));
                } catch (SQLException | RuntimeException e) {
                    // The statement carries no values of ours, so its message is safe to log.
                    LOG.error("could not force the H2 file to disk; {} commits are not acknowledged", covered.size(), e);
                    closeConnection();
                    SyncFailed failed = new SyncFailed("the commit could not be forced to disk");
                    covered.forEach(f -> f.completeExceptionally(failed));
                }
            }
        }

        private void sync() throws SQLException {
            if (connection == null) {
                connection = dataSource.getConnection();
            }
            try (Statement st = connection.createStatement()) {
                st.execute(H2_SYNC);
            }
        }

        private void closeConnection() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // a new one is taken for the next sync
                }
                connection = null;
            }
        }

        /** Syncs what was committed before this call, then stops the thread. */
        @Override
        public void close() {
            synchronized (lock) {
                open = false;
                lock.notifyAll();
            }
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
