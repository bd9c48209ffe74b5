package io.configspec.model.fleet;

import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.domain.VerificationMeasurement;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A fitted {@link VerificationTimeEstimator} and how well it fits its measurements.
 *
 * @param estimator the fitted coefficients (a coefficient not used in the fit is 0, except the
 *        prefill one, which then equals the per-verified-token one)
 * @param rSquared coefficient of determination on the fitted measurements, ≤ 1
 * @param rmseSeconds root-mean-square residual, seconds
 * @param sampleCount number of measurements fitted
 * @param usesVerifiedTokens whether verified tokens were a regressor
 * @param usesContextTokens whether context tokens were a regressor (dropped when not identifiable)
 * @param usesBatchSize whether batch size was a regressor (dropped when not identifiable)
 * @param usesPrefillTokens whether prefill tokens were a regressor (dropped when the measurements
 *        hold no prefill, or it is not identifiable)
 */
public record VerificationTimeFit(
    VerificationTimeEstimator estimator,
    double rSquared,
    double rmseSeconds,
    int sampleCount,
    boolean usesVerifiedTokens,
    boolean usesContextTokens,
    boolean usesBatchSize,
    boolean usesPrefillTokens
) {
    /**
     * The server profile's form of this fit: a linear T_v carrying the measurements and the fit's
     * R² and RMSE (and the prefill coefficient when it was fitted). Coefficients the least-squares
     * fit left slightly negative (noise) are stored as 0, and a non-positive intercept as 1 µs,
     * because a server profile requires c₀ &gt; 0 and the others ≥ 0.
     */
    public VerificationLatency.Linear toServerLatency(List<VerificationMeasurement> measurements) {
        return new VerificationLatency.Linear(
            Math.max(1e-6, estimator.interceptSeconds()),
            Math.max(0, estimator.secondsPerVerifiedToken()),
            Math.max(0, estimator.secondsPerContextToken()),
            Math.max(0, estimator.secondsPerRequest()),
            measurements,
            OptionalDouble.of(Math.min(1.0, rSquared)),
            OptionalDouble.of(rmseSeconds),
            usesPrefillTokens
                ? OptionalDouble.of(Math.max(0, estimator.secondsPerPrefillToken()))
                : OptionalDouble.empty()
        );
    }
}
