package io.configspec.model.fleet;

import java.util.List;

/**
 * Everything the fleet simulator needs besides the policy, the number of devices and the run
 * length: the device mix, network, server, workload, the SLO and the policies' knobs.
 *
 * @param name scenario name for reports
 * @param deviceMix device kinds, assigned to devices in proportion to their weights
 * @param network per-device access link
 * @param server the shared verifier
 * @param workload request lengths and think time
 * @param sloTpotSeconds time-per-output-token SLO: a request meets it when its end-to-end time
 *        divided by its output tokens is at most this, &gt; 0
 * @param sledBatchTimeoutSeconds SLED's FCFS batching timeout, ≥ 0
 * @param wispMaxDraftTokens WISP's largest K per round, ≥ 1
 * @param wispStopThreshold WISP's predicted-acceptance threshold below which drafting stops
 */
public record FleetScenario(
    String name,
    List<FleetDeviceType> deviceMix,
    FleetNetwork network,
    FleetServer server,
    FleetWorkload workload,
    double sloTpotSeconds,
    double sledBatchTimeoutSeconds,
    int wispMaxDraftTokens,
    double wispStopThreshold
) {
    public FleetScenario {
        if (deviceMix == null || deviceMix.isEmpty()) {
            throw new IllegalArgumentException("deviceMix must name at least one device kind");
        }
        deviceMix = List.copyOf(deviceMix);
        if (network == null || server == null || workload == null) {
            throw new IllegalArgumentException("network, server and workload must be given");
        }
        if (!(sloTpotSeconds > 0) || Double.isInfinite(sloTpotSeconds)) {
            throw new IllegalArgumentException(
                "sloTpotSeconds must be finite and > 0, was " + sloTpotSeconds
            );
        }
        if (!(sledBatchTimeoutSeconds >= 0) || Double.isInfinite(sledBatchTimeoutSeconds)) {
            throw new IllegalArgumentException(
                "sledBatchTimeoutSeconds must be finite and ≥ 0, was " + sledBatchTimeoutSeconds
            );
        }
        if (wispMaxDraftTokens < 1) {
            throw new IllegalArgumentException("wispMaxDraftTokens must be ≥ 1, was " + wispMaxDraftTokens);
        }
        if (!(wispStopThreshold >= 0 && wispStopThreshold <= 1)) {
            throw new IllegalArgumentException(
                "wispStopThreshold must be in [0, 1], was " + wispStopThreshold
            );
        }
    }

    /** The same scenario with another SLO. */
    public FleetScenario withSloTpotSeconds(double seconds) {
        return new FleetScenario(
            name,
            deviceMix,
            network,
            server,
            workload,
            seconds,
            sledBatchTimeoutSeconds,
            wispMaxDraftTokens,
            wispStopThreshold
        );
    }

    /** The speculation controller a device of kind {@code type} uses under {@code policy}. */
    public SpeculationController controllerFor(FleetPolicy policy, FleetDeviceType type) {
        return switch (policy) {
            case CENTRALIZED -> null;
            case SLED -> new SpeculationController.FixedLength(type.fixedDraftTokens());
            case WISP -> type.calibration() == null
                ? new SpeculationController.FixedLength(type.fixedDraftTokens())
                : new SpeculationController.ConfidenceStopping(
                      type.calibration(),
                      wispStopThreshold,
                      wispMaxDraftTokens
                  );
        };
    }

    /** The verification scheduler the server uses under {@code policy}. */
    public VerificationScheduler schedulerFor(FleetPolicy policy) {
        return switch (policy) {
            case CENTRALIZED -> new FcfsBatchScheduler(server.maxBatchSize(), 0.0);
            case SLED -> new FcfsBatchScheduler(server.maxBatchSize(), sledBatchTimeoutSeconds);
            case WISP -> new SloAwareBatchScheduler(server.estimator(), server.maxBatchSize());
        };
    }
}
