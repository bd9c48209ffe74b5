package io.configspec.engine.sensors;

/**
 * Power on one rail or zone at one instant (or, for energy counters, averaged since the previous
 * reading).
 *
 * @param name the rail's label as the hardware names it ({@code VDD_IN}, {@code VDD_CORE}, {@code package-0})
 * @param watts power in W, ≥ 0
 * @param volts bus voltage in V, or NaN where the source does not report it
 * @param amps current in A, or NaN where the source does not report it
 */
public record RailPower(String name, double watts, double volts, double amps) {
    public RailPower {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("rail name must not be blank");
        }
        if (!(watts >= 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException(
                "rail " + name + ": watts must be finite and >= 0, was " + watts
            );
        }
    }

    public static RailPower of(String name, double watts) {
        return new RailPower(name, watts, Double.NaN, Double.NaN);
    }

    /** From a voltage and a current; negative currents (a regulator sinking) count as zero power. */
    public static RailPower fromVoltsAndAmps(String name, double volts, double amps) {
        return new RailPower(name, Math.max(0.0, volts * amps), volts, amps);
    }
}
