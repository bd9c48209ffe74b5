package io.configspec.model.domain;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Time the server takes to verify one batch: a fixed figure (the ConfigSpec paper's setting) or
 * a linear model fitted to measurements (SLED/WISP's verification-time estimator).
 */
public sealed interface VerificationLatency {
    /**
     * Seconds to verify one batch.
     *
     * @param verifiedTokens positions verified in the whole batch (Σ (K_i + 1))
     * @param contextTokens context tokens of the whole batch (Σ context_i)
     * @param batchSize requests in the batch, ≥ 1
     */
    double seconds(double verifiedTokens, double contextTokens, int batchSize);

    /** JSON {@code model} name: {@code fixed} or {@code linear}. */
    String modelName();

    /** T_v independent of the batch, seconds &gt; 0. */
    record Fixed(double seconds) implements VerificationLatency {
        public Fixed {
            FieldChecks.positive("seconds", seconds);
        }

        @Override
        public double seconds(double verifiedTokens, double contextTokens, int batchSize) {
            return seconds;
        }

        @Override
        public String modelName() {
            return "fixed";
        }
    }

    /**
     * T_v = c₀ + c_v × verifiedTokens + c_c × contextTokens + c_b × batchSize, all coefficients in
     * seconds (per token or per request), each ≥ 0, c₀ &gt; 0. When the coefficients were fitted
     * (fleet {@code VerificationTimeEstimator.fit}), the measurements and the fit's R² and RMSE
     * travel with them.
     *
     * <p>A fleet also pays for prefill (a request's prompt processed in its first batch): c_p per
     * prompt token, {@code secondsPerPrefillToken}; when absent a prompt token costs what a
     * verified position costs.
     *
     * @param measurements measured batches the coefficients were fitted to; empty when unknown
     * @param rSquared coefficient of determination of the fit, ≤ 1, if fitted
     * @param rmseSeconds root-mean-square residual of the fit, s ≥ 0, if fitted
     * @param secondsPerPrefillToken c_p, s ≥ 0, if known
     */
    record Linear(
        double interceptSeconds,
        double secondsPerVerifiedToken,
        double secondsPerContextToken,
        double secondsPerRequest,
        List<VerificationMeasurement> measurements,
        OptionalDouble rSquared,
        OptionalDouble rmseSeconds,
        OptionalDouble secondsPerPrefillToken
    ) implements VerificationLatency {
        public Linear {
            FieldChecks.positive("interceptSeconds", interceptSeconds);
            FieldChecks.nonNegative("secondsPerVerifiedToken", secondsPerVerifiedToken);
            FieldChecks.nonNegative("secondsPerContextToken", secondsPerContextToken);
            FieldChecks.nonNegative("secondsPerRequest", secondsPerRequest);
            measurements = FieldChecks.list("measurements", measurements);
            rSquared = FieldChecks.present("rSquared", rSquared);
            rSquared.ifPresent(r -> {
                if (!(r <= 1)) {
                    throw new InvalidFieldException("rSquared", "must be at most 1 but is " + r);
                }
            });
            rmseSeconds = FieldChecks.nonNegative("rmseSeconds", rmseSeconds);
            secondsPerPrefillToken = FieldChecks.nonNegative(
                "secondsPerPrefillToken",
                secondsPerPrefillToken
            );
        }

        /** c_p: seconds per prefilled prompt token (c_v when the profile gives none). */
        public double prefillSecondsPerToken() {
            return secondsPerPrefillToken.orElse(secondsPerVerifiedToken);
        }

        /** Coefficients only (not fitted here, or the fit is not kept). */
        public Linear(
            double interceptSeconds,
            double secondsPerVerifiedToken,
            double secondsPerContextToken,
            double secondsPerRequest
        ) {
            this(
                interceptSeconds,
                secondsPerVerifiedToken,
                secondsPerContextToken,
                secondsPerRequest,
                List.of(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty()
            );
        }

        @Override
        public double seconds(double verifiedTokens, double contextTokens, int batchSize) {
            return (
                interceptSeconds +
                secondsPerVerifiedToken * verifiedTokens +
                secondsPerContextToken * contextTokens +
                secondsPerRequest * batchSize
            );
        }

        @Override
        public String modelName() {
            return "linear";
        }
    }
}
