package io.configspec.model.fleet;

/**
 * Outcome of one simulated fleet run. Requests are those started during the run's duration;
 * each one either completed or was dropped (still unfinished when the drain period ended).
 *
 * @param policy the policy simulated
 * @param devices number of devices
 * @param durationSeconds the period in which devices start requests (goodput's denominator)
 * @param seed the workload seed
 * @param sloTpotSeconds the time-per-output-token SLO
 * @param requestsStarted requests started
 * @param requestsCompleted requests finished
 * @param requestsDropped requests not finished by the end of the drain period
 * @param requestsMeetingSlo completed requests whose time per output token met the SLO
 * @param sloAttainment requestsMeetingSlo / requestsStarted (1 when none started)
 * @param goodputTokensPerSecond output tokens of SLO-meeting requests per second of duration
 * @param throughputTokensPerSecond output tokens of all completed requests per second
 * @param tpotP50Seconds median time per output token of completed requests
 * @param tpotP90Seconds 90th percentile
 * @param tpotP99Seconds 99th percentile
 * @param endToEndP50Seconds median end-to-end request latency
 * @param endToEndP99Seconds 99th percentile
 * @param serverUtilization fraction of the duration the server was verifying, in [0, 1]
 * @param verificationRounds verification requests served (one per device round)
 * @param batches server batches run
 * @param draftedTokens tokens drafted by devices
 * @param acceptedTokens drafted tokens the verifier accepted
 * @param wastedDraftTokens drafted tokens the verifier rejected
 * @param producedTokens tokens delivered to devices (accepted + bonus, minus those beyond a
 *        request's output length)
 * @param truncatedTokens accepted or bonus tokens beyond a request's output length (discarded)
 * @param completedOutputTokens output tokens of completed requests
 * @param droppedPartialTokens tokens already produced for requests that were then dropped
 * @param draftSeconds device time spent drafting, summed over devices (tokens × 1/r), s
 * @param wastedDraftSeconds of which on tokens the verifier rejected (WISP's wasted drafting
 *        time), s
 * @param stopPrediction how often dynamic drafting's stop decisions were right (all zero under
 *        policies that draft a fixed K)
 * @param tpotSeconds sorted times per output token of the completed requests (do not mutate)
 * @param endToEndSeconds sorted end-to-end latencies of the completed requests (do not mutate)
 * @param sloAttainmentByKind SLO attainment of each device kind, in the scenario's mix order
 *        (NaN for a kind that started no request)
 * @param tpotMeanSecondsByKind mean time per output token of each kind's completed requests
 */
public record FleetResult(
    FleetPolicy policy,
    int devices,
    double durationSeconds,
    long seed,
    double sloTpotSeconds,
    long requestsStarted,
    long requestsCompleted,
    long requestsDropped,
    long requestsMeetingSlo,
    double sloAttainment,
    double goodputTokensPerSecond,
    double throughputTokensPerSecond,
    double tpotP50Seconds,
    double tpotP90Seconds,
    double tpotP99Seconds,
    double endToEndP50Seconds,
    double endToEndP99Seconds,
    double serverUtilization,
    long verificationRounds,
    long batches,
    long draftedTokens,
    long acceptedTokens,
    long wastedDraftTokens,
    long producedTokens,
    long truncatedTokens,
    long completedOutputTokens,
    long droppedPartialTokens,
    double draftSeconds,
    double wastedDraftSeconds,
    StopPredictionCounts stopPrediction,
    double[] tpotSeconds,
    double[] endToEndSeconds,
    double[] sloAttainmentByKind,
    double[] tpotMeanSecondsByKind
) {
    /** Mean requests per server batch. */
    public double meanBatchSize() {
        return batches == 0 ? 0 : (double) verificationRounds / batches;
    }

    /** Fraction of drafted tokens the verifier rejected (0 when nothing was drafted). */
    public double wastedDraftFraction() {
        return draftedTokens == 0 ? 0 : (double) wastedDraftTokens / draftedTokens;
    }

    /** Percentile p in [0, 1] of a sorted array, nearest rank; NaN when empty. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
