package io.configspec.model.fleet;

/**
 * What each device asks for: requests one after another, with a think time in between.
 *
 * @param promptTokens prompt length distribution
 * @param outputTokens output length distribution
 * @param meanThinkSeconds mean of the exponential pause between a device's requests, ≥ 0
 * @param setupSeconds fixed time from a request's start to its first round (opening a session,
 *        prefill on the server), ≥ 0; part of the request's end-to-end time
 */
public record FleetWorkload(
    TokenLengthDistribution promptTokens,
    TokenLengthDistribution outputTokens,
    double meanThinkSeconds,
    double setupSeconds
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
        if (!(setupSeconds >= 0) || Double.isInfinite(setupSeconds)) {
            throw new IllegalArgumentException("setupSeconds must be finite and ≥ 0, was " + setupSeconds);
        }
    }

    /** No per-request setup time. */
    public FleetWorkload(
        TokenLengthDistribution promptTokens,
        TokenLengthDistribution outputTokens,
        double meanThinkSeconds
    ) {
        this(promptTokens, outputTokens, meanThinkSeconds, 0.0);
    }
}
