package io.configspec.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Edge cases of the round model (the Monte Carlo check of E[N] is SpeculativeRoundMonteCarloTest). */
class SpeculativeRoundModelTest {

    @Test
    void perfectAcceptanceYieldsKPlusOne() {
        assertEquals(9.0, SpeculativeRoundModel.expectedTokensPerRound(1.0, 8));
    }

    @Test
    void zeroAcceptanceYieldsOnlyTheBonusToken() {
        assertEquals(1.0, SpeculativeRoundModel.expectedTokensPerRound(0.0, 8));
        assertEquals(8.0, SpeculativeRoundModel.wastedDraftTokensPerRound(1.0, 8));
    }

    @Test
    void constantCurveEqualsTheGeometricFormula() {
        assertEquals(
            SpeculativeRoundModel.expectedTokensPerRound(0.73, 11),
            SpeculativeRoundModel.expectedTokensPerRound(new double[] { 0.73 }, 11),
            1e-12
        );
    }

    @Test
    void nanInGivesNanOut() {
        assertEquals(Double.NaN, SpeculativeRoundModel.goodputTokensPerSecond(Double.NaN, 1.0));
    }
}
