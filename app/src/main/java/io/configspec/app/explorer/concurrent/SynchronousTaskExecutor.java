package io.configspec.app.explorer.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs work and UI actions inline on the calling thread: for view-model tests without a toolkit.
 * Delayed work ({@link #submitAfter}) waits, without sleeping, until the test calls {@link
 * #runDelayed()}, so a test decides when "later" is.
 */
public final class SynchronousTaskExecutor implements TaskExecutor {

    /** Delayed work may be submitted from other threads (e.g. a stream's reader). */
    private final java.util.List<Runnable> delayed = java.util.Collections.synchronizedList(
        new java.util.ArrayList<>()
    );

    @Override
    public <T> CompletableFuture<T> submitAfter(java.time.Duration delay, Callable<T> work) {
        return TaskExecutor.deferred(work, delayed::add);
    }

    /** Runs the delayed work submitted so far (not what that work submits); returns how many ran. */
    public int runDelayed() {
        java.util.List<Runnable> due;
        synchronized (delayed) {
            due = java.util.List.copyOf(delayed);
            delayed.clear();
        }
        due.forEach(Runnable::run);
        return due.size();
    }

    /** Delayed work waiting for {@link #runDelayed()}. */
    public int delayedCount() {
        return delayed.size();
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void close() {}
}
