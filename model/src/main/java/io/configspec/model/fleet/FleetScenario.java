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
 * @param wispStopThreshold WISP's predicted-acceptance threshold below which drafting stops, in
 *        [0, 1], or NaN for "auto": each device derives it from the cost of drafting one more
 *        token against its observed round goodput ({@link
 *        SpeculationController.ConfidenceStopping#costAwareThreshold})
 * @param wispHoldSeconds longest WISP's scheduler holds a batch open for more requests while no
 *        waiting request would miss its deadline by the wait, ≥ 0 (0: work-conserving)
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
    double wispStopThreshold,
    double wispHoldSeconds
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
        if (!Double.isNaN(wispStopThreshold) && !(wispStopThreshold >= 0 && wispStopThreshold <= 1)) {
            throw new IllegalArgumentException(
                "wispStopThreshold must be in [0, 1] or NaN (auto), was " + wispStopThreshold
            );
        }
        if (!(wispHoldSeconds >= 0) || Double.isInfinite(wispHoldSeconds)) {
            throw new IllegalArgumentException(
                "wispHoldSeconds must be finite and ≥ 0, was " + wispHoldSeconds
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
            wispStopThreshold,
            wispHoldSeconds
        );
    }

    /** Whether WISP's stop threshold is derived per device ("auto"). */
    public boolean autoStopThreshold() {
        return Double.isNaN(wispStopThreshold);
    }

    /** Mean context (prompt + half the output) a verification carries, tokens. */
    public long meanContextTokens() {
        return Math.round(workload.promptTokens().mean() + workload.outputTokens().mean() / 2);
    }

    /**
     * Analytical single-device goodput (DESIGN §4) of {@code type} at fixed K with an uncontended
     * server (batch of one, mean context), tokens/s.
     */
    public double analyticalGoodput(FleetDeviceType type, int k) {
        double expected = type.calibration() != null
            ? io.configspec.model.analysis.SpeculativeRoundModel.expectedTokensPerRound(
                  type.calibration().meanAcceptance(),
                  k
              )
            : type.expectedTokensPerRound(k);
        double round =
            type.roundOverheadSeconds() +
            k / type.draftTokensPerSecond() +
            network.uplinkSeconds(k) +
            network.downlinkSeconds() +
            server.estimator().predictSeconds(k + 1, meanContextTokens(), 1);
        return expected / round;
    }

    /** The K in [1, maxK] with the best {@link #analyticalGoodput}. */
    public int bestFixedK(FleetDeviceType type, int maxK) {
        int best = 1;
        for (int k = 2; k <= maxK; k++) {
            if (analyticalGoodput(type, k) > analyticalGoodput(type, best)) {
                best = k;
            }
        }
        return best;
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
                      autoStopThreshold()
                          ? SpeculationController.ConfidenceStopping.costAwareThreshold(
                                analyticalGoodput(type, bestFixedK(type, wispMaxDraftTokens)),
                                type.draftTokensPerSecond(),
                                type.calibration().meanAcceptance()
                            )
                          : wispStopThreshold,
                      wispMaxDraftTokens
                  );
        };
    }

    /** The verification scheduler the server uses under {@code policy}. */
    public VerificationScheduler schedulerFor(FleetPolicy policy) {
        return switch (policy) {
            case CENTRALIZED -> new FcfsBatchScheduler(server.maxBatchSize(), 0.0);
            case SLED -> new FcfsBatchScheduler(server.maxBatchSize(), sledBatchTimeoutSeconds);
            case WISP -> new SloAwareBatchScheduler(
                server.estimator(),
                server.maxBatchSize(),
                wispHoldSeconds
            );
        };
    }
}
