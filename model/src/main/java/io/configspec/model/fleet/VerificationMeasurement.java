package io.configspec.model.fleet;

/**
 * One measured verification batch on the server: its composition and how long it took.
 *
 * @param batchSize requests in the batch, ≥ 1
 * @param verifiedTokens positions verified in the batch, summed over its requests (K + 1 per
 *        speculative request, 1 per plain decoding step), ≥ 1
 * @param contextTokens tokens already in the requests' KV caches, summed over the batch, ≥ 0
 * @param latencySeconds wall-clock time of the batch on the server, &gt; 0
 */
public record VerificationMeasurement(
    int batchSize,
    int verifiedTokens,
    long contextTokens,
    double latencySeconds
) {
    public VerificationMeasurement {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be ≥ 1, was " + batchSize);
        }
        if (verifiedTokens < batchSize) {
            throw new IllegalArgumentException(
                "verifiedTokens must be ≥ batchSize (" + batchSize + "), was " + verifiedTokens
            );
        }
        if (contextTokens < 0) {
            throw new IllegalArgumentException("contextTokens must be ≥ 0, was " + contextTokens);
        }
        if (!(latencySeconds > 0) || Double.isInfinite(latencySeconds)) {
            throw new IllegalArgumentException(
                "latencySeconds must be finite and > 0, was " + latencySeconds
            );
        }
    }
}
