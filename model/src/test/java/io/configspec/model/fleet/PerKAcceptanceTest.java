package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.configspec.model.analysis.SpeculativeRoundModel;
import org.junit.jupiter.api.Test;

class PerKAcceptanceTest {

    @Test
    void theEquivalentAlphaReproducesTheMeasuredTokensPerRoundAtThatK() {
        // Qwen3-0.6B Q4_K_M for Qwen3-32B in the ConfigSpec data: α(2) = 0.5627, α(8) = 0.2732
        for (int k : new int[] { 2, 5, 8 }) {
            double measured = k * (k == 2 ? 0.5627 : k == 5 ? 0.3785 : 0.2732) + 1;
            double alpha = PerKAcceptance.equivalentAlpha(k, measured);
            assertEquals(measured, SpeculativeRoundModel.expectedTokensPerRound(alpha, k), 1e-9);
        }
        // the limits: nothing accepted, everything accepted
        assertEquals(0.0, PerKAcceptance.equivalentAlpha(3, 1.0), 1e-9);
        assertEquals(1.0, PerKAcceptance.equivalentAlpha(3, 4.0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> PerKAcceptance.equivalentAlpha(0, 1.5));
    }

    @Test
    void anUninformativePredictorPredictsTheMeanForEveryToken() {
        AcceptanceCalibration c = PerKAcceptance.uninformative(0.69);
        assertEquals(0.69, c.meanAcceptance(), 1e-12);
        assertEquals(0.69, c.acceptance(new DraftTokenStatistics(0.1, 3.0, 0.01)), 1e-12);
        assertEquals(0.69, c.acceptance(new DraftTokenStatistics(0.99, 0.05, 0.9)), 1e-12);
    }
}
