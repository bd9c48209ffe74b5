package io.configspec.model.fleet;

/**
 * The shared verification server of a fleet.
 *
 * @param estimator batch latency model (also the simulated server's true mean latency)
 * @param maxBatchSize most sequences per batch (memory limit), ≥ 1
 * @param latencyNoiseCv coefficient of variation of the real latency around the estimate
 *        (normal, mean-preserving, clipped at half the estimate), ≥ 0
 * @param dispatchDelaySeconds time an idle server takes to start a batch once it is due (a real
 *        service's worker thread waking up; 0 for the model's ideal server), ≥ 0. A batch started
 *        as the previous one ends has none.
 */
public record FleetServer(
    VerificationTimeEstimator estimator,
    int maxBatchSize,
    double latencyNoiseCv,
    double dispatchDelaySeconds
) {
    /** A server that starts a due batch at once. */
    public FleetServer(VerificationTimeEstimator estimator, int maxBatchSize, double latencyNoiseCv) {
        this(estimator, maxBatchSize, latencyNoiseCv, 0.0);
    }

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
        if (!(dispatchDelaySeconds >= 0) || Double.isInfinite(dispatchDelaySeconds)) {
            throw new IllegalArgumentException(
                "dispatchDelaySeconds must be finite and ≥ 0, was " + dispatchDelaySeconds
            );
        }
    }
}
