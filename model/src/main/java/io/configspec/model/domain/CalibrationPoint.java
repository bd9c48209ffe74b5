package io.configspec.model.domain;

/**
 * One point of a confidence → acceptance calibration table: drafts made with confidence about
 * {@code confidence} were accepted with probability {@code acceptanceRate}.
 *
 * @param confidence drafter's probability of its own token, in [0, 1]
 * @param acceptanceRate observed acceptance rate at that confidence, in [0, 1]
 */
public record CalibrationPoint(double confidence, double acceptanceRate) {
    public CalibrationPoint {
        FieldChecks.probability("confidence", confidence);
        FieldChecks.probability("acceptanceRate", acceptanceRate);
    }
}
