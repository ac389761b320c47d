package io.brigade.server.support;

import io.brigade.server.db.GroupCommitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Makes a group committer write several writes in one batch, in a known order. */
public final class OneBatch {
    private OneBatch() {
    }

    /**
     * Holds the committer's writer on a write of its own, then starts each call (each must end in one write
     * to {@code committer}: a direct write, or an HTTP request that makes one) and waits until its write is
     * queued before starting the next; then lets the writer go, which drains the queue into one batch.
     */
    public static <T> List<Future<T>> run(GroupCommitter committer, List<Callable<T>> calls) throws Exception {
        CountDownLatch writerHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size() + 1);
        try {
            Future<Object> holder = pool.submit(() -> committer.write(c -> {
                writerHeld.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            if (!writerHeld.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the group committer did not start the holding write");
            }
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(call));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (committer.queued() < futures.size()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("call " + futures.size() + " queued no write");
                    }
                    Thread.sleep(1);
                }
            }
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            return futures;
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }
}
