package io.configspec.model.fleet;

/**
 * What each device asks for: requests one after another, with a think time in between.
 *
 * @param promptTokens prompt length distribution
 * @param outputTokens output length distribution
 * @param meanThinkSeconds mean of the exponential pause between a device's requests, ≥ 0
 */
public record FleetWorkload(
    TokenLengthDistribution promptTokens,
    TokenLengthDistribution outputTokens,
    double meanThinkSeconds
) {
    public FleetWorkload {
        if (promptTokens == null || outputTokens == null) {
            throw new IllegalArgumentException("promptTokens and outputTokens must be given");
        }
        if (!(meanThinkSeconds >= 0) || Double.isInfinite(meanThinkSeconds)) {
            throw new IllegalArgumentException(
                "meanThinkSeconds must be finite and ≥ 0, was " + meanThinkSeconds
            );
        }
    }
}
