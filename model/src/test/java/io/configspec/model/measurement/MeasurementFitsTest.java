package io.configspec.model.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.configspec.model.domain.VerificationLatency;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one fit every measurement uses (issue 18): exact on exact data, clamped where noise would make it unphysical. */
class MeasurementFitsTest {

    @Test
    void draftingFitRecoversRateOverheadAndSlowdownFromExactRounds() {
        double o = 0.002;
        double r = 50;
        double slow = 0.25;
        List<DraftingFit.Point> points = new ArrayList<>();
        for (int c : List.of(100, 1000, 2000)) {
            for (int k : List.of(1, 2, 4, 8)) {
                points.add(new DraftingFit.Point(c, k, o + (k * (1 + (slow * c) / 1000.0)) / r));
            }
        }

        DraftingFit fit = DraftingFit.of(points);

        assertEquals(r, fit.tokensPerSecond(), 1e-9);
        assertEquals(o, fit.roundOverheadSeconds(), 1e-12);
        assertEquals(slow, fit.contextSlowdownPerThousandTokens(), 1e-9);
    }

    @Test
    void fractionalDraftedTokensFitAsKSweepMeasuresThem() {
        // measure's rounds stop early: 0.9, 1.8, 3.5 tokens drafted per round on average
        List<DraftingFit.Point> points = List.of(
            new DraftingFit.Point(0, 0.9, 0.001 + 0.9 / 200),
            new DraftingFit.Point(0, 1.8, 0.001 + 1.8 / 200),
            new DraftingFit.Point(0, 3.5, 0.001 + 3.5 / 200)
        );

        DraftingFit fit = DraftingFit.of(points);

        assertEquals(200, fit.tokensPerSecond(), 1e-9);
        assertEquals(0.001, fit.roundOverheadSeconds(), 1e-12);
    }

    @Test
    void aNegativeInterceptIsRefittedThroughTheOrigin() {
        double[] fit = LeastSquares.clampedLine(new double[] { 1, 2 }, new double[] { 0.009, 0.021 });

        assertEquals(0.0, fit[0]);
        assertEquals((0.009 + 2 * 0.021) / 5, fit[1], 1e-15);
    }

    @Test
    void verificationIsALineInVerifiedTokensAtBatchOne() {
        List<VerificationFit.Point> points = new ArrayList<>();
        for (int k : List.of(1, 2, 4, 8)) {
            points.add(new VerificationFit.Point(k + 1, 1, 0.010 + 0.002 * (k + 1)));
        }

        VerificationLatency.Linear fit = VerificationFit.of(points);

        assertEquals(0.010, fit.interceptSeconds(), 1e-12);
        assertEquals(0.002, fit.secondsPerVerifiedToken(), 1e-12);
        assertEquals(0.0, fit.secondsPerRequest());
    }

    @Test
    void severalBatchSizesAddACostPerRequest() {
        List<VerificationFit.Point> points = new ArrayList<>();
        for (int b : List.of(1, 2, 4)) {
            for (int k : List.of(1, 4)) {
                points.add(new VerificationFit.Point(k + 1, b, 0.010 + 0.002 * b * (k + 1) + 0.003 * b));
            }
        }

        VerificationLatency.Linear fit = VerificationFit.of(points);

        assertEquals(0.010, fit.interceptSeconds(), 1e-9);
        assertEquals(0.002, fit.secondsPerVerifiedToken(), 1e-9);
        assertEquals(0.003, fit.secondsPerRequest(), 1e-9);
    }

    @Test
    void anUnphysicalVerificationFitFallsBackToTheMean() {
        // shorter for longer drafts (noise): no negative slope is written
        List<VerificationFit.Point> points = List.of(
            new VerificationFit.Point(2, 1, 0.030),
            new VerificationFit.Point(5, 1, 0.020)
        );

        VerificationLatency.Linear fit = VerificationFit.of(points);

        assertEquals(0.025, fit.interceptSeconds(), 1e-12);
        assertEquals(0.0, fit.secondsPerVerifiedToken());
    }
}
