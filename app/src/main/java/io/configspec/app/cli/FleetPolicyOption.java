package io.configspec.app.cli;

import io.configspec.model.fleet.FleetPolicy;
import picocli.CommandLine.Option;

/** {@code --policy centralized|sled|wisp} of the fleet commands. Use as a picocli {@code @Mixin}. */
public final class FleetPolicyOption {

    @Option(
        names = "--policy",
        required = true,
        paramLabel = "P",
        converter = FleetOptions.PolicyConverter.class,
        description = "centralized (server decodes everything), sled (fixed K, FCFS batching) or wisp (dynamic drafting, SLO-aware batching)."
    )
    FleetPolicy policy;
}
