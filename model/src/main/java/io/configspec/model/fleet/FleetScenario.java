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
 * @param wispMaxDraftTokens largest K per round: bounds the search for each device's best fixed K and
 *        WISP's per-round budget (which is the device's SLED K), ≥ 1
 * @param wispStopThreshold WISP's floor on the predicted acceptance of the whole drafted
 *        prefix, in [0, 1], or NaN for "auto": each device derives it from the cost of drafting
 *        one more token against its observed round goodput ({@link #costAwarePrefixFloor})
 * @param wispHoldSeconds longest WISP's scheduler holds a batch open for more requests while no
 *        waiting request would miss its deadline by the wait, ≥ 0 (0: work-conserving)
 * @param wispRejectBelow WISP stops drafting at a token whose predicted acceptance is below this
 *        (a predicted rejection), in [0, 1]
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
    double wispHoldSeconds,
    double wispRejectBelow
) {
    /** WISP's default: a token more likely rejected than accepted stops drafting. */
    public static final double DEFAULT_REJECT_BELOW = 0.5;

    public FleetScenario {
        if (deviceMix == null || deviceMix.isEmpty()) {
            throw new IllegalArgumentException("deviceMix must name at least one device kind");
        }
        deviceMix = List.copyOf(deviceMix);
        if (network == null || server == null || workload == null) {
            throw new IllegalArgumentException("network, server and workload must be given");
        }
        FleetChecks.positive("sloTpotSeconds", sloTpotSeconds);
        FleetChecks.nonNegative("sledBatchTimeoutSeconds", sledBatchTimeoutSeconds);
        FleetChecks.atLeastOne("wispMaxDraftTokens", wispMaxDraftTokens);
        if (!Double.isNaN(wispStopThreshold)) {
            FleetChecks.probability("wispStopThreshold (NaN for auto)", wispStopThreshold);
        }
        FleetChecks.nonNegative("wispHoldSeconds", wispHoldSeconds);
        FleetChecks.probability("wispRejectBelow", wispRejectBelow);
    }

    /** The same scenario with another SLO. */
    public FleetScenario withSloTpotSeconds(double seconds) {
        return withFleet(deviceMix, server, workload, seconds);
    }

    /** The same scenario with another workload. */
    public FleetScenario withWorkload(FleetWorkload newWorkload) {
        return withFleet(deviceMix, server, newWorkload, sloTpotSeconds);
    }

    /** The same scenario with another server (e.g. another batch limit). */
    public FleetScenario withServer(FleetServer newServer) {
        return withFleet(deviceMix, newServer, workload, sloTpotSeconds);
    }

    /** The same scenario with another device mix. */
    public FleetScenario withDeviceMix(List<FleetDeviceType> mix) {
        return withFleet(mix, server, workload, sloTpotSeconds);
    }

    /** The same policies' knobs with another device mix, server, workload and SLO. */
    private FleetScenario withFleet(
        List<FleetDeviceType> mix,
        FleetServer newServer,
        FleetWorkload newWorkload,
        double seconds
    ) {
        return new FleetScenario(
            name,
            mix,
            network,
            newServer,
            newWorkload,
            seconds,
            sledBatchTimeoutSeconds,
            wispMaxDraftTokens,
            wispStopThreshold,
            wispHoldSeconds,
            wispRejectBelow
        );
    }

    /** The same scenario with other WISP controller knobs. */
    public FleetScenario withWisp(int maxDraftTokens, double stopThreshold, double rejectBelow) {
        return new FleetScenario(
            name,
            deviceMix,
            network,
            server,
            workload,
            sloTpotSeconds,
            sledBatchTimeoutSeconds,
            maxDraftTokens,
            stopThreshold,
            wispHoldSeconds,
            rejectBelow
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

    /** Mean context a verification of a device of kind {@code type} carries, tokens. */
    public long meanContextTokens(FleetDeviceType type) {
        TokenLengthDistribution prompts = type.promptTokens() != null
            ? type.promptTokens()
            : workload.promptTokens();
        return Math.round(prompts.mean() + workload.outputTokens().mean() / 2);
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
            server.estimator().predictSeconds(k + 1, meanContextTokens(type), 1);
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

    /**
     * The speculation controller a device of kind {@code type} uses under {@code policy}. WISP's
     * budget per round is SLED's K for that device (at most {@code wispMaxDraftTokens}): dynamic
     * drafting never drafts more than SLED would, it stops earlier — at a token predicted to be
     * rejected, or when one more token would not pay for its drafting time — so that it wastes
     * less drafting at no loss of goodput (the WISP paper's objective), rather than trading more
     * drafting for goodput.
     */
    public SpeculationController controllerFor(FleetPolicy policy, FleetDeviceType type) {
        return switch (policy) {
            case CENTRALIZED -> null;
            case SLED -> new SpeculationController.FixedLength(type.fixedDraftTokens());
            case WISP -> type.calibration() == null
                ? new SpeculationController.FixedLength(type.fixedDraftTokens())
                : new SpeculationController.DynamicDrafting(
                      type.calibration(),
                      wispRejectBelow,
                      autoStopThreshold()
                          ? costAwarePrefixFloor(
                                analyticalGoodput(type, bestFixedK(type, wispMaxDraftTokens)),
                                type.draftTokensPerSecond(),
                                type.calibration().meanAcceptance()
                            )
                          : wispStopThreshold,
                      Math.min(wispMaxDraftTokens, type.fixedDraftTokens())
                  );
        };
    }

    /**
     * The prefix floor at which drafting one more token stops paying: the next token costs 1/r
     * seconds of drafting and adds, in expectation, the current prefix's predicted acceptance × α
     * tokens; it is worth drafting while that beats the device's round goodput G (tokens/s over
     * whole rounds, including network and verification). So continue while the prefix's
     * predicted acceptance ≥ G / (r × α), clamped to [0, 1].
     *
     * @param roundTokensPerSecond the device's goodput over recent rounds, G
     * @param draftTokensPerSecond its drafting rate r
     * @param meanAcceptance the drafter's mean acceptance α
     */
    public static double costAwarePrefixFloor(
        double roundTokensPerSecond,
        double draftTokensPerSecond,
        double meanAcceptance
    ) {
        double t = roundTokensPerSecond / (draftTokensPerSecond * Math.max(1e-9, meanAcceptance));
        return Double.isNaN(t) ? 1.0 : Math.max(0.0, Math.min(1.0, t));
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
