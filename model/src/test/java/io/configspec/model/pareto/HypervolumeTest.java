package io.configspec.model.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

    /**
     * Inclusion–exclusion over all non-empty subsets: HV = Σ_S (−1)^(|S|+1) Π_j max(0, min_{p∈S}
     * p_j − r_j), in maximise terms. Exact up to rounding, O(2^n d): small sets only.
     */
    static double inclusionExclusion(double[][] columns, boolean[] maximize, double[] reference) {
        int n = columns[0].length;
        int d = columns.length;
        double total = 0;
        for (int subset = 1; subset < (1 << n); subset++) {
            double volume = 1;
            for (int j = 0; j < d; j++) {
                double least = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if ((subset & (1 << i)) != 0) {
                        least = Math.min(least, maximize[j] ? columns[j][i] : -columns[j][i]);
                    }
                }
                volume *= Math.max(0, least - (maximize[j] ? reference[j] : -reference[j]));
            }
            total += Integer.bitCount(subset) % 2 == 1 ? volume : -volume;
        }
        return total;
    }

    /** Counts the unit cells of the integer grid dominated by integer points (exact). */
    static long gridCells(double[][] columns, double[] reference) {
        int d = columns.length;
        int n = columns[0].length;
        long cells = 0;
        int size = 12;
        int[] cell = new int[d];
        int total = (int) Math.pow(size, d);
        for (int index = 0; index < total; index++) {
            int rest = index;
            for (int j = 0; j < d; j++) {
                cell[j] = (int) reference[j] + (rest % size);
                rest /= size;
            }
            for (int i = 0; i < n; i++) {
                boolean covers = true;
                for (int j = 0; j < d; j++) {
                    covers &= columns[j][i] >= cell[j] + 1;
                }
                if (covers) {
                    cells++;
                    break;
                }
            }
        }
        return cells;
    }

    @TwoAndThreeObjectives
    void equalsInclusionExclusionOnSmallRandomSets(int d) {
        for (int seed = 0; seed < 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = random.nextInt(1, 11);
            double[][] columns = ParetoFrontTest.randomColumns(random, d, n, seed % 2 == 0 ? 0 : 6);
            boolean[] maximize = new boolean[d];
            double[] reference = new double[d];
            for (int j = 0; j < d; j++) {
                maximize[j] = random.nextBoolean();
                reference[j] = (maximize[j] ? -1 : 1) * random.nextDouble() * 60;
            }
            double expected = inclusionExclusion(columns, maximize, reference);
            assertEquals(
                expected,
                Hypervolume.of(columns, maximize, reference),
                1e-9 * Math.max(1, expected),
                "seed " + seed
            );
        }
    }

    @TwoAndThreeObjectives
    void equalsGridCountForIntegerPoints(int d) {
        for (int seed = 0; seed < 50; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = random.nextInt(1, 60);
            double[][] columns = new double[d][n];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) {
                    columns[j][i] = random.nextInt(11);
                }
            }
            boolean[] maximize = new boolean[d];
            java.util.Arrays.fill(maximize, true);
            double[] reference = new double[d];
            assertEquals(
                gridCells(columns, reference),
                Hypervolume.of(columns, maximize, reference),
                1e-9,
                "seed " + seed
            );
        }
    }

    @Test
    void singlePointIsItsBox() {
        double[][] columns = { { 3 }, { 2 }, { 0.5 } };
        assertEquals(
            (3 - 1) * (10 - 2) * 0.5,
            Hypervolume.of(columns, new boolean[] { true, false, true }, new double[] { 1, 10, 0 }),
            1e-12
        );
    }

    @Test
    void pointsNotBetterThanTheReferenceAndNanPointsAddNothing() {
        double[][] columns = { { 2, 0.5, Double.NaN }, { 2, 5, 9 } };
        assertEquals(
            1.0,
            Hypervolume.of(columns, new boolean[] { true, true }, new double[] { 1, 1 }),
            1e-12
        );
    }

    @Test
    void restrictsToTheGivenRows() {
        double[][] columns = { { 1, 2 }, { 2, 1 } };
        assertEquals(
            2.0,
            Hypervolume.of(columns, new boolean[] { true, true }, new double[] { 0, 0 }, new int[] { 1 })
        );
        assertEquals(3.0, Hypervolume.of(columns, new boolean[] { true, true }, new double[] { 0, 0 }));
    }

    @Test
    void normalisedIsTheDominatedFractionOfTheBoundingBox() {
        // rescaled points (1, 0) and (0.5, 0.5) and (0, 1): dominated area 0.25
        double[][] columns = { { 10, 6, 2 }, { 15, 10, 5 } };
        assertEquals(0.25, Hypervolume.normalized(columns, new boolean[] { true, false }, null), 1e-12);
        // one point is the ideal: the whole box
        double[][] ideal = { { 1, 2 }, { 1, 2 }, { 1, 2 } };
        assertEquals(1.0, Hypervolume.normalized(ideal, new boolean[] { true, true, true }, null), 1e-12);
    }

    @Test
    void normalisedTreatsAConstantObjectiveAsNeutral() {
        double[][] columns = { { 1, 2 }, { 7, 7 } };
        assertEquals(1.0, Hypervolume.normalized(columns, new boolean[] { true, true }, null), 1e-12);
    }
}
