package io.configspec.model.fleet;

/**
 * What the drafter's own distribution says about one drafted token — the per-token statistics
 * WISP's speculation controller reads to predict whether the target will reject it.
 *
 * @param topProbability probability of the drafted (most likely) token, p₁ in [0, 1]
 * @param entropyNats entropy of the drafter's distribution at that position, nats ≥ 0 (NaN when
 *        unknown, e.g. a profile that records only p₁)
 * @param margin p₁ − p₂, the gap to the runner-up token, in [0, 1] (NaN when unknown)
 */
public record DraftTokenStatistics(double topProbability, double entropyNats, double margin) {
    public DraftTokenStatistics {
        if (!(topProbability >= 0 && topProbability <= 1)) {
            throw new IllegalArgumentException("topProbability must be in [0, 1], was " + topProbability);
        }
        if (!Double.isNaN(entropyNats) && !(entropyNats >= 0)) {
            throw new IllegalArgumentException("entropyNats must be ≥ 0 or NaN, was " + entropyNats);
        }
        if (!Double.isNaN(margin) && !(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1] or NaN, was " + margin);
        }
    }

    /** Only the top-1 probability is known (what an alignment profile's calibration table records). */
    public static DraftTokenStatistics ofTopProbability(double topProbability) {
        return new DraftTokenStatistics(topProbability, Double.NaN, Double.NaN);
    }

    /**
     * The statistics of a probability distribution over the vocabulary (summing to about 1).
     *
     * @param probabilities the drafter's next-token distribution
     */
    public static DraftTokenStatistics of(double[] probabilities) {
        double first = 0;
        double second = 0;
        double entropy = 0;
        for (double p : probabilities) {
            if (p > first) {
                second = first;
                first = p;
            } else if (p > second) {
                second = p;
            }
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return new DraftTokenStatistics(
            Math.min(1, first),
            Math.max(0, entropy),
            Math.max(0, Math.min(1, first - second))
        );
    }
}
