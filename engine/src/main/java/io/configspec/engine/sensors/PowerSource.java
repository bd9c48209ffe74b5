package io.configspec.engine.sensors;

import java.io.IOException;

/**
 * A power sensor found on this machine. Implementations read under a {@link SysfsReader} root or
 * through a {@link CommandRunner}, so tests run them against fixture trees.
 *
 * <p>Not thread-safe: counter-based sources keep the previous counter value. The agent reads each
 * source from one sampling thread.
 */
public sealed interface PowerSource
    permits
        HwmonPowerSource,
        JetsonIna3221PowerSource,
        RaplPowerSource,
        RaspberryPiPmicPowerSource,
        BatteryPowerSource {
    /** Stable id, e.g. {@code jetson-ina3221}, {@code hwmon:amdgpu}, {@code battery:BAT0}. */
    String id();

    PowerCoverage coverage();

    /** One sentence: what the total measures and what it misses. */
    String description();

    /**
     * Reads the source now.
     *
     * @throws IOException if the sensor cannot be read at this moment (file vanished, permission,
     *     command failed, battery not discharging)
     */
    PowerReading read() throws IOException;
}
