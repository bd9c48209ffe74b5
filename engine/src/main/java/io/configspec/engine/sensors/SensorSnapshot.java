package io.configspec.engine.sensors;

import java.util.List;

/**
 * One reading of all sensors of a machine.
 *
 * @param epochMillis wall-clock time of the reading
 * @param monotonicNanos monotonic time of the reading (for intervals and energy integration)
 * @param powerWatts the primary power source's total in W, or NaN where the machine has no
 *     readable power sensor (never a guess)
 * @param powerSourceId the primary source's id, or {@code null} with NaN power
 * @param power every power source that could be read
 * @param temperatures every thermal zone
 * @param cpuFrequenciesMhz current frequency per online CPU, in MHz
 * @param memoryUsedBytes physical memory in use (total − available), or −1 if unknown
 */
public record SensorSnapshot(
    long epochMillis,
    long monotonicNanos,
    double powerWatts,
    String powerSourceId,
    List<PowerReading> power,
    List<Temperature> temperatures,
    double[] cpuFrequenciesMhz,
    long memoryUsedBytes
) {
    public SensorSnapshot {
        power = List.copyOf(power);
        temperatures = List.copyOf(temperatures);
        cpuFrequenciesMhz = cpuFrequenciesMhz.clone();
    }

    /** Whether a power figure was measured. */
    public boolean hasPower() {
        return !Double.isNaN(powerWatts);
    }

    /** The hottest zone in °C, or NaN without thermal zones. */
    public double maxTemperatureCelsius() {
        return temperatures.stream().mapToDouble(Temperature::celsius).max().orElse(Double.NaN);
    }

    /** The mean CPU frequency in MHz, or NaN without cpufreq. */
    public double meanCpuFrequencyMhz() {
        double sum = 0;
        for (double f : cpuFrequenciesMhz) {
            sum += f;
        }
        return cpuFrequenciesMhz.length == 0 ? Double.NaN : sum / cpuFrequenciesMhz.length;
    }

    @Override
    public double[] cpuFrequenciesMhz() {
        return cpuFrequenciesMhz.clone();
    }
}
