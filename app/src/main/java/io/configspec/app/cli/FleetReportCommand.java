package io.configspec.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.fleet.FleetComparison;
import io.configspec.model.fleet.FleetPolicy;
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
 * {@code configspec fleet-report}: WISP against SLED and centralised serving on one scenario —
 * capacity and goodput of each, and WISP's ratios (the comparison the WISP paper reports).
 */
@Command(
    name = "fleet-report",
    mixinStandardHelpOptions = true,
    description = "Compare WISP, SLED and centralized serving: capacity, goodput and WISP's ratios."
)
final class FleetReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions options;

    @Mixin
    OutputOptions output;

    @Option(
        names = "--max-devices",
        paramLabel = "N",
        defaultValue = "1000",
        description = "Upper bound of each capacity search (default: ${DEFAULT-VALUE})."
    )
    int maxDevices;

    @Override
    public Integer call() throws ProfileException, java.io.IOException {
        if (maxDevices < 1 || maxDevices > 100_000) {
            throw new UserInputException("--max-devices must be between 1 and 100000, got " + maxDevices);
        }
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        FleetScenario scenario = options.load();
        FleetComparison c = FleetComparison.run(
            scenario,
            maxDevices,
            options.durationSeconds,
            options.seed,
            () -> false,
            (p, n) -> {}
        );
        java.io.StringWriter buffer = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(buffer);
        if (format == OutputFormat.JSON) {
            ObjectNode o = FleetJson.MAPPER.createObjectNode();
            o.put("scenario", scenario.name());
            o.put("sloTpotMs", FleetJson.round(scenario.sloTpotSeconds() * 1000, 3));
            o.put("commonDevices", c.commonDevices());
            var policies = o.putObject("policies");
            for (FleetPolicy p : FleetPolicy.values()) {
                ObjectNode node = FleetJson.capacity(c.capacity(p));
                node.remove("evaluated");
                node.put(
                    "goodputAtCommonDevicesTokensPerSecond",
                    FleetJson.round(c.atCommonSize().get(p).goodputTokensPerSecond(), 3)
                );
                policies.set(p.cliName(), node);
            }
            var ratios = o.putObject("wispRatios");
            for (FleetPolicy other : new FleetPolicy[] { FleetPolicy.CENTRALIZED, FleetPolicy.SLED }) {
                ratios
                    .putObject(other.cliName())
                    .put("capacity", FleetJson.round(c.capacityRatio(other), 4))
                    .put("goodputAtCapacity", FleetJson.round(c.goodputRatioAtCapacity(other), 4))
                    .put("goodputAtCommonDevices", FleetJson.round(c.goodputRatioAtCommonSize(other), 4));
            }
            o.put("provenance", "simulated");
            out.println(o.toPrettyString());
        } else {
            out.printf(
                Locale.ROOT,
                "%s: TPOT SLO %.1f ms, capacity = most devices with ≥ 95 %% of requests within it (simulated, %.0f s, seed %d)%n%n",
                scenario.name(),
                scenario.sloTpotSeconds() * 1000,
                options.durationSeconds,
                options.seed
            );
            out.print(c.summary());
            out.println(
                "(The WISP paper reports up to 2.1× and 4.1× capacity over centralised serving and SLED.)"
            );
        }
        out.flush();
        output.write(spec.commandLine().getOut(), spec.commandLine().getErr(), w ->
            w.write(buffer.toString())
        );
        return ConfigSpecCli.OK;
    }
}
