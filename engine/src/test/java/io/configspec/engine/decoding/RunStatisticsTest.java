package io.configspec.engine.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunStatisticsTest {

    /** A round whose drafter recorded only its confidences (no entropy or margin, no dynamic stop). */
    private static RoundRecord round(int drafted, int accepted, double... confidences) {
        double[] notRecorded = new double[confidences.length];
        Arrays.fill(notRecorded, Double.NaN);
        return new RoundRecord(
            drafted,
            accepted,
            accepted + 1,
            0.01 * drafted,
            0.05,
            0.06 + 0.01 * drafted,
            0.055,
            confidences,
            notRecorded,
            notRecorded,
            false
        );
    }

    @Test
    void acceptanceIsTheMaximumLikelihoodEstimateOfTheGeometricModel() {
        // 3 accepted then rejected; 4 of 4 accepted; 0 accepted then rejected.
        RunStatistics s = RunStatistics.of(
            List.of(round(4, 3, .9, .9, .9, .9), round(4, 4, .9, .9, .9, .9), round(4, 0, .9, .9, .9, .9))
        );
        assertEquals(7.0 / 9.0, s.acceptanceRate(), 1e-12);
        assertEquals((4 + 5 + 1) / 3.0, s.expectedTokensPerRound(), 1e-12);
        assertEquals(9, s.evaluatedTokens());
        assertEquals(2, s.rejectedRounds());
    }

    @Test
    void perPositionAcceptanceConditionsOnReachingThePosition() {
        RunStatistics s = RunStatistics.of(
            List.of(round(2, 2, .5, .5), round(2, 1, .5, .5), round(2, 0, .5, .5))
        );
        assertArrayEquals(new double[] { 2.0 / 3.0, 1.0 / 2.0 }, s.acceptanceByPosition(), 1e-12);
    }

    @Test
    void calibrationCountsOnlyPositionsThatReachedVerification() {
        RunStatistics s = RunStatistics.of(List.of(round(3, 0, 0.95, 0.15, 0.15)));
        RunStatistics.CalibrationBin high = s.calibration().get(9);
        assertEquals(1, high.evaluated());
        assertEquals(0, high.accepted());
        assertEquals(0, s.calibration().get(1).evaluated());
    }

    @Test
    void estimatedAlphaRecoversTheTruthOnSimulatedGeometricRounds() {
        SplittableRandom random = new SplittableRandom(3);
        double alpha = 0.7;
        int k = 5;
        java.util.List<RoundRecord> rounds = new java.util.ArrayList<>();
        double[] conf = new double[k];
        for (int r = 0; r < 20_000; r++) {
            int accepted = 0;
            while (accepted < k && random.nextDouble() < alpha) {
                accepted++;
            }
            rounds.add(round(k, accepted, conf));
        }
        RunStatistics s = RunStatistics.of(rounds);
        assertEquals(alpha, s.acceptanceRate(), 0.01);
        double expected = io.configspec.model.analysis.SpeculativeRoundModel.expectedTokensPerRound(alpha, k);
        assertEquals(expected, s.expectedTokensPerRound(), 0.03);
        assertTrue(s.overheadFraction() > 0);
    }
}
