package io.brigade.desktop.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/** {@link Background} on one worker thread, so local writes keep the order the cashier made them in. */
public final class FxBackground implements Background, AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ui-background");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    /** The same thread, for fire-and-forget writes such as analytics events. */
    public ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
