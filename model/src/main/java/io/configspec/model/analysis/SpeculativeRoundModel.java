package io.configspec.model.analysis;

/**
 * Closed-form model of one speculative decoding round (DESIGN §4; ConfigSpec, Li et al. 2026;
 * the geometric acceptance model of Leviathan et al., "Fast Inference from Transformers via
 * Speculative Decoding", ICML 2023, eq. 1).
 *
 * <p>A round drafts {@code k} tokens on the device, ships them to the verifier, and keeps the
 * longest accepted prefix plus one token of the target's own (the bonus token). All methods are
 * pure, allocation-free and safe to call from any thread; they are the single source of the
 * formulas for the configuration-space evaluator, the fleet simulator and the GUI.
 *
 * <p>Units: seconds, tokens, tokens per second, bytes per second, dollars, watts, joules.
 * Arguments are not re-validated here (profiles are validated on load); NaN in gives NaN out.
 */
public final class SpeculativeRoundModel {

    private SpeculativeRoundModel() {}

    /**
     * Expected tokens produced per round under i.i.d. acceptance: E[N] = (1 − α^(K+1)) / (1 − α),
     * and K + 1 when α = 1.
     *
     * @param acceptanceRate α in [0, 1]
     * @param k speculative length K ≥ 0 (K = 0 is plain autoregressive decoding: E[N] = 1)
     */
    public static double expectedTokensPerRound(double acceptanceRate, int k) {
        if (acceptanceRate >= 1.0) {
            return k + 1.0;
        }
        return (1.0 - Math.pow(acceptanceRate, k + 1)) / (1.0 - acceptanceRate);
    }

    /**
     * Expected tokens per round with a per-position acceptance curve: E[N] = 1 + Σ_{i=1..K}
     * Π_{j≤i} α_j. Positions beyond the curve's length reuse its last value.
     *
     * @param acceptanceByPosition α₁…α_m (conditional acceptance of position i given i − 1
     *        accepted), each in [0, 1], m ≥ 1
     * @param k speculative length K ≥ 0
     */
    public static double expectedTokensPerRound(double[] acceptanceByPosition, int k) {
        double expected = 1.0;
        double survive = 1.0;
        int last = acceptanceByPosition.length - 1;
        for (int i = 0; i < k; i++) {
            survive *= acceptanceByPosition[Math.min(i, last)];
            expected += survive;
        }
        return expected;
    }

    /** Drafted tokens the verifier rejects per round: K − (E[N] − 1). */
    public static double wastedDraftTokensPerRound(double expectedTokensPerRound, int k) {
        return k - (expectedTokensPerRound - 1.0);
    }

    /** Seconds the device spends drafting K tokens: o + K / r. */
    public static double draftSeconds(int k, double draftTokensPerSecond, double roundOverheadSeconds) {
        return roundOverheadSeconds + k / draftTokensPerSecond;
    }

    /**
     * Seconds on the network per round: RTT + bytes_up / BW_up + bytes_down / BW_down, with
     * bytes_up = K × bytesPerDraftToken and bytes_down = E[N]-independent reply of
     * {@code bytesDown} bytes.
     */
    public static double networkSeconds(
        double rttSeconds,
        double bytesUp,
        double uplinkBytesPerSecond,
        double bytesDown,
        double downlinkBytesPerSecond
    ) {
        return rttSeconds + bytesUp / uplinkBytesPerSecond + bytesDown / downlinkBytesPerSecond;
    }

    /** Round time T = drafting + network + verification, in seconds. */
    public static double roundSeconds(double draftSeconds, double networkSeconds, double verifySeconds) {
        return draftSeconds + networkSeconds + verifySeconds;
    }

    /** Goodput G = E[N] / T in tokens per second for one device. */
    public static double goodputTokensPerSecond(double expectedTokensPerRound, double roundSeconds) {
        return expectedTokensPerRound / roundSeconds;
    }

    /**
     * Verification cost of one round under token pricing, the bonus position billed too: cost =
     * price × (K + 1). Same as {@link #tokenPricedRoundDollars(double, int, TokenBilling)} with
     * {@link TokenBilling#DRAFTS_AND_BONUS}.
     *
     * @param dollarsPerVerifiedToken price of one verified token in dollars
     */
    public static double tokenPricedRoundDollars(double dollarsPerVerifiedToken, int k) {
        return tokenPricedRoundDollars(dollarsPerVerifiedToken, k, TokenBilling.DRAFTS_AND_BONUS);
    }

    /**
     * Verification cost of one round under token pricing: price × K when only the K drafts are
     * billed (the ConfigSpec paper's analysis, {@code find_optimal_config.py}: "cost per round = K ×
     * price"), price × (K + 1) when the target's bonus position is billed too.
     *
     * @param dollarsPerVerifiedToken price of one billed token in dollars
     */
    public static double tokenPricedRoundDollars(
        double dollarsPerVerifiedToken,
        int k,
        TokenBilling billing
    ) {
        return dollarsPerVerifiedToken * billing.billedTokens(k);
    }

    /**
     * Verification cost of one round under GPU-time pricing: price_per_second × T_v(K, B) / B, the
     * device's share of a batch of B requests.
     */
    public static double gpuTimePricedRoundDollars(
        double dollarsPerGpuSecond,
        double batchVerifySeconds,
        int batchSize
    ) {
        return (dollarsPerGpuSecond * batchVerifySeconds) / batchSize;
    }

    /** Device energy of one round, drafting only (the paper's mode): P_draft × K / r, joules. */
    public static double draftingJoules(double draftPowerWatts, int k, double draftTokensPerSecond) {
        return (draftPowerWatts * k) / draftTokensPerSecond;
    }

    /**
     * Device energy of a whole round: drafting energy plus idle power while waiting for the
     * network and the verifier, P_idle × (T − K / r), joules.
     */
    public static double wholeRoundJoules(
        double draftPowerWatts,
        double idlePowerWatts,
        int k,
        double draftTokensPerSecond,
        double roundSeconds
    ) {
        double drafting = k / draftTokensPerSecond;
        return draftPowerWatts * drafting + idlePowerWatts * (roundSeconds - drafting);
    }

    /**
     * Device energy of drafting for {@code draftSeconds} (including any per-round overhead) at
     * {@code draftPowerWatts}, joules. Equals {@link #draftingJoules(double, int, double)} when the
     * overhead is zero.
     */
    public static double draftingJoules(double draftPowerWatts, double draftSeconds) {
        return draftPowerWatts * draftSeconds;
    }

    /**
     * Device energy of a whole round given its drafting time (overhead included): P_draft ×
     * draftSeconds + P_idle × (T − draftSeconds), joules.
     */
    public static double wholeRoundJoules(
        double draftPowerWatts,
        double idlePowerWatts,
        double draftSeconds,
        double roundSeconds
    ) {
        return draftPowerWatts * draftSeconds + idlePowerWatts * (roundSeconds - draftSeconds);
    }

    /**
     * Goodput of the cloud-only baseline: the target decodes every token itself, one target step
     * plus one network round trip per token.
     */
    public static double cloudOnlyTokensPerSecond(double targetStepSeconds, double rttSeconds) {
        return 1.0 / (targetStepSeconds + rttSeconds);
    }
}
