package io.configspec.engine.decoding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Aggregates over speculative rounds, in the quantities the analytical model uses (DESIGN §4).
 *
 * <ul>
 *   <li>{@link #acceptanceRate()} α: maximum-likelihood estimate of the per-token acceptance
 *       probability under the i.i.d. model, accepted / (accepted + rounds with a rejection);
 *       then E[N] = (1 − α^(K+1)) / (1 − α) for a fixed K.
 *   <li>{@link #acceptanceByPosition()} α_i: P(position i accepted | positions before i
 *       accepted and position i drafted).
 *   <li>{@link #expectedTokensPerRound()} E[N]: mean tokens produced per round.
 *   <li>{@link #goodputTokensPerSecond()}: produced tokens / time in rounds.
 *   <li>{@link #calibration()}: per confidence decile, how often a drafted token that reached
 *       verification (not after an earlier rejection) was accepted.
 * </ul>
 */
public record RunStatistics(
    int rounds,
    long producedTokens,
    long draftedTokens,
    long acceptedTokens,
    long rejectedRounds,
    double acceptanceRate,
    double[] acceptanceByPosition,
    double expectedTokensPerRound,
    double goodputTokensPerSecond,
    double draftSeconds,
    double verifySeconds,
    double roundSeconds,
    double onnxSeconds,
    List<CalibrationBin> calibration
) {
    /** Confidence bin [lower, upper): positions evaluated and accepted. */
    public record CalibrationBin(double lower, double upper, long evaluated, long accepted) {
        public double acceptanceRate() {
            return evaluated == 0 ? Double.NaN : accepted / (double) evaluated;
        }
    }

    public RunStatistics {
        acceptanceByPosition = acceptanceByPosition.clone();
        calibration = List.copyOf(calibration);
    }

    @Override
    public double[] acceptanceByPosition() {
        return acceptanceByPosition.clone();
    }

    /** Draft tokens that reached verification: accepted ones plus one rejected per rejecting round. */
    public long evaluatedTokens() {
        return acceptedTokens + rejectedRounds;
    }

    /** Drafted tokens per second of drafting (NaN if nothing was drafted). */
    public double draftTokensPerSecond() {
        return draftedTokens == 0 ? Double.NaN : draftedTokens / draftSeconds;
    }

    /** Mean verification seconds per round. */
    public double meanVerifySeconds() {
        return rounds == 0 ? Double.NaN : verifySeconds / rounds;
    }

    /** Fraction of round time spent outside ONNX Runtime calls (engine overhead). */
    public double overheadFraction() {
        return roundSeconds <= 0 ? Double.NaN : (roundSeconds - onnxSeconds) / roundSeconds;
    }

    /** Aggregates {@code records}. */
    public static RunStatistics of(Collection<RoundRecord> records) {
        int maxDrafted = 0;
        for (RoundRecord r : records) {
            maxDrafted = Math.max(maxDrafted, r.drafted());
        }
        long[] reached = new long[maxDrafted];
        long[] passed = new long[maxDrafted];
        long[] binEvaluated = new long[10];
        long[] binAccepted = new long[10];
        long produced = 0;
        long drafted = 0;
        long accepted = 0;
        long rejections = 0;
        double draft = 0;
        double verify = 0;
        double round = 0;
        double onnx = 0;
        for (RoundRecord r : records) {
            produced += r.produced();
            drafted += r.drafted();
            accepted += r.accepted();
            if (r.accepted() < r.drafted()) {
                rejections++;
            }
            draft += r.draftSeconds();
            verify += r.verifySeconds();
            round += r.roundSeconds();
            onnx += r.onnxSeconds();
            int evaluated = Math.min(r.drafted(), r.accepted() + 1);
            for (int i = 0; i < evaluated; i++) {
                reached[i]++;
                boolean ok = i < r.accepted();
                if (ok) {
                    passed[i]++;
                }
                int bin = Math.min(9, (int) Math.floor(r.confidence(i) * 10));
                binEvaluated[bin]++;
                if (ok) {
                    binAccepted[bin]++;
                }
            }
        }
        double[] byPosition = new double[maxDrafted];
        for (int i = 0; i < maxDrafted; i++) {
            byPosition[i] = reached[i] == 0 ? Double.NaN : passed[i] / (double) reached[i];
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            bins.add(new CalibrationBin(b / 10.0, (b + 1) / 10.0, binEvaluated[b], binAccepted[b]));
        }
        int n = records.size();
        double alpha = accepted + rejections == 0 ? Double.NaN : accepted / (double) (accepted + rejections);
        return new RunStatistics(
            n,
            produced,
            drafted,
            accepted,
            rejections,
            alpha,
            byPosition,
            n == 0 ? Double.NaN : produced / (double) n,
            round <= 0 ? Double.NaN : produced / round,
            draft,
            verify,
            round,
            onnx,
            bins
        );
    }
}
