package io.configspec.engine.measure;

import io.configspec.engine.decoding.RunStatistics;

/**
 * Measured and predicted figures for one speculative length K.
 *
 * @param k speculative length
 * @param statistics the measured rounds' aggregates
 * @param predictedExpectedTokensPerRound E[N] from the analytical model with the measured α
 * @param predictedGoodputTokensPerSecond G = E[N] / (o + K / r + T_v(K)) with measured α, r, o
 *     and this K's mean verification time
 * @param predictedGoodputFittedVerifyTokensPerSecond the same with T_v from a straight line fitted
 *     over all K (T_v = c₀ + c₁ (K + 1)), so no per-K measurement enters the prediction
 */
public record SweepPoint(
    int k,
    RunStatistics statistics,
    double predictedExpectedTokensPerRound,
    double predictedGoodputTokensPerSecond,
    double predictedGoodputFittedVerifyTokensPerSecond
) {
    /** Measured goodput, tokens/s. */
    public double measuredGoodputTokensPerSecond() {
        return statistics.goodputTokensPerSecond();
    }

    /** |measured − predicted| / predicted, with the line-fitted T_v. */
    public double relativeErrorFittedVerify() {
        return (
            Math.abs(measuredGoodputTokensPerSecond() - predictedGoodputFittedVerifyTokensPerSecond) /
            predictedGoodputFittedVerifyTokensPerSecond
        );
    }

    /** |measured − predicted| / predicted. */
    public double relativeError() {
        return (
            Math.abs(measuredGoodputTokensPerSecond() - predictedGoodputTokensPerSecond) /
            predictedGoodputTokensPerSecond
        );
    }
}
