package io.configspec.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.fleet.FleetComparison;
import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetResult;
import io.configspec.model.fleet.FleetScenario;
import io.configspec.model.fleet.FleetSensitivity;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code configspec fleet-report}: WISP against SLED and centralised serving on one scenario —
 * capacity and goodput of each, WISP's ratios (the comparison the WISP paper reports), wasted
 * drafting, and with {@code --sensitivity} the same ratios over the settings the paper leaves open.
 */
@Command(
    name = "fleet-report",
    description = "Compare WISP, SLED and centralized serving: capacity, goodput and WISP's ratios."
)
final class FleetReportCommand extends FleetCommandBase {

    @Option(
        names = "--max-devices",
        paramLabel = "N",
        defaultValue = "1000",
        description = "Upper bound of each capacity search (default: ${DEFAULT-VALUE})."
    )
    int maxDevices;

    @Option(
        names = "--sensitivity",
        description = "Also sweep the settings the paper leaves open (SLO, think time, prompt length, batch limit) and show where WISP reaches 2× centralised serving and SLED falls below it."
    )
    boolean sensitivity;

    @Override
    void checkOptions() {
        checkDevices("--max-devices", maxDevices);
    }

    @Override
    void run(FleetScenario scenario, boolean json, java.io.PrintWriter out) {
        FleetComparison c = FleetComparison.run(
            scenario,
            maxDevices,
            options.durationSeconds,
            options.seed,
            () -> false,
            (p, n) -> {}
        );
        FleetSensitivity sweep = null;
        if (sensitivity) {
            sweep = FleetSensitivity.run(
                scenario,
                FleetSensitivity.defaultGrid(scenario),
                maxDevices,
                options.durationSeconds,
                options.seed,
                () -> false,
                EngineCommandSupport.progressLines(spec.commandLine().getErr())
            );
        }
        if (json) {
            ObjectNode o = FleetJson.MAPPER.createObjectNode();
            o.put("scenario", scenario.name());
            o.put("sloTpotMs", FleetJson.round(scenario.sloTpotSeconds() * 1000, 3));
            o.put("commonDevices", c.commonDevices());
            var policies = o.putObject("policies");
            for (FleetPolicy p : FleetPolicy.values()) {
                ObjectNode node = FleetJson.capacity(c.capacity(p));
                node.remove("evaluated");
                FleetResult common = c.atCommonSize().get(p);
                node.put(
                    "goodputAtCommonDevicesTokensPerSecond",
                    FleetJson.round(common.goodputTokensPerSecond(), 3)
                );
                node.put("draftedTokensAtCommonDevices", common.draftedTokens());
                node.put("wastedDraftTokensAtCommonDevices", common.wastedDraftTokens());
                node.put(
                    "wastedDraftSecondsAtCommonDevices",
                    FleetJson.round(common.wastedDraftSeconds(), 3)
                );
                policies.set(p.cliName(), node);
            }
            var ratios = o.putObject("wispRatios");
            var sledRatios = o.putObject("sledRatios");
            for (FleetPolicy[] pair : FleetComparison.PAPER_PAIRS) {
                (pair[0] == FleetPolicy.WISP ? ratios : sledRatios).putObject(pair[1].cliName())
                    .put("capacity", FleetJson.round(c.capacityRatio(pair[0], pair[1]), 4))
                    .put("goodputAtCapacity", FleetJson.round(c.goodputRatioAtCapacity(pair[0], pair[1]), 4))
                    .put(
                        "goodputAtCommonDevices",
                        FleetJson.round(c.goodputRatioAtCommonSize(pair[0], pair[1]), 4)
                    );
            }
            if (sweep != null) {
                o.set("sensitivity", FleetJson.sensitivity(sweep));
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
            out.print(c.report());
            if (sweep != null) {
                out.println();
                out.print(
                    FleetJson.sensitivityText(sweep, maxDevices, options.durationSeconds, options.seed)
                );
            }
        }
    }
}
