package io.configspec.model.domain;

/**
 * One measured verification batch on the server: its composition and how long it took. The
 * server profile keeps these next to the linear T_v fitted from them (fleet
 * {@code VerificationTimeEstimator.fit}).
 *
 * @param batchSize requests in the batch, ≥ 1
 * @param verifiedTokens positions verified in the batch, summed over its requests (K + 1 per
 *        speculative request, 1 per plain decoding step), ≥ batchSize
 * @param contextTokens tokens already in the requests' KV caches, summed over the batch, ≥ 0
 * @param latencySeconds wall-clock time of the batch on the server, s &gt; 0
 * @param prefillTokens prompt tokens prefilled in the batch (members on their first round),
 *        summed over the batch, ≥ 0
 */
public record VerificationMeasurement(
    int batchSize,
    int verifiedTokens,
    long contextTokens,
    double latencySeconds,
    long prefillTokens
) {
    /** A batch without prefill. */
    public VerificationMeasurement(
        int batchSize,
        int verifiedTokens,
        long contextTokens,
        double latencySeconds
    ) {
        this(batchSize, verifiedTokens, contextTokens, latencySeconds, 0);
    }

    public VerificationMeasurement {
        FieldChecks.positive("batchSize", batchSize);
        if (verifiedTokens < batchSize) {
            throw new InvalidFieldException(
                "verifiedTokens",
                "must be at least batchSize " + batchSize + " but is " + verifiedTokens
            );
        }
        if (contextTokens < 0) {
            throw new InvalidFieldException("contextTokens", "must be at least 0 but is " + contextTokens);
        }
        FieldChecks.positive("latencySeconds", latencySeconds);
        if (prefillTokens < 0) {
            throw new InvalidFieldException("prefillTokens", "must be at least 0 but is " + prefillTokens);
        }
    }
}
