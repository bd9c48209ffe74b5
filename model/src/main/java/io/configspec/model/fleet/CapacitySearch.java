package io.configspec.model.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Finds a policy's capacity: the largest number of devices N for which at least the target
 * fraction (95 %) of requests meet the SLO. Doubling N until the SLO breaks, then bisection; every
 * run uses the same seed, so device i does the same work at every N. Assumes attainment falls as
 * N grows (true up to simulation noise; near the threshold the answer may be off by a few devices).
 */
public final class CapacitySearch {

    /** Fraction of requests that must meet the SLO (WISP's capacity definition). */
    public static final double DEFAULT_TARGET_ATTAINMENT = 0.95;

    private CapacitySearch() {}

    public static CapacityResult find(
        FleetScenario scenario,
        FleetPolicy policy,
        int maxDevices,
        double durationSeconds,
        long seed
    ) {
        return find(
            scenario,
            policy,
            maxDevices,
            durationSeconds,
            seed,
            DEFAULT_TARGET_ATTAINMENT,
            () -> false,
            n -> {}
        );
    }

    /**
     * @param maxDevices upper bound of the search, ≥ 1
     * @param targetAttainment required SLO attainment in (0, 1]
     * @param cancelled polled during runs (see {@link FleetSimulator})
     * @param progress told the N of each run before it starts
     */
    public static CapacityResult find(
        FleetScenario scenario,
        FleetPolicy policy,
        int maxDevices,
        double durationSeconds,
        long seed,
        double targetAttainment,
        BooleanSupplier cancelled,
        IntConsumer progress
    ) {
        if (maxDevices < 1) {
            throw new IllegalArgumentException("maxDevices must be ≥ 1, was " + maxDevices);
        }
        if (!(targetAttainment > 0 && targetAttainment <= 1)) {
            throw new IllegalArgumentException("targetAttainment must be in (0, 1], was " + targetAttainment);
        }
        Map<Integer, FleetResult> runs = new HashMap<>();
        List<FleetResult> order = new ArrayList<>();
        java.util.function.IntPredicate meets = n -> {
            FleetResult r = runs.get(n);
            if (r == null) {
                progress.accept(n);
                r = FleetSimulator.run(scenario, policy, n, durationSeconds, seed, cancelled);
                runs.put(n, r);
                order.add(r);
            }
            return r.sloAttainment() >= targetAttainment;
        };
        if (!meets.test(1)) {
            return new CapacityResult(policy, 0, targetAttainment, maxDevices, null, order);
        }
        int good = 1;
        int bad = -1;
        while (bad < 0) {
            int next = Math.min(maxDevices, good * 2);
            if (next == good) {
                break; // good == maxDevices
            }
            if (meets.test(next)) {
                good = next;
            } else {
                bad = next;
            }
        }
        while (bad > 0 && bad - good > 1) {
            int mid = (good + bad) >>> 1;
            if (meets.test(mid)) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return new CapacityResult(policy, good, targetAttainment, maxDevices, runs.get(good), order);
    }
}
