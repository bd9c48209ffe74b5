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

    @Mixin
    FleetPolicyOption policyOption;

    @Mixin
    OutputOptions output;

    @Option(
        names = "--devices",
        required = true,
        paramLabel = "N",
        description = "Number of devices, 1–100000."
    )
    int devices;

    @Override
    public Integer call() throws ProfileException, java.io.IOException {
        if (devices < 1 || devices > 100_000) {
            throw new UserInputException("--devices must be between 1 and 100000, got " + devices);
        }
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        FleetPolicy policy = policyOption.policy;
        FleetScenario scenario = options.load();
        FleetResult result = FleetSimulator.run(
            scenario,
            policy,
            devices,
            options.durationSeconds,
            options.seed
        );
        java.io.StringWriter buffer = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(buffer);
        if (format == OutputFormat.JSON) {
            out.println(FleetJson.result(result).toPrettyString());
        } else {
            out.print(FleetJson.text(result));
        }
        out.flush();
        output.write(spec.commandLine().getOut(), spec.commandLine().getErr(), w ->
            w.write(buffer.toString())
        );
        return ConfigSpecCli.OK;
    }
}
