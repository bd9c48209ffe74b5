package io.configspec.model.fleet;

/**
 * Acceptance measured at each speculative length K (the ConfigSpec paper's form: α(K) = accepted
 * drafts ÷ K, so E[N](K) = K·α(K) + 1) turned into what the fleet simulator draws from: a device
 * drafts a fixed K under SLED, so its rounds need only reproduce the measured E[N] at that K.
 *
 * <p>{@link #equivalentAlpha} is the constant per-position acceptance whose geometric E[N] at K
 * equals the measured one; drawing i.i.d. acceptances with it gives the measured mean tokens per
 * round at K exactly (the data say nothing about positions inside a round).
 */
public final class PerKAcceptance {

    private PerKAcceptance() {}

    /**
     * The constant α with (1 − α^(K+1)) / (1 − α) = {@code expectedTokens} (bisection; E[N] rises
     * with α from 1 at α = 0 to K + 1 at α = 1).
     *
     * @param k speculative length, ≥ 1
     * @param expectedTokens measured E[N] at K, clamped to [1, K + 1]
     */
    public static double equivalentAlpha(int k, double expectedTokens) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be ≥ 1, was " + k);
        }
        if (Double.isNaN(expectedTokens)) {
            throw new IllegalArgumentException("expectedTokens must be a number");
        }
        double target = Math.max(1.0, Math.min(k + 1.0, expectedTokens));
        return Bisection.solve(alpha -> expected(alpha, k), target, 0, 1, 60);
    }

    /**
     * The predictor of a drafter whose per-token statistics were not measured: every token is
     * predicted at the mean acceptance α (one bin). WISP's controller then stops only when the
     * predicted prefix α^n no longer pays for its drafting time (or at the budget) — cost-aware
     * drafting without per-token information.
     */
    public static AcceptanceCalibration uninformative(double alpha) {
        return new AcceptanceCalibration(new double[] { 1.0 }, new double[] { alpha }, new double[] { 1.0 });
    }

    private static double expected(double alpha, int k) {
        double sum = 1;
        double p = 1;
        for (int i = 0; i < k; i++) {
            p *= alpha;
            sum += p;
        }
        return sum;
    }
}
