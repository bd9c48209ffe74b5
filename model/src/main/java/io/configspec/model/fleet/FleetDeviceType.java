package io.configspec.model.fleet;

/**
 * One kind of device in a fleet: its drafting speed, how well its drafter agrees with the
 * target, and how many of the fleet's devices are of this kind.
 *
 * @param id identifier (usually the device profile id plus drafter)
 * @param label name for people
 * @param weight relative share of the fleet, &gt; 0
 * @param draftTokensPerSecond drafting rate r, &gt; 0
 * @param roundOverheadSeconds per-round drafting overhead o, ≥ 0
 * @param acceptanceRate α in [0, 1] (i.i.d. per position unless a curve or calibration is given)
 * @param acceptanceByPosition per-position conditional acceptance α₁…α_m, or {@code null}
 * @param calibration confidence → acceptance table, or {@code null} (then WISP drafts fixed K)
 * @param fixedDraftTokens SLED's K for this device, ≥ 1
 * @param promptTokens this kind's prompt lengths when they differ from the workload's (e.g. a
 *        device that summarises long documents), or {@code null}
 * @param sloTpotSeconds this kind's time-per-output-token SLO when it differs from the
 *        scenario's (e.g. batch document analysis tolerates more than a chat), &gt; 0, or NaN
 */
public record FleetDeviceType(
    String id,
    String label,
    double weight,
    double draftTokensPerSecond,
    double roundOverheadSeconds,
    double acceptanceRate,
    double[] acceptanceByPosition,
    AcceptanceCalibration calibration,
    int fixedDraftTokens,
    TokenLengthDistribution promptTokens,
    double sloTpotSeconds
) {
    public FleetDeviceType {
        FleetChecks.positive(id + ": weight", weight);
        FleetChecks.positive(id + ": draftTokensPerSecond", draftTokensPerSecond);
        FleetChecks.nonNegative(id + ": roundOverheadSeconds", roundOverheadSeconds);
        FleetChecks.probability(id + ": acceptanceRate", acceptanceRate);
        if (acceptanceByPosition != null) {
            if (acceptanceByPosition.length == 0) {
                acceptanceByPosition = null;
            } else {
                for (int i = 0; i < acceptanceByPosition.length; i++) {
                    FleetChecks.probability(
                        id + ": acceptanceByPosition[" + i + "]",
                        acceptanceByPosition[i]
                    );
                }
                acceptanceByPosition = acceptanceByPosition.clone();
            }
        }
        if (!Double.isNaN(sloTpotSeconds)) {
            FleetChecks.positive(id + ": sloTpotSeconds (NaN for the scenario's)", sloTpotSeconds);
        }
        FleetChecks.atLeastOne(id + ": fixedDraftTokens", fixedDraftTokens);
    }

    /**
     * The same device kind with another acceptance model and SLED K.
     *
     * @param alpha mean acceptance
     * @param curve per-position acceptance, or {@code null} / empty
     * @param newCalibration confidence → acceptance table, or {@code null}
     * @param k SLED's K
     */
    public FleetDeviceType withAcceptance(
        double alpha,
        double[] curve,
        AcceptanceCalibration newCalibration,
        int k
    ) {
        return new FleetDeviceType(
            id,
            label,
            weight,
            draftTokensPerSecond,
            roundOverheadSeconds,
            alpha,
            curve,
            newCalibration,
            k,
            promptTokens,
            sloTpotSeconds
        );
    }

    /** The same device kind with another share of the fleet. */
    public FleetDeviceType withWeight(double newWeight) {
        return withShare(newWeight, promptTokens, sloTpotSeconds);
    }

    /** The same device kind with its own prompt lengths ({@code null}: the workload's). */
    public FleetDeviceType withPromptTokens(TokenLengthDistribution prompts) {
        return withShare(weight, prompts, sloTpotSeconds);
    }

    /** The same device kind with another SLED K. */
    public FleetDeviceType withFixedDraftTokens(int k) {
        return withAcceptance(acceptanceRate, acceptanceByPosition, calibration, k);
    }

    /** The same device kind with its own SLO (NaN: the scenario's). */
    public FleetDeviceType withSloTpotSeconds(double seconds) {
        return withShare(weight, promptTokens, seconds);
    }

    /** The same drafting and acceptance with another share, prompt lengths and SLO. */
    private FleetDeviceType withShare(double newWeight, TokenLengthDistribution prompts, double seconds) {
        return new FleetDeviceType(
            id,
            label,
            newWeight,
            draftTokensPerSecond,
            roundOverheadSeconds,
            acceptanceRate,
            acceptanceByPosition,
            calibration,
            fixedDraftTokens,
            prompts,
            seconds
        );
    }

    /** Simplest device: i.i.d. acceptance α, no calibration. */
    public static FleetDeviceType simple(
        String id,
        double weight,
        double draftTokensPerSecond,
        double acceptanceRate,
        int fixedDraftTokens
    ) {
        return new FleetDeviceType(
            id,
            id,
            weight,
            draftTokensPerSecond,
            0,
            acceptanceRate,
            null,
            null,
            fixedDraftTokens,
            null,
            Double.NaN
        );
    }

    /** Expected tokens per round at speculative length k (analytical, DESIGN §4). */
    public double expectedTokensPerRound(int k) {
        if (acceptanceByPosition != null) {
            return io.configspec.model.analysis.SpeculativeRoundModel.expectedTokensPerRound(
                acceptanceByPosition,
                k
            );
        }
        return io.configspec.model.analysis.SpeculativeRoundModel.expectedTokensPerRound(acceptanceRate, k);
    }
}
