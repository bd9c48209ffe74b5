package io.configspec.engine.sensors;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples a {@link SensorSuite} at a fixed period on one daemon thread and hands every snapshot to
 * its listeners; keeps the latest one and a short history. The one owner of the suite's (not
 * thread-safe) state: readers on other threads use {@link #latest()} or a listener.
 *
 * <p>Listeners run on the sampling thread and must return quickly (hand work to a queue). A
 * listener that throws is removed. Thread-safe.
 */
public final class SensorSampler implements AutoCloseable {

    private final SensorSuite suite;
    private final Duration period;
    private final int historySize;
    private final ScheduledExecutorService executor;
    private final List<Consumer<SensorSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<SensorSnapshot> history = new ArrayDeque<>();
    private volatile SensorSnapshot latest;

    /**
     * Starts sampling at once.
     *
     * @param period time between samples, ≥ 1 ms
     * @param historySize snapshots kept for {@link #history()}, ≥ 1
     */
    public SensorSampler(SensorSuite suite, Duration period, int historySize) {
        this.suite = Objects.requireNonNull(suite, "suite");
        if (period.toMillis() < 1) {
            throw new IllegalArgumentException("period must be >= 1 ms, was " + period);
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be >= 1, was " + historySize);
        }
        this.period = period;
        this.historySize = historySize;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "configspec-sensors");
            t.setDaemon(true);
            return t;
        });
        this.latest = suite.sample();
        executor.scheduleAtFixedRate(
            this::sampleOnce,
            period.toMillis(),
            period.toMillis(),
            TimeUnit.MILLISECONDS
        );
    }

    public SensorSuite suite() {
        return suite;
    }

    public Duration period() {
        return period;
    }

    private void sampleOnce() {
        SensorSnapshot snapshot;
        try {
            snapshot = suite.sample();
        } catch (RuntimeException e) {
            return; // a sensor misbehaving must not stop sampling
        }
        latest = snapshot;
        synchronized (history) {
            history.addLast(snapshot);
            while (history.size() > historySize) {
                history.removeFirst();
            }
        }
        for (Consumer<SensorSnapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                listeners.remove(listener);
            }
        }
    }

    /** The most recent snapshot (never null: one is taken at construction). */
    public SensorSnapshot latest() {
        return latest;
    }

    /** Recent snapshots, oldest first. */
    public List<SensorSnapshot> history() {
        synchronized (history) {
            return new ArrayList<>(history);
        }
    }

    /** Adds a listener called with every new snapshot; returns a handle that removes it. */
    public AutoCloseable subscribe(Consumer<SensorSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listeners.clear();
    }
}
