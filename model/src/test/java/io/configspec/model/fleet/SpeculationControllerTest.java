package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpeculationControllerTest {

    /** Runs the documented drafting loop over a sequence of confidences; returns tokens drafted. */
    private static int draft(SpeculationController c, double... confidences) {
        double predicted = 1;
        int drafted = 0;
        for (double confidence : confidences) {
            drafted++;
            predicted *= c.predictedAcceptance(confidence);
            if (!c.draftAnother(drafted, predicted)) {
                break;
            }
        }
        return drafted;
    }

    @Test
    void fixedLengthDraftsExactlyK() {
        SpeculationController c = new SpeculationController.FixedLength(3);
        assertEquals(3, draft(c, 0.01, 0.01, 0.01, 0.01, 0.01));
        assertEquals(3, c.maxDraftTokens());
    }

    @Test
    void dynamicDraftingStopsWhenPredictedAcceptanceFallsBelowTheThreshold() {
        SpeculationController c = new SpeculationController.ConfidenceStopping(
            FleetTestScenarios.calibration(),
            0.5,
            10
        );
        // 0.95 × 0.95 × 0.8 = 0.722 ≥ 0.5, then × 0.6 = 0.433 < 0.5: stop after the 4th token
        assertEquals(4, draft(c, 0.9, 0.9, 0.7, 0.5, 0.9, 0.9));
        // one unconfident token stops at once
        assertEquals(1, draft(c, 0.1, 0.9, 0.9));
    }

    @Test
    void dynamicDraftingNeverExceedsItsMaximum() {
        SpeculationController c = new SpeculationController.ConfidenceStopping(
            FleetTestScenarios.calibration(),
            0.0,
            5
        );
        assertEquals(5, draft(c, 1, 1, 1, 1, 1, 1, 1, 1));
    }

    @Test
    void calibrationLooksUpBinsAndImpliesAMeanAcceptance() {
        AcceptanceCalibration cal = FleetTestScenarios.calibration();
        assertEquals(0.15, cal.acceptanceFor(0.0));
        assertEquals(0.15, cal.acceptanceFor(0.2));
        assertEquals(0.35, cal.acceptanceFor(0.21));
        assertEquals(0.95, cal.acceptanceFor(1.0));
        assertEquals(
            0.12 * 0.15 + 0.13 * 0.35 + 0.15 * 0.6 + 0.2 * 0.8 + 0.4 * 0.95,
            cal.meanAcceptance(),
            1e-12
        );
        assertEquals(0, cal.binForUniform(0.0));
        assertEquals(4, cal.binForUniform(0.999));
    }

    @Test
    void invalidCalibrationsAreRejectedWithTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            new AcceptanceCalibration(
                new double[] { 0.5, 1 },
                new double[] { 0.2, 1.2 },
                new double[] { 1, 1 }
            )
        );
        assertTrue(e.getMessage().contains("acceptance[1]"));
        assertThrows(IllegalArgumentException.class, () ->
            new AcceptanceCalibration(
                new double[] { 0.5, 0.9 },
                new double[] { 0.2, 0.3 },
                new double[] { 1, 1 }
            )
        );
        assertFalse(
            assertThrows(IllegalArgumentException.class, () ->
                new SpeculationController.ConfidenceStopping(FleetTestScenarios.calibration(), 1.5, 4)
            )
                .getMessage()
                .isEmpty()
        );
    }
}
