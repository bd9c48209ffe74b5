package io.configspec.app.explorer.concurrent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Holds submitted work and UI actions until the test runs them ({@link #runAll}), on the test's
 * thread and in the order they were asked: a user's quick second click can then land while the
 * first one's background work is still pending, deterministically and without sleeps.
 */
public class SteppedTaskExecutor implements TaskExecutor {

    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        return TaskExecutor.deferred(work, pending::add);
    }

    /** Delayed work is held like any other work: {@link #runAll} runs it in turn. */
    @Override
    public <T> CompletableFuture<T> submitAfter(java.time.Duration delay, Callable<T> work) {
        return submit(work);
    }

    @Override
    public void runOnUi(Runnable action) {
        pending.add(action);
    }

    /** Runs the oldest pending work or UI action (there must be one). */
    public void runNext() {
        pending.removeFirst().run();
    }

    /** How many pieces of work and UI actions are waiting. */
    public int pendingCount() {
        return pending.size();
    }

    /** Runs everything pending, and what that asks for, until nothing is left. */
    public void runAll() {
        Runnable next;
        while ((next = pending.poll()) != null) {
            next.run();
        }
    }

    /** Whether work or UI actions are waiting. */
    public boolean idle() {
        return pending.isEmpty();
    }

    @Override
    public void close() {}
}
