package io.configspec.engine.sensors;

import java.util.Objects;

/**
 * How sensors are read.
 *
 * @param pmicCalibration the Raspberry Pi 5 PMIC correction for this board
 * @param raplPrimingMillis how long the first RAPL read waits to get an interval, ms ≥ 1
 * @param clock monotonic time (a fake in tests)
 */
public record SensorOptions(
    RaspberryPiPmicPowerSource.Calibration pmicCalibration,
    long raplPrimingMillis,
    MonotonicClock clock
) {
    public SensorOptions {
        Objects.requireNonNull(pmicCalibration, "pmicCalibration");
        Objects.requireNonNull(clock, "clock");
        if (raplPrimingMillis < 1) {
            throw new IllegalArgumentException("raplPrimingMillis must be >= 1, was " + raplPrimingMillis);
        }
    }

    public static SensorOptions defaults() {
        return new SensorOptions(RaspberryPiPmicPowerSource.Calibration.NONE, 100, MonotonicClock.SYSTEM);
    }

    public SensorOptions withPmicCalibration(RaspberryPiPmicPowerSource.Calibration calibration) {
        return new SensorOptions(calibration, raplPrimingMillis, clock);
    }

    public SensorOptions withClock(MonotonicClock newClock) {
        return new SensorOptions(pmicCalibration, raplPrimingMillis, newClock);
    }
}
