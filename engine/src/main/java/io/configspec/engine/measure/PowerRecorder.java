package io.configspec.engine.measure;

import io.configspec.engine.sensors.EnergyIntegrator;
import io.configspec.engine.sensors.SensorSampler;
import io.configspec.engine.sensors.SensorSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the board's power between {@link #start()} and {@link #stop()} from a {@link
 * SensorSampler} and integrates it to energy (trapezoidal rule). The window's ends are filled with
 * the latest reading (sample and hold) so a phase shorter than the sampling period still gets its
 * energy. Without a power sensor every figure is NaN.
 */
public final class PowerRecorder {

    /** A finished recording. */
    public record Recording(double seconds, double joules, double meanWatts, int samples) {
        public boolean measured() {
            return !Double.isNaN(joules);
        }
    }

    private final SensorSampler sampler;
    private final List<long[]> times = new ArrayList<>();
    private final List<Double> watts = new ArrayList<>();
    private AutoCloseable subscription;
    private long startNanos;

    public PowerRecorder(SensorSampler sampler) {
        this.sampler = sampler;
    }

    public synchronized void start() {
        times.clear();
        watts.clear();
        startNanos = System.nanoTime();
        add(startNanos, sampler.latest().powerWatts());
        subscription = sampler.subscribe(this::onSample);
    }

    private synchronized void onSample(SensorSnapshot snapshot) {
        if (subscription != null && snapshot.monotonicNanos() > startNanos) {
            add(snapshot.monotonicNanos(), snapshot.powerWatts());
        }
    }

    private void add(long nanos, double w) {
        times.add(new long[] { nanos });
        watts.add(w);
    }

    public Recording stop() {
        AutoCloseable s;
        synchronized (this) {
            s = subscription;
            subscription = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (Exception ignored) {
                // removing a listener does not fail
            }
        }
        synchronized (this) {
            long stopNanos = Math.max(System.nanoTime(), times.getLast()[0]);
            add(stopNanos, sampler.latest().powerWatts());
            long[] t = new long[times.size()];
            double[] p = new double[watts.size()];
            boolean any = false;
            for (int i = 0; i < t.length; i++) {
                t[i] = times.get(i)[0];
                p[i] = watts.get(i);
                any |= !Double.isNaN(p[i]);
            }
            double seconds = (stopNanos - startNanos) / 1e9;
            if (!any) {
                return new Recording(seconds, Double.NaN, Double.NaN, 0);
            }
            // Fill sensor gaps (a reading that failed) with the previous value, or the next one.
            for (int i = 1; i < p.length; i++) {
                if (Double.isNaN(p[i])) {
                    p[i] = p[i - 1];
                }
            }
            for (int i = p.length - 2; i >= 0; i--) {
                if (Double.isNaN(p[i])) {
                    p[i] = p[i + 1];
                }
            }
            double joules = EnergyIntegrator.trapezoidJoules(t, p);
            return new Recording(seconds, joules, seconds > 0 ? joules / seconds : p[0], p.length);
        }
    }
}
