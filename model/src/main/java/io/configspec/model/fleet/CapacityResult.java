package io.configspec.model.fleet;

import java.util.List;

/**
 * Largest fleet a policy serves within the SLO.
 *
 * @param policy the policy
 * @param capacityDevices largest N whose SLO attainment reached the target (0: not even one device)
 * @param targetAttainment the attainment required (0.95 by default)
 * @param maxDevices the search's upper bound (capacity equal to it means "at least")
 * @param atCapacity the run at {@code capacityDevices}, or {@code null} when it is 0
 * @param evaluated every run the search made, in the order made
 */
public record CapacityResult(
    FleetPolicy policy,
    int capacityDevices,
    double targetAttainment,
    int maxDevices,
    FleetResult atCapacity,
    List<FleetResult> evaluated
) {
    public CapacityResult {
        evaluated = List.copyOf(evaluated);
    }

    /** Whether the search hit its upper bound (the true capacity may be larger). */
    public boolean reachedSearchLimit() {
        return capacityDevices >= maxDevices;
    }
}
