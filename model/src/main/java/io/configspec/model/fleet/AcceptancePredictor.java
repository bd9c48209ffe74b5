package io.configspec.model.fleet;

/**
 * WISP's rejection predictor: the probability that the target accepts a drafted token, given the
 * drafter's statistics at that position and that every earlier token of the round was accepted.
 * Implementations are immutable and thread-safe.
 */
public interface AcceptancePredictor {
    /**
     * The drafter's own confidence taken at face value (its top-1 probability): the predictor to
     * use before any calibration against the target exists.
     */
    AcceptancePredictor DRAFTER_CONFIDENCE = DraftTokenStatistics::topProbability;

    /** Predicted probability in [0, 1] that a token drafted with these statistics is accepted. */
    double acceptance(DraftTokenStatistics token);
}
