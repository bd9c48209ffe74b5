package io.configspec.model.fleet;

import java.util.Arrays;

/**
 * Confidence → acceptance calibration of a drafter against a target (DESIGN §3, alignment
 * profile): drafted tokens are grouped into bins by the drafter's confidence (its probability of
 * the token it chose); each bin records how often the target accepted such a token and what share
 * of all drafted tokens fell into it. The shares make the table a joint distribution, so the
 * simulator can draw (confidence bin, accepted) pairs whose mean acceptance is
 * {@link #meanAcceptance()}.
 *
 * <p>As an {@link AcceptancePredictor} it reads only the top-1 probability.
 *
 * <p>Bins are {@code (upper[i-1], upper[i]]}, the first starting at 0, the last ending at 1.
 * Shares are normalised to sum to 1.
 */
public final class AcceptanceCalibration implements AcceptancePredictor {

    private final double[] upperConfidence;
    private final double[] acceptance;
    private final double[] cumulativeShare;
    private final double meanAcceptance;

    /**
     * @param upperConfidence increasing bin upper bounds in (0, 1], the last one 1
     * @param acceptance acceptance probability per bin, each in [0, 1]
     * @param share relative frequency of each bin, each ≥ 0, not all 0
     * @throws IllegalArgumentException naming the offending field and value
     */
    public AcceptanceCalibration(double[] upperConfidence, double[] acceptance, double[] share) {
        int n = upperConfidence.length;
        if (n == 0 || acceptance.length != n || share.length != n) {
            throw new IllegalArgumentException(
                "calibration needs equally long, non-empty upperConfidence, acceptance and share arrays, got " +
                    n +
                    ", " +
                    acceptance.length +
                    ", " +
                    share.length
            );
        }
        double previous = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(upperConfidence[i] > previous) || upperConfidence[i] > 1) {
                throw new IllegalArgumentException(
                    "upperConfidence[" + i + "] must be increasing within (0, 1], was " + upperConfidence[i]
                );
            }
            if (!(acceptance[i] >= 0 && acceptance[i] <= 1)) {
                throw new IllegalArgumentException(
                    "acceptance[" + i + "] must be in [0, 1], was " + acceptance[i]
                );
            }
            if (!(share[i] >= 0) || Double.isInfinite(share[i])) {
                throw new IllegalArgumentException(
                    "share[" + i + "] must be finite and ≥ 0, was " + share[i]
                );
            }
            previous = upperConfidence[i];
            total += share[i];
        }
        if (upperConfidence[n - 1] != 1.0) {
            throw new IllegalArgumentException(
                "the last upperConfidence must be 1, was " + upperConfidence[n - 1]
            );
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("share must not be all zero");
        }
        this.upperConfidence = upperConfidence.clone();
        this.acceptance = acceptance.clone();
        this.cumulativeShare = new double[n];
        double running = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            running += share[i] / total;
            cumulativeShare[i] = running;
            mean += (share[i] / total) * acceptance[i];
        }
        cumulativeShare[n - 1] = 1.0;
        this.meanAcceptance = mean;
    }

    /**
     * Builds bins from calibration points (an alignment profile's table: acceptance at a
     * confidence) when the share of drafted tokens per bin is unknown. Bin edges are the midpoints
     * between consecutive point confidences. The shares are the maximum-entropy choice consistent
     * with the profile's mean acceptance α: w_i ∝ exp(λ a_i) with λ solved (bisection) so that
     * Σ w_i a_i = α; α outside [min a_i, max a_i] is clamped to the nearest attainable mean.
     *
     * @param confidence increasing point confidences in [0, 1]
     * @param acceptance acceptance at each point, in [0, 1]
     * @param meanAcceptance the profile's mean α
     */
    public static AcceptanceCalibration fromPoints(
        double[] confidence,
        double[] acceptance,
        double meanAcceptance
    ) {
        int n = confidence.length;
        if (n == 0 || acceptance.length != n) {
            throw new IllegalArgumentException(
                "calibration needs equally long, non-empty confidence and acceptance arrays, got " +
                    n +
                    " and " +
                    acceptance.length
            );
        }
        double[] upper = new double[n];
        for (int i = 0; i < n - 1; i++) {
            upper[i] = (confidence[i] + confidence[i + 1]) / 2;
        }
        upper[n - 1] = 1.0;
        double lambda = Bisection.solve(t -> tiltedMean(acceptance, t), meanAcceptance, -200, 200, 200);
        return new AcceptanceCalibration(upper, acceptance, tiltedShares(acceptance, lambda));
    }

    private static double[] tiltedShares(double[] acceptance, double lambda) {
        double max = Double.NEGATIVE_INFINITY;
        for (double a : acceptance) {
            max = Math.max(max, lambda * a);
        }
        double[] w = new double[acceptance.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(lambda * acceptance[i] - max);
        }
        return w;
    }

    private static double tiltedMean(double[] acceptance, double lambda) {
        double[] w = tiltedShares(acceptance, lambda);
        double total = 0;
        double mean = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            mean += w[i] * acceptance[i];
        }
        return mean / total;
    }

    /** Number of confidence bins. */
    public int binCount() {
        return acceptance.length;
    }

    /** Predicted probability that a token drafted with this confidence is accepted. */
    public double acceptanceFor(double confidence) {
        for (int i = 0; i < upperConfidence.length - 1; i++) {
            if (confidence <= upperConfidence[i]) {
                return acceptance[i];
            }
        }
        return acceptance[acceptance.length - 1];
    }

    /** The calibrated acceptance of the token's top-1 probability (the table's only feature). */
    @Override
    public double acceptance(DraftTokenStatistics token) {
        return acceptanceFor(token.topProbability());
    }

    /** Acceptance probability of bin {@code bin}. */
    public double binAcceptance(int bin) {
        return acceptance[bin];
    }

    /** A confidence value inside bin {@code bin} (its upper bound). */
    public double binConfidence(int bin) {
        return upperConfidence[bin];
    }

    /** The bin a uniform draw {@code u} in [0, 1) falls in, by share. */
    public int binForUniform(double u) {
        for (int i = 0; i < cumulativeShare.length - 1; i++) {
            if (u < cumulativeShare[i]) {
                return i;
            }
        }
        return cumulativeShare.length - 1;
    }

    /** Share-weighted mean acceptance: the α this calibration implies. */
    public double meanAcceptance() {
        return meanAcceptance;
    }

    public double[] upperConfidence() {
        return upperConfidence.clone();
    }

    public double[] acceptance() {
        return acceptance.clone();
    }

    /** Normalised shares. */
    public double[] share() {
        double[] s = new double[cumulativeShare.length];
        double previous = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = cumulativeShare[i] - previous;
            previous = cumulativeShare[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return (
            "AcceptanceCalibration[upper=" +
            Arrays.toString(upperConfidence) +
            ", acceptance=" +
            Arrays.toString(acceptance) +
            ", mean=" +
            meanAcceptance +
            "]"
        );
    }
}
