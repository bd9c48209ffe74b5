package io.configspec.app.cli;

import io.configspec.model.fleet.CapacityResult;
import io.configspec.model.fleet.CapacitySearch;
import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetResult;
import io.configspec.model.fleet.FleetScenario;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code configspec capacity}: the largest fleet a policy serves with at least 95 % of requests
 * meeting the time-per-output-token SLO (doubling, then bisection, all on the same seed).
 */
@Command(
    name = "capacity",
    description = "Find the most devices a policy serves with ≥ 95 %% of requests meeting the SLO."
)
final class CapacityCommand extends FleetCommandBase {

    @Mixin
    FleetPolicyOption policyOption;

    @Option(
        names = "--max-devices",
        paramLabel = "N",
        defaultValue = "1000",
        description = "Upper bound of the search (default: ${DEFAULT-VALUE})."
    )
    int maxDevices;

    @Override
    void checkOptions() {
        checkDevices("--max-devices", maxDevices);
    }

    @Override
    void run(FleetScenario scenario, boolean json, java.io.PrintWriter out) {
        FleetPolicy policy = policyOption.policy;
        CapacityResult c = CapacitySearch.find(
            scenario,
            policy,
            maxDevices,
            options.durationSeconds,
            options.seed
        );
        if (json) {
            out.println(FleetJson.capacity(c).toPrettyString());
        } else {
            FleetResult at = c.atCapacity();
            out.printf(
                Locale.ROOT,
                "%s serves %s%d devices with ≥ %.0f %% of requests within %.1f ms per token%s%n",
                policy.label(),
                c.reachedSearchLimit() ? "at least " : "",
                c.capacityDevices(),
                c.targetAttainment() * 100,
                scenario.sloTpotSeconds() * 1000,
                at == null
                    ? " (not even one device meets the SLO)"
                    : String.format(
                          Locale.ROOT,
                          " (goodput %.1f tokens/s, attainment %.1f %%, TPOT p50 %.1f ms, p99 %.1f ms; simulated)",
                          at.goodputTokensPerSecond(),
                          at.sloAttainment() * 100,
                          at.tpotP50Seconds() * 1000,
                          at.tpotP99Seconds() * 1000
                      )
            );
        }
    }
}
