package io.configspec.engine.sensors;

/** Arithmetic on monotonically increasing hardware energy counters that wrap around. */
public final class EnergyCounters {

    private EnergyCounters() {}

    /**
     * Energy between two readings of a counter that counts from 0 to {@code maxRange} and then
     * restarts from 0 (RAPL {@code energy_uj} with {@code max_energy_range_uj}). Assumes at most one
     * wrap between the readings (RAPL wraps after minutes to hours; read more often than that).
     *
     * @param previous the earlier reading, in [0, maxRange]
     * @param current the later reading, in [0, maxRange]
     * @param maxRange the counter's range, > 0
     * @return the energy in the counter's unit, ≥ 0
     */
    public static long delta(long previous, long current, long maxRange) {
        if (maxRange <= 0) {
            throw new IllegalArgumentException("maxRange must be > 0, was " + maxRange);
        }
        if (current >= previous) {
            return current - previous;
        }
        return (maxRange - previous) + current;
    }
}
