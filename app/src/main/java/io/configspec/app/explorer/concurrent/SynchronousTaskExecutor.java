package io.configspec.app.explorer.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Runs work and UI actions inline on the calling thread: for view-model tests without a toolkit. */
public final class SynchronousTaskExecutor implements TaskExecutor {

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
