package io.configspec.model.domain;

import java.util.List;
import java.util.Map;

/**
 * How often a target accepts a drafter's tokens: drafter × quantisation × target → α.
 *
 * @param drafter drafter model id
 * @param quantization the drafter's quantisation
 * @param target target model id
 * @param acceptanceRate mean per-token acceptance α, in [0, 1]
 * @param acceptanceLow lower end of its confidence interval, in [0, α]
 * @param acceptanceHigh upper end of its confidence interval, in [α, 1]
 * @param sampleCount drafted tokens (or rounds) behind the estimate, ≥ 1
 * @param promptSet name of the prompt set it was measured on, e.g. {@code mt-bench}
 * @param acceptanceByPosition optional α₁…α_m: conditional acceptance of draft position i given
 *     positions before it were accepted (each in [0, 1]); empty when unknown
 * @param calibration optional confidence → acceptance table, ascending confidence; empty when unknown
 * @param provenance where the numbers come from
 * @param fieldProvenance per-field overrides
 */
public record AlignmentProfile(
    String drafter,
    String quantization,
    String target,
    double acceptanceRate,
    double acceptanceLow,
    double acceptanceHigh,
    int sampleCount,
    String promptSet,
    List<Double> acceptanceByPosition,
    List<CalibrationPoint> calibration,
    Provenance provenance,
    Map<String, Provenance> fieldProvenance
) implements HasProvenance {
    public AlignmentProfile {
        FieldChecks.text("drafter", drafter);
        FieldChecks.text("quantization", quantization);
        FieldChecks.text("target", target);
        FieldChecks.probability("acceptanceRate", acceptanceRate);
        FieldChecks.probability("acceptanceLow", acceptanceLow);
        FieldChecks.probability("acceptanceHigh", acceptanceHigh);
        if (acceptanceLow > acceptanceRate) {
            throw new InvalidFieldException(
                "acceptanceLow",
                "must not exceed acceptanceRate " + acceptanceRate + " but is " + acceptanceLow
            );
        }
        if (acceptanceHigh < acceptanceRate) {
            throw new InvalidFieldException(
                "acceptanceHigh",
                "must not be below acceptanceRate " + acceptanceRate + " but is " + acceptanceHigh
            );
        }
        FieldChecks.positive("sampleCount", sampleCount);
        FieldChecks.text("promptSet", promptSet);
        acceptanceByPosition = FieldChecks.list("acceptanceByPosition", acceptanceByPosition);
        for (int i = 0; i < acceptanceByPosition.size(); i++) {
            FieldChecks.probability("acceptanceByPosition[" + i + "]", acceptanceByPosition.get(i));
        }
        calibration = FieldChecks.list("calibration", calibration);
        for (int i = 1; i < calibration.size(); i++) {
            if (calibration.get(i).confidence() <= calibration.get(i - 1).confidence()) {
                throw new InvalidFieldException(
                    "calibration[" + i + "].confidence",
                    "must be greater than the previous point's " +
                        calibration.get(i - 1).confidence() +
                        " but is " +
                        calibration.get(i).confidence()
                );
            }
        }
        FieldChecks.present("provenance", provenance);
        fieldProvenance = FieldChecks.map(fieldProvenance);
    }

    /** Whether a per-position acceptance curve is known. */
    public boolean hasPositionCurve() {
        return !acceptanceByPosition.isEmpty();
    }

    /**
     * Acceptance predicted for a draft made with {@code confidence}, linearly interpolated in the
     * calibration table and clamped at its ends; the mean α when there is no table.
     */
    public double acceptanceAtConfidence(double confidence) {
        if (calibration.isEmpty()) {
            return acceptanceRate;
        }
        CalibrationPoint first = calibration.getFirst();
        if (confidence <= first.confidence()) {
            return first.acceptanceRate();
        }
        for (int i = 1; i < calibration.size(); i++) {
            CalibrationPoint hi = calibration.get(i);
            if (confidence <= hi.confidence()) {
                CalibrationPoint lo = calibration.get(i - 1);
                double t = (confidence - lo.confidence()) / (hi.confidence() - lo.confidence());
                return lo.acceptanceRate() + t * (hi.acceptanceRate() - lo.acceptanceRate());
            }
        }
        return calibration.getLast().acceptanceRate();
    }
}
