package io.configspec.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** E[N] against a Monte Carlo simulation of verification rounds (≤ 1 % error, fixed seed). */
class SpeculativeRoundModelTest {

    private static final int ROUNDS = 200_000;

    /** One simulated round: drafts are accepted in order until the first rejection, plus the bonus token. */
    private static double simulate(double[] acceptanceByPosition, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long tokens = 0;
        int last = acceptanceByPosition.length - 1;
        for (int round = 0; round < ROUNDS; round++) {
            int accepted = 0;
            while (accepted < k && random.nextDouble() < acceptanceByPosition[Math.min(accepted, last)]) {
                accepted++;
            }
            tokens += accepted + 1;
        }
        return (double) tokens / ROUNDS;
    }

    @ParameterizedTest
    @CsvSource({ "0.3, 1", "0.3, 8", "0.6, 4", "0.7, 10", "0.8, 16", "0.95, 8", "0.99, 16" })
    void geometricExpectedTokensMatchMonteCarlo(double alpha, int k) {
        double model = SpeculativeRoundModel.expectedTokensPerRound(alpha, k);
        double simulated = simulate(new double[] { alpha }, k, 42L + k);
        assertEquals(model, simulated, 0.01 * model);
    }

    @ParameterizedTest
    @CsvSource({ "2", "5", "12" })
    void perPositionExpectedTokensMatchMonteCarlo(int k) {
        double[] curve = { 0.92, 0.85, 0.8, 0.7, 0.65 };
        double model = SpeculativeRoundModel.expectedTokensPerRound(curve, k);
        assertEquals(model, simulate(curve, k, 7L * k), 0.01 * model);
    }

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
