package io.configspec.app.explorer.concurrent;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs an expensive function on the latest of a burst of inputs (a slider drag): at most one
 * computation runs at a time; inputs arriving meanwhile replace each other, and when the running
 * computation ends only the newest one is computed next. Results are published on the UI thread,
 * in input order, and a result is dropped when a newer input is already waiting, so the screen
 * never goes back to an older state. {@link #submit} is called on the UI thread, and a computation's
 * end is handled there too, so no two computations overlap and none overtakes another.
 *
 * @param <I> input (e.g. a what-if snapshot)
 * @param <O> output (e.g. an evaluated space with its front)
 */
public final class LatestValueCoalescer<I, O> {

    private final TaskExecutor executor;
    private final Function<I, O> compute;
    private final Consumer<O> publish;
    private final Consumer<Throwable> failure;
    private final AtomicReference<I> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public LatestValueCoalescer(
        TaskExecutor executor,
        Function<I, O> compute,
        Consumer<O> publish,
        Consumer<Throwable> failure
    ) {
        this.executor = Objects.requireNonNull(executor);
        this.compute = Objects.requireNonNull(compute);
        this.publish = Objects.requireNonNull(publish);
        this.failure = Objects.requireNonNull(failure);
    }

    /** Requests a computation on {@code input} (UI thread); returns immediately. */
    public void submit(I input) {
        pending.set(Objects.requireNonNull(input));
        drain();
    }

    /** Whether a computation is running or waiting. */
    public boolean busy() {
        return running.get() || pending.get() != null;
    }

    private void drain() {
        if (running.get()) {
            return;
        }
        I input = pending.getAndSet(null);
        if (input == null) {
            return;
        }
        running.set(true);
        executor
            .submit(() -> compute.apply(input))
            .whenComplete((result, error) -> executor.runOnUi(() -> finished(result, error)));
    }

    /**
     * On the UI thread: the computation has ended. Its result is published unless a newer input is
     * waiting, and only then may the next computation start, so results reach the screen in input
     * order and {@link #busy()} is false when the last one is published.
     */
    private void finished(O result, Throwable error) {
        running.set(false);
        boolean superseded = pending.get() != null;
        if (error != null) {
            failure.accept(error);
        } else if (!superseded) {
            publish.accept(result);
        }
        drain();
    }
}
