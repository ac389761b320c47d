package io.brigade.server.support;

import static org.awaitility.Awaitility.await;

import io.brigade.server.sales.SaleBatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Makes the sale batcher store several sales in one batch, in a known order. */
public final class OneBatch {
    private OneBatch() {
    }

    /**
     * Holds the batcher, then starts each call (each must end in one sale stored through the batcher: an HTTP
     * push or order) and waits until its sale is queued before starting the next; then lets the batcher go,
     * which takes the whole queue as one batch.
     */
    public static <T> List<Future<T>> run(SaleBatcher batcher, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            try (AutoCloseable held = batcher.hold()) {
                for (Callable<T> call : calls) {
                    futures.add(pool.submit(call));
                    int queued = futures.size();
                    await("call " + queued + " queued its sale").atMost(Duration.ofSeconds(10))
                            .pollInterval(Duration.ofMillis(1)).until(() -> batcher.queued() >= queued);
                }
            }
            return futures;
        } finally {
            pool.shutdown();
        }
    }
}
