package io.configspec.model.fleet;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * WISP against SLED and centralised serving on one scenario (the comparison the WISP paper
 * reports): each policy's capacity, its goodput at capacity, and every policy's goodput at one
 * common fleet size (WISP's capacity), with WISP's ratios over the other two.
 *
 * @param capacities capacity search per policy
 * @param atCommonSize each policy's run at {@code commonDevices}
 * @param commonDevices the common fleet size (WISP's capacity, at least 1)
 */
public record FleetComparison(
    Map<FleetPolicy, CapacityResult> capacities,
    Map<FleetPolicy, FleetResult> atCommonSize,
    int commonDevices
) {
    public FleetComparison {
        capacities = Map.copyOf(capacities);
        atCommonSize = Map.copyOf(atCommonSize);
    }

    /**
     * Runs the three capacity searches and the common-size runs (same seed everywhere).
     *
     * @param progress told (policy, N) before each simulation
     */
    public static FleetComparison run(
        FleetScenario scenario,
        int maxDevices,
        double durationSeconds,
        long seed,
        BooleanSupplier cancelled,
        BiConsumer<FleetPolicy, Integer> progress
    ) {
        Map<FleetPolicy, CapacityResult> capacities = new EnumMap<>(FleetPolicy.class);
        for (FleetPolicy policy : FleetPolicy.values()) {
            capacities.put(
                policy,
                CapacitySearch.find(
                    scenario,
                    policy,
                    maxDevices,
                    durationSeconds,
                    seed,
                    CapacitySearch.DEFAULT_TARGET_ATTAINMENT,
                    cancelled,
                    n -> progress.accept(policy, n)
                )
            );
        }
        int common = Math.max(1, capacities.get(FleetPolicy.WISP).capacityDevices());
        Map<FleetPolicy, FleetResult> atCommon = new EnumMap<>(FleetPolicy.class);
        for (FleetPolicy policy : FleetPolicy.values()) {
            FleetResult known = capacities
                .get(policy)
                .evaluated()
                .stream()
                .filter(r -> r.devices() == common)
                .findFirst()
                .orElse(null);
            if (known == null) {
                progress.accept(policy, common);
                known = FleetSimulator.run(scenario, policy, common, durationSeconds, seed, cancelled);
            }
            atCommon.put(policy, known);
        }
        return new FleetComparison(capacities, atCommon, common);
    }

    public CapacityResult capacity(FleetPolicy policy) {
        return capacities.get(policy);
    }

    /** WISP's capacity over {@code other}'s (∞ when the other serves no device, NaN when neither does). */
    public double capacityRatio(FleetPolicy other) {
        return (double) capacity(FleetPolicy.WISP).capacityDevices() / capacity(other).capacityDevices();
    }

    /** WISP's goodput at its capacity over {@code other}'s goodput at the other's capacity. */
    public double goodputRatioAtCapacity(FleetPolicy other) {
        return goodputAtCapacity(FleetPolicy.WISP) / goodputAtCapacity(other);
    }

    /** WISP's goodput over {@code other}'s, both at the common fleet size. */
    public double goodputRatioAtCommonSize(FleetPolicy other) {
        return (
            atCommonSize.get(FleetPolicy.WISP).goodputTokensPerSecond() /
            atCommonSize.get(other).goodputTokensPerSecond()
        );
    }

    /** Goodput of {@code policy} at its own capacity, tokens/s (0 when its capacity is 0). */
    public double goodputAtCapacity(FleetPolicy policy) {
        FleetResult r = capacity(policy).atCapacity();
        return r == null ? 0.0 : r.goodputTokensPerSecond();
    }

    /** A few lines for people: capacity, goodput and ratios. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(
            String.format(
                Locale.ROOT,
                "%-12s %9s %22s %26s%n",
                "policy",
                "capacity",
                "goodput at capacity",
                "goodput at N = " + commonDevices
            )
        );
        for (FleetPolicy p : FleetPolicy.values()) {
            CapacityResult c = capacity(p);
            out.append(
                String.format(
                    Locale.ROOT,
                    "%-12s %9s %18.1f t/s %22.1f t/s%n",
                    p.label(),
                    c.capacityDevices() + (c.reachedSearchLimit() ? "+" : ""),
                    goodputAtCapacity(p),
                    atCommonSize.get(p).goodputTokensPerSecond()
                )
            );
        }
        for (FleetPolicy other : new FleetPolicy[] { FleetPolicy.CENTRALIZED, FleetPolicy.SLED }) {
            out.append(
                String.format(
                    Locale.ROOT,
                    "WISP / %-11s capacity %.2f×, goodput at capacity %.2f×, goodput at N = %d %.2f×%n",
                    other.label(),
                    capacityRatio(other),
                    goodputRatioAtCapacity(other),
                    commonDevices,
                    goodputRatioAtCommonSize(other)
                )
            );
        }
        return out.toString();
    }
}
