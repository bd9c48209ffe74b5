package io.configspec.model.pareto;

/** Test access to the recommendation's tie rule from other packages' tests. */
public final class RecommendationsAccess {

    private RecommendationsAccess() {}

    /** {@link Recommendations#bestWithTieBreak}: best row of {@code primary} among {@code rows}, ties broken by the other columns. */
    public static int bestWithTieBreak(double[][] columns, int primary, boolean[] rows) {
        return Recommendations.bestWithTieBreak(columns, primary, rows);
    }
}
