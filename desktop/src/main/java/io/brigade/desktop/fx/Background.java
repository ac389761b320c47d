package io.brigade.desktop.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way screens run work off the FX thread: {@code work} runs elsewhere, then {@code onSuccess} or
 * {@code onFailure} run back on the FX thread. View-model tests use {@link #direct()}.
 */
public interface Background {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs everything on the calling thread: for view-model tests without a screen. */
    static Background direct() {
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
