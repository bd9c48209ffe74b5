package io.configspec.engine.sensors;

import java.util.List;

/**
 * One reading of one power source.
 *
 * @param sourceId the source's id ({@code jetson-ina3221}, {@code rpi5-pmic}, {@code rapl}, ...)
 * @param watts the source's total in W, ≥ 0, with the source's {@link PowerCoverage}
 * @param rails the individual rails or zones, in the hardware's order (may be empty)
 */
public record PowerReading(String sourceId, double watts, List<RailPower> rails) {
    public PowerReading {
        if (!(watts >= 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException(sourceId + ": watts must be finite and >= 0, was " + watts);
        }
        rails = List.copyOf(rails);
    }
}
