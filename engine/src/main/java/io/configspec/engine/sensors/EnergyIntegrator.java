package io.configspec.engine.sensors;

/**
 * Energy from a power trace by the trapezoidal rule, E = Σ (t_{i+1} − t_i)(P_i + P_{i+1}) / 2, in
 * one pass or incrementally as samples arrive. Exact for power that is piecewise linear between
 * samples; for counter-based sources (RAPL) the samples are already interval averages and the
 * counter deltas ({@link EnergyCounters}) are the exact figure.
 *
 * <p>Units: time in nanoseconds (monotonic), power in W, energy in J. Not thread-safe.
 */
public final class EnergyIntegrator {

    private long firstNanos;
    private long lastNanos;
    private double lastWatts = Double.NaN;
    private double joules;
    private int samples;

    /**
     * Integrates a whole trace.
     *
     * @param nanos sample times, non-decreasing
     * @param watts power at each time, same length
     * @return joules over [nanos[0], nanos[n−1]]; 0 for fewer than two samples; NaN if any power is NaN
     * @throws IllegalArgumentException if the lengths differ or time goes backwards
     */
    public static double trapezoidJoules(long[] nanos, double[] watts) {
        if (nanos.length != watts.length) {
            throw new IllegalArgumentException(
                "trace lengths differ: " + nanos.length + " times, " + watts.length + " powers"
            );
        }
        EnergyIntegrator integrator = new EnergyIntegrator();
        for (int i = 0; i < nanos.length; i++) {
            integrator.add(nanos[i], watts[i]);
        }
        return integrator.joules();
    }

    /**
     * Adds a sample.
     *
     * @throws IllegalArgumentException if {@code nanos} is before the previous sample's time
     */
    public void add(long nanos, double watts) {
        if (samples == 0) {
            firstNanos = nanos;
        } else {
            if (nanos < lastNanos) {
                throw new IllegalArgumentException(
                    "sample time " + nanos + " ns is before the previous " + lastNanos + " ns"
                );
            }
            joules += (((nanos - lastNanos) / 1e9) * (lastWatts + watts)) / 2.0;
        }
        lastNanos = nanos;
        lastWatts = watts;
        samples++;
    }

    /** Energy so far in J (0 before two samples). */
    public double joules() {
        return joules;
    }

    /** Time covered so far in s. */
    public double seconds() {
        return samples < 2 ? 0.0 : (lastNanos - firstNanos) / 1e9;
    }

    /** Mean power over the covered time in W, or NaN before two samples or over zero time. */
    public double meanWatts() {
        double s = seconds();
        return s > 0 ? joules / s : Double.NaN;
    }

    public int samples() {
        return samples;
    }
}
