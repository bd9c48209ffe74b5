package io.configspec.model.fleet;

/**
 * A fitted {@link VerificationTimeEstimator} and how well it fits its measurements.
 *
 * @param estimator the fitted coefficients (a coefficient not used in the fit is 0)
 * @param rSquared coefficient of determination on the fitted measurements, ≤ 1
 * @param rmseSeconds root-mean-square residual, seconds
 * @param sampleCount number of measurements fitted
 * @param usesVerifiedTokens whether verified tokens were a regressor
 * @param usesContextTokens whether context tokens were a regressor (dropped when not identifiable)
 * @param usesBatchSize whether batch size was a regressor (dropped when not identifiable)
 */
public record VerificationTimeFit(
    VerificationTimeEstimator estimator,
    double rSquared,
    double rmseSeconds,
    int sampleCount,
    boolean usesVerifiedTokens,
    boolean usesContextTokens,
    boolean usesBatchSize
) {}
