package io.configspec.model.fleet;

import java.util.EnumMap;
import java.util.List;
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
        return capacityRatio(FleetPolicy.WISP, other);
    }

    /** {@code policy}'s capacity over {@code other}'s (∞ when the other serves none, NaN when neither does). */
    public double capacityRatio(FleetPolicy policy, FleetPolicy other) {
        return (double) capacity(policy).capacityDevices() / capacity(other).capacityDevices();
    }

    /** WISP's goodput at its capacity over {@code other}'s goodput at the other's capacity. */
    public double goodputRatioAtCapacity(FleetPolicy other) {
        return goodputRatioAtCapacity(FleetPolicy.WISP, other);
    }

    /** {@code policy}'s goodput at its capacity over {@code other}'s at the other's capacity. */
    public double goodputRatioAtCapacity(FleetPolicy policy, FleetPolicy other) {
        return goodputAtCapacity(policy) / goodputAtCapacity(other);
    }

    /** WISP's goodput over {@code other}'s, both at the common fleet size. */
    public double goodputRatioAtCommonSize(FleetPolicy other) {
        return goodputRatioAtCommonSize(FleetPolicy.WISP, other);
    }

    /** {@code policy}'s goodput over {@code other}'s, both at the common fleet size. */
    public double goodputRatioAtCommonSize(FleetPolicy policy, FleetPolicy other) {
        return (
            atCommonSize.get(policy).goodputTokensPerSecond() /
            atCommonSize.get(other).goodputTokensPerSecond()
        );
    }

    /** The pairs the WISP paper compares: WISP over centralised, WISP over SLED, SLED over centralised. */
    public static final List<FleetPolicy[]> PAPER_PAIRS = List.of(
        new FleetPolicy[] { FleetPolicy.WISP, FleetPolicy.CENTRALIZED },
        new FleetPolicy[] { FleetPolicy.WISP, FleetPolicy.SLED },
        new FleetPolicy[] { FleetPolicy.SLED, FleetPolicy.CENTRALIZED }
    );

    /** Goodput of {@code policy} at its own capacity, tokens/s (0 when its capacity is 0). */
    public double goodputAtCapacity(FleetPolicy policy) {
        FleetResult r = capacity(policy).atCapacity();
        return r == null ? 0.0 : r.goodputTokensPerSecond();
    }

    /** What the WISP paper reports (arXiv 2601.11652; SLED and centralised figures as quoted in issue 11). */
    public static final String PAPER_FIGURES =
        "(The WISP paper (Li et al., arXiv 2601.11652) reports up to 2.1× and 4.1× capacity and 1.94× and 3.7× goodput over " +
        "centralised serving and SLED; in its evaluation SLED's goodput is below centralised serving's (170.82 against " +
        "326.12 tokens/s, 0.52×, Qwen3-32B on an A100, as quoted in issue 11). literature)";

    /**
     * The whole comparison for people, as {@code configspec fleet-report} prints it and the Fleet
     * tab shows it: {@link #summary()}, SLED's and WISP's wasted drafting at the common size, and
     * the paper's figures.
     */
    public String report() {
        StringBuilder out = new StringBuilder(summary());
        for (FleetPolicy p : new FleetPolicy[] { FleetPolicy.SLED, FleetPolicy.WISP }) {
            FleetResult r = atCommonSize.get(p);
            out.append(
                String.format(
                    Locale.ROOT,
                    "%-12s at N = %d: drafted %d tokens, wasted %d (%.1f %%), wasted drafting %.1f s of %.1f s%n",
                    p.label(),
                    commonDevices,
                    r.draftedTokens(),
                    r.wastedDraftTokens(),
                    r.wastedDraftFraction() * 100,
                    r.wastedDraftSeconds(),
                    r.draftSeconds()
                )
            );
        }
        return out.append(PAPER_FIGURES).append(System.lineSeparator()).toString();
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
        for (FleetPolicy[] pair : PAPER_PAIRS) {
            out.append(
                String.format(
                    Locale.ROOT,
                    "%-4s / %-11s capacity %.2f×, goodput at capacity %.2f×, goodput at N = %d %.2f×%n",
                    pair[0].label(),
                    pair[1].label(),
                    capacityRatio(pair[0], pair[1]),
                    goodputRatioAtCapacity(pair[0], pair[1]),
                    commonDevices,
                    goodputRatioAtCommonSize(pair[0], pair[1])
                )
            );
        }
        return out.toString();
    }
}
