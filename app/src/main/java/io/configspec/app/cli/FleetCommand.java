package io.configspec.app.cli;

import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetResult;
import io.configspec.model.fleet.FleetScenario;
import io.configspec.model.fleet.FleetSimulator;
import io.configspec.model.io.ProfileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec fleet}: simulates N devices sharing one verification server under one
 * policy (docs/fleet.md) and prints goodput, SLO attainment, latency percentiles, server
 * utilisation and wasted drafting.
 */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = "Simulate N edge devices sharing one verification server (centralized, SLED or WISP)."
)
final class FleetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions options;

    @Option(
        names = "--policy",
        required = true,
        paramLabel = "P",
        converter = FleetOptions.PolicyConverter.class,
        description = "centralized (server decodes everything), sled (fixed K, FCFS batching) or wisp (dynamic drafting, SLO-aware batching)."
    )
    FleetPolicy policy;

    @Option(
        names = "--devices",
        required = true,
        paramLabel = "N",
        description = "Number of devices, 1–100000."
    )
    int devices;

    @Override
    public Integer call() throws ProfileException {
        if (devices < 1 || devices > 100_000) {
            throw new UserInputException("--devices must be between 1 and 100000, got " + devices);
        }
        FleetScenario scenario = options.load();
        FleetResult result = FleetSimulator.run(
            scenario,
            policy,
            devices,
            options.durationSeconds,
            options.seed
        );
        var out = spec.commandLine().getOut();
        if (options.format == FleetOptions.Format.json) {
            out.println(FleetJson.result(result).toPrettyString());
        } else {
            out.print(FleetJson.text(result));
        }
        out.flush();
        return ConfigSpecCli.OK;
    }
}
