package io.configspec.model.fleet;

/**
 * The shared verification server of a fleet.
 *
 * @param estimator batch latency model (also the simulated server's true mean latency)
 * @param maxBatchSize most sequences per batch (memory limit), ≥ 1
 * @param latencyNoiseCv coefficient of variation of the real latency around the estimate
 *        (normal, mean-preserving, clipped at half the estimate), ≥ 0
 */
public record FleetServer(VerificationTimeEstimator estimator, int maxBatchSize, double latencyNoiseCv) {
    public FleetServer {
        if (estimator == null) {
            throw new IllegalArgumentException("estimator must not be null");
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be ≥ 1, was " + maxBatchSize);
        }
        if (!(latencyNoiseCv >= 0 && latencyNoiseCv < 1)) {
            throw new IllegalArgumentException("latencyNoiseCv must be in [0, 1), was " + latencyNoiseCv);
        }
    }
}
