package io.configspec.app.cli;

import io.configspec.model.fleet.CapacityResult;
import io.configspec.model.fleet.CapacitySearch;
import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetResult;
import io.configspec.model.fleet.FleetScenario;
import io.configspec.model.io.ProfileException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec capacity}: the largest fleet a policy serves with at least 95 % of requests
 * meeting the time-per-output-token SLO (doubling, then bisection, all on the same seed).
 */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description = "Find the most devices a policy serves with ≥ 95 %% of requests meeting the SLO."
)
final class CapacityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions options;

    @Mixin
    FleetPolicyOption policyOption;

    @Mixin
    OutputOptions output;

    @Option(
        names = "--max-devices",
        paramLabel = "N",
        defaultValue = "1000",
        description = "Upper bound of the search (default: ${DEFAULT-VALUE})."
    )
    int maxDevices;

    @Override
    public Integer call() throws ProfileException, java.io.IOException {
        if (maxDevices < 1 || maxDevices > 100_000) {
            throw new UserInputException("--max-devices must be between 1 and 100000, got " + maxDevices);
        }
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        FleetPolicy policy = policyOption.policy;
        FleetScenario scenario = options.load();
        CapacityResult c = CapacitySearch.find(
            scenario,
            policy,
            maxDevices,
            options.durationSeconds,
            options.seed
        );
        java.io.StringWriter buffer = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(buffer);
        if (format == OutputFormat.JSON) {
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
        out.flush();
        output.write(spec.commandLine().getOut(), spec.commandLine().getErr(), w ->
            w.write(buffer.toString())
        );
        return ConfigSpecCli.OK;
    }
}
