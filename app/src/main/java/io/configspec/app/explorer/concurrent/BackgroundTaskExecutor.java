package io.configspec.app.explorer.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Worker threads (daemon, so a closing window never waits for them) for evaluation and file
 * I/O; results go back to the FX thread through {@link Platform#runLater}.
 */
public final class BackgroundTaskExecutor implements TaskExecutor {

    private final ExecutorService workers;
    /** Only waits for delays; the work itself runs on {@link #workers}. */
    private final java.util.concurrent.ScheduledExecutorService timer;

    public BackgroundTaskExecutor() {
        this(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public BackgroundTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "explorer-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(threads, factory);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "explorer-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                try {
                    future.complete(work.call());
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed (the application is stopping): the work is refused, not thrown at the caller.
            future.completeExceptionally(e);
        }
        return future;
    }

    @Override
    public <T> CompletableFuture<T> submitAfter(java.time.Duration delay, Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            timer.schedule(
                () ->
                    submit(work).whenComplete((value, failure) -> {
                        if (failure != null) {
                            future.completeExceptionally(failure);
                        } else {
                            future.complete(value);
                        }
                    }),
                Math.max(0, delay.toMillis()),
                java.util.concurrent.TimeUnit.MILLISECONDS
            );
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        // Delayed work not yet due is dropped (its futures never complete): nothing waits on them.
        timer.shutdownNow();
        workers.shutdown();
    }
}
