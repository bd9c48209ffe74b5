package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpeculationControllerTest {

    /** Runs the documented drafting loop over a sequence of top-1 probabilities; returns tokens drafted. */
    private static int draft(SpeculationController c, double... confidences) {
        double prefix = 1;
        int drafted = 0;
        for (double confidence : confidences) {
            drafted++;
            double token = c.predictedAcceptance(DraftTokenStatistics.ofTopProbability(confidence));
            prefix *= token;
            if (!c.draftAnother(drafted, token, prefix)) {
                break;
            }
        }
        return drafted;
    }

    private static SpeculationController.DynamicDrafting dynamic(double rejectBelow, double floor, int max) {
        return new SpeculationController.DynamicDrafting(
            FleetTestScenarios.calibration(),
            rejectBelow,
            floor,
            max
        );
    }

    @Test
    void fixedLengthDraftsExactlyK() {
        SpeculationController c = new SpeculationController.FixedLength(3);
        assertEquals(3, draft(c, 0.01, 0.01, 0.01, 0.01, 0.01));
        assertEquals(3, c.maxDraftTokens());
        assertFalse(c.predictsRejection(0.0));
    }

    @Test
    void dynamicDraftingStopsAtTheFirstTokenPredictedToBeRejected() {
        SpeculationController c = dynamic(0.5, 0.0, 10);
        // calibrated acceptance 0.95, 0.95, 0.8, 0.6 (≥ 0.5, keep going), then 0.35 < 0.5: stop there
        assertEquals(5, draft(c, 0.9, 0.9, 0.7, 0.5, 0.3, 0.9, 0.9));
        // one unconfident token stops at once
        assertEquals(1, draft(c, 0.1, 0.9, 0.9));
        assertTrue(c.predictsRejection(0.35));
        assertFalse(c.predictsRejection(0.6));
    }

    @Test
    void dynamicDraftingAlsoStopsWhenThePrefixFallsBelowItsFloor() {
        SpeculationController c = dynamic(0.5, 0.5, 10);
        // 0.95 × 0.95 × 0.8 = 0.722 ≥ 0.5, then × 0.6 = 0.433 < 0.5: stop after the 4th token
        assertEquals(4, draft(c, 0.9, 0.9, 0.7, 0.5, 0.9, 0.9));
    }

    @Test
    void dynamicDraftingNeverExceedsItsMaximum() {
        SpeculationController c = dynamic(0.0, 0.0, 5);
        assertEquals(5, draft(c, 1, 1, 1, 1, 1, 1, 1, 1));
    }

    @Test
    void costAwareFloorIsTheRoundGoodputOverTheYieldOfOneMoreToken() {
        // G = 20 tokens/s, r = 50 tokens/s, α = 0.8: one more token pays while prefix ≥ 20 / 40
        assertEquals(0.5, FleetScenario.costAwarePrefixFloor(20, 50, 0.8), 1e-12);
        assertEquals(1.0, FleetScenario.costAwarePrefixFloor(100, 10, 0.5), 1e-12);
        assertEquals(0.0, FleetScenario.costAwarePrefixFloor(0, 10, 0.5), 1e-12);
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
                new SpeculationController.DynamicDrafting(FleetTestScenarios.calibration(), 1.5, 0, 4)
            )
                .getMessage()
                .isEmpty()
        );
    }
}
