package io.configspec.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.measurement.DraftingFit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleStatisticsTest {

    @Test
    void meanStandardDeviationAndStudentTInterval() {
        SampleStatistics s = SampleStatistics.of(new double[] { 2, 4, 4, 4, 5, 5, 7, 9 });

        assertEquals(8, s.n());
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), s.standardDeviation(), 1e-12);
        // t_{0.975, 7} = 2.364624 (tables).
        assertEquals((2.364624 * Math.sqrt(32.0 / 7)) / Math.sqrt(8), s.ci95HalfWidth(), 1e-6);
        assertEquals(s.mean() - s.ci95HalfWidth(), s.lower95(), 1e-12);
    }

    @Test
    void oneSampleHasNoInterval() {
        SampleStatistics s = SampleStatistics.of(new double[] { 3 });

        assertEquals(3.0, s.mean());
        assertTrue(Double.isNaN(s.ci95HalfWidth()));
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> SampleStatistics.of(new double[0]));
    }

    @Test
    void fitRecoversOverheadRateAndContextSlowdown() {
        // t = o + K (1 + s c / 1000) / r with o = 2 ms, r = 50 tokens/s, s = 0.25.
        double o = 0.002;
        double r = 50;
        double slow = 0.25;
        List<DraftingCell> cells = new java.util.ArrayList<>();
        for (int c : List.of(100, 1000, 2000)) {
            for (int k : List.of(1, 2, 4, 8)) {
                double t = o + (k * (1 + (slow * c) / 1000.0)) / r;
                SampleStatistics round = new SampleStatistics(3, t, 0, 0);
                cells.add(new DraftingCell(c, k, round, new SampleStatistics(3, k / t, 0, 0), 30));
            }
        }

        DraftingFit fit = DraftingFit.of(DraftingCell.points(cells));

        assertEquals(r, fit.tokensPerSecond(), 1e-9);
        assertEquals(o, fit.roundOverheadSeconds(), 1e-12);
        assertEquals(slow, fit.contextSlowdownPerThousandTokens(), 1e-9);
    }

    @Test
    void aNegativeFittedOverheadIsClampedToZero() {
        List<DraftingCell> cells = List.of(
            new DraftingCell(
                32,
                1,
                new SampleStatistics(1, 0.009, 0, 0),
                new SampleStatistics(1, 1, 0, 0),
                1
            ),
            new DraftingCell(32, 2, new SampleStatistics(1, 0.021, 0, 0), new SampleStatistics(1, 1, 0, 0), 1)
        );

        DraftingFit fit = DraftingFit.of(DraftingCell.points(cells));

        assertEquals(0.0, fit.roundOverheadSeconds());
        assertEquals(1 / ((0.009 + 2 * 0.021) / 5), fit.tokensPerSecond(), 1e-9);
    }
}
