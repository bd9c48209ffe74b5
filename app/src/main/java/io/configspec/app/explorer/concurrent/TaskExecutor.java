package io.configspec.app.explorer.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where the explorer's work runs (JabRef's {@code TaskExecutor} seam). View models submit
 * evaluation and file I/O through it and publish results through {@link #runOnUi}; the
 * background implementation uses worker threads and the FX thread, the synchronous one runs
 * everything inline so view-model tests need neither a toolkit nor sleeps.
 */
public interface TaskExecutor extends AutoCloseable {
    /** Runs {@code work} off the UI thread; the future completes with its result or exception. */
    <T> CompletableFuture<T> submit(Callable<T> work);

    /**
     * Runs {@code work} off the UI thread once {@code delay} has passed (polling, reconnecting);
     * the future completes with its result or exception, or exceptionally when the executor closes
     * first.
     */
    <T> CompletableFuture<T> submitAfter(java.time.Duration delay, Callable<T> work);

    /** Runs {@code action} on the UI thread (later, unless already there in a synchronous setup). */
    void runOnUi(Runnable action);

    /** Stops accepting work; running work finishes. */
    @Override
    void close();

    /**
     * The future of {@code work}, and the step that runs it (completing the future with its result
     * or exception) handed to {@code queue}: for executors that run work later, when their owner
     * says (the synchronous executor's delayed work, tests' step-by-step executors).
     */
    static <T> CompletableFuture<T> deferred(Callable<T> work, Consumer<Runnable> queue) {
        CompletableFuture<T> future = new CompletableFuture<>();
        queue.accept(() -> {
            try {
                future.complete(work.call());
            } catch (Exception e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }
}
