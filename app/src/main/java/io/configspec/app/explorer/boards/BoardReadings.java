package io.configspec.app.explorer.boards;

import io.configspec.engine.sensors.SensorSnapshot;

/**
 * The live figures the Boards dashboard shows, as one value: the board's sensors (streamed) and the
 * running (or last) profiling run's speed and energy (polled). Each is NaN where it is not known.
 *
 * @param watts board power in W from the primary source, NaN without one
 * @param tokensPerSecond drafting tokens/s of the running (or last) profiling run, NaN before one
 * @param joulesPerToken drafting energy per token in J of the running (or last) run, NaN without
 *     power or run
 * @param temperatureCelsius hottest thermal zone in °C, NaN without one
 * @param frequencyMhz mean CPU frequency in MHz, NaN without cpufreq
 */
public record BoardReadings(
    double watts,
    double tokensPerSecond,
    double joulesPerToken,
    double temperatureCelsius,
    double frequencyMhz
) {
    /** Nothing known yet. */
    public static final BoardReadings NONE = new BoardReadings(
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN
    );

    /** These readings with the sensor figures of {@code s} (the run's figures stay). */
    BoardReadings withSensors(SensorSnapshot s) {
        return new BoardReadings(
            s.powerWatts(),
            tokensPerSecond,
            joulesPerToken,
            s.maxTemperatureCelsius(),
            s.meanCpuFrequencyMhz()
        );
    }

    /** These readings with a run's drafting speed (tokens/s) and energy (J/token). */
    BoardReadings withRun(double runTokensPerSecond, double runJoulesPerToken) {
        return new BoardReadings(
            watts,
            runTokensPerSecond,
            runJoulesPerToken,
            temperatureCelsius,
            frequencyMhz
        );
    }
}
