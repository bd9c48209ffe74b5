package io.configspec.model.fleet;

import io.configspec.model.domain.VerificationMeasurement;

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
) {
    /**
     * The server profile's form of this fit: a linear T_v carrying the measurements and the fit's
     * R² and RMSE. Coefficients the least-squares fit left slightly negative (noise) are stored as 0,
     * and a non-positive intercept as 1 µs, because a server profile requires c₀ &gt; 0 and the others
     * ≥ 0.
     */
    public io.configspec.model.domain.VerificationLatency.Linear toServerLatency(
        java.util.List<VerificationMeasurement> measurements
    ) {
        return new io.configspec.model.domain.VerificationLatency.Linear(
            Math.max(1e-6, estimator.interceptSeconds()),
            Math.max(0, estimator.secondsPerVerifiedToken()),
            Math.max(0, estimator.secondsPerContextToken()),
            Math.max(0, estimator.secondsPerRequest()),
            measurements,
            java.util.OptionalDouble.of(Math.min(1.0, rSquared)),
            java.util.OptionalDouble.of(rmseSeconds)
        );
    }
}
