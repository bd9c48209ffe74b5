package io.configspec.app.cli;

import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetResult;
import io.configspec.model.fleet.FleetScenario;
import io.configspec.model.fleet.FleetSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code configspec fleet}: simulates N devices sharing one verification server under one
 * policy (docs/fleet.md) and prints goodput, SLO attainment, latency percentiles, server
 * utilisation and wasted drafting.
 */
@Command(
    name = "fleet",
    description = "Simulate N edge devices sharing one verification server (centralized, SLED or WISP)."
)
final class FleetCommand extends FleetCommandBase {

    @Mixin
    FleetPolicyOption policyOption;

    @Option(
        names = "--devices",
        required = true,
        paramLabel = "N",
        description = "Number of devices, 1–100000."
    )
    int devices;

    @Override
    void checkOptions() {
        checkDevices("--devices", devices);
    }

    @Override
    void run(FleetScenario scenario, boolean json, java.io.PrintWriter out) {
        FleetPolicy policy = policyOption.policy;
        FleetResult result = FleetSimulator.run(
            scenario,
            policy,
            devices,
            options.durationSeconds,
            options.seed
        );
        if (json) {
            out.println(FleetJson.result(result).toPrettyString());
        } else {
            out.print(FleetJson.text(result));
        }
    }
}
