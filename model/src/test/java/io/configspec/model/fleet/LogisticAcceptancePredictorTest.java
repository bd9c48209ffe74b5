package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticAcceptancePredictorTest {

    @Test
    void statisticsOfADistributionAreTopProbabilityEntropyAndMargin() {
        DraftTokenStatistics s = DraftTokenStatistics.of(new double[] { 0.1, 0.6, 0.3 });
        assertEquals(0.6, s.topProbability(), 1e-12);
        assertEquals(0.3, s.margin(), 1e-12);
        assertEquals(
            -(0.1 * Math.log(0.1) + 0.6 * Math.log(0.6) + 0.3 * Math.log(0.3)),
            s.entropyNats(),
            1e-12
        );
        DraftTokenStatistics certain = DraftTokenStatistics.of(new double[] { 0, 1, 0 });
        assertEquals(0.0, certain.entropyNats(), 1e-12);
        assertEquals(1.0, certain.margin(), 1e-12);
    }

    @Test
    void fitRecoversTheWeightsThatGeneratedTheVerdicts() {
        LogisticAcceptancePredictor truth = new LogisticAcceptancePredictor(-2.0, 3.0, -0.5, 2.0, 0);
        SplittableRandom random = new SplittableRandom(11);
        List<LogisticAcceptancePredictor.LabelledToken> tokens = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            double top = 0.05 + 0.95 * random.nextDouble();
            double margin = top * random.nextDouble();
            double entropy = 4 * random.nextDouble();
            DraftTokenStatistics s = new DraftTokenStatistics(top, entropy, margin);
            tokens.add(
                new LogisticAcceptancePredictor.LabelledToken(s, random.nextDouble() < truth.acceptance(s))
            );
        }
        LogisticAcceptancePredictor fit = LogisticAcceptancePredictor.fit(tokens);
        assertEquals(-2.0, fit.intercept(), 0.15);
        assertEquals(3.0, fit.topProbabilityWeight(), 0.2);
        assertEquals(-0.5, fit.entropyWeight(), 0.05);
        assertEquals(2.0, fit.marginWeight(), 0.2);
        assertEquals(40_000, fit.sampleCount());
    }

    @Test
    void aStatisticUnknownInTrainingIsLeftOut() {
        SplittableRandom random = new SplittableRandom(5);
        List<LogisticAcceptancePredictor.LabelledToken> tokens = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            double top = random.nextDouble();
            tokens.add(
                new LogisticAcceptancePredictor.LabelledToken(
                    DraftTokenStatistics.ofTopProbability(top),
                    random.nextDouble() < top
                )
            );
        }
        LogisticAcceptancePredictor fit = LogisticAcceptancePredictor.fit(tokens);
        assertEquals(0.0, fit.entropyWeight());
        assertEquals(0.0, fit.marginWeight());
        assertTrue(fit.acceptance(DraftTokenStatistics.ofTopProbability(0.9)) > 0.75);
        assertTrue(fit.acceptance(DraftTokenStatistics.ofTopProbability(0.1)) < 0.25);
    }

    @Test
    void fitRefusesDataWithoutBothVerdicts() {
        List<LogisticAcceptancePredictor.LabelledToken> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(
                new LogisticAcceptancePredictor.LabelledToken(
                    DraftTokenStatistics.ofTopProbability(0.5),
                    true
                )
            );
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            LogisticAcceptancePredictor.fit(all)
        );
        assertTrue(e.getMessage().contains("accepted"), e.getMessage());
    }

    @Test
    void stopCountsJudgeEachRoundByTheTargetsVerdict() {
        StopPredictionCounts c = StopPredictionCounts.NONE
            // stopped at a flagged 3rd token which was rejected: a right stop
            .plus(new boolean[] { false, false, true }, 3, 2)
            // stopped at a flagged 2nd token which was accepted: a false stop
            .plus(new boolean[] { false, true }, 2, 2)
            // the 1st token was rejected but not flagged: a missed stop
            .plus(new boolean[] { false, false, false, false }, 4, 0)
            // nothing flagged, nothing rejected
            .plus(new boolean[] { false, false }, 2, 2);
        assertEquals(4, c.rounds());
        assertEquals(2, c.predictedStops());
        assertEquals(1, c.falseStops());
        assertEquals(2, c.roundsWithRejection());
        assertEquals(1, c.missedStops());
        assertEquals(0.5, c.falseStopRate());
        assertEquals(0.5, c.missedStopRate());
        assertTrue(Double.isNaN(StopPredictionCounts.NONE.falseStopRate()));
    }
}
