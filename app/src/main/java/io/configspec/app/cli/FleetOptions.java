package io.configspec.app.cli;

import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetScenario;
import io.configspec.model.fleet.FleetScenarioFile;
import io.configspec.model.fleet.FleetSimulator;
import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by the fleet commands ({@code fleet}, {@code capacity}, {@code fleet-report}). Use as a picocli {@code @Mixin}. */
public final class FleetOptions {

    /** Parses {@code centralized|sled|wisp} (also "centralised"). */
    static final class PolicyConverter implements CommandLine.ITypeConverter<FleetPolicy> {

        @Override
        public FleetPolicy convert(String value) {
            try {
                return FleetPolicy.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a fleet policy (expected centralized, sled or wisp)"
                );
            }
        }
    }

    @Option(
        names = "--scenario",
        required = true,
        paramLabel = "FILE",
        description = "Fleet scenario file (\"kind\": \"fleet-scenario\"), e.g. samples/scenarios/fleet.json."
    )
    Path scenario;

    @Option(
        names = "--slo-tpot-ms",
        paramLabel = "X",
        description = "Time-per-output-token SLO in milliseconds (default: the scenario's)."
    )
    Double sloTpotMillis;

    @Option(
        names = "--duration",
        paramLabel = "S",
        defaultValue = "" + (long) FleetSimulator.DEFAULT_DURATION_SECONDS,
        description = "Simulated seconds in which devices start requests (default: ${DEFAULT-VALUE}, as in the explorer's Fleet tab)."
    )
    double durationSeconds;

    @Option(
        names = "--seed",
        paramLabel = "S",
        defaultValue = "" + FleetSimulator.DEFAULT_SEED,
        description = "Workload seed; the same seed gives the same result (default: ${DEFAULT-VALUE})."
    )
    long seed;

    /** Loads the scenario and applies {@code --slo-tpot-ms}; checks the numeric options. */
    FleetScenario load() throws ProfileException {
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds) || durationSeconds > 1e6) {
            throw new UserInputException(
                "--duration must be between 0 and 1000000 seconds, got " + durationSeconds
            );
        }
        if (sloTpotMillis != null && (!(sloTpotMillis > 0) || Double.isInfinite(sloTpotMillis))) {
            throw new UserInputException(
                "--slo-tpot-ms must be a positive number of milliseconds, got " + sloTpotMillis
            );
        }
        FleetScenario scenario = FleetScenarioFile.load(scenario()).scenario();
        return sloTpotMillis == null ? scenario : scenario.withSloTpotSeconds(sloTpotMillis / 1000.0);
    }

    Path scenario() {
        return scenario;
    }
}
