package io.configspec.model.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParetoFrontTest {

    /** The definition, applied pairwise: O(n²) reference. */
    static int[] bruteForce(double[][] columns, boolean[] maximize, boolean[] include) {
        int n = columns[0].length;
        int d = columns.length;
        return java.util.stream.IntStream.range(0, n)
            .filter(p -> include == null || include[p])
            .filter(p -> Arrays.stream(columns).noneMatch(c -> Double.isNaN(c[p])))
            .filter(p ->
                java.util.stream.IntStream.range(0, n)
                    .filter(q -> include == null || include[q])
                    .filter(q -> Arrays.stream(columns).noneMatch(c -> Double.isNaN(c[q])))
                    .noneMatch(q -> {
                        boolean allGe = true;
                        boolean oneGt = false;
                        for (int j = 0; j < d; j++) {
                            double vq = maximize[j] ? columns[j][q] : -columns[j][q];
                            double vp = maximize[j] ? columns[j][p] : -columns[j][p];
                            allGe &= vq >= vp;
                            oneGt |= vq > vp;
                        }
                        return allGe && oneGt;
                    })
            )
            .toArray();
    }

    /** Random values from a small set of levels so that ties and duplicates are frequent. */
    static double[][] randomColumns(SplittableRandom random, int d, int n, int levels) {
        double[][] columns = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                columns[j][i] = levels > 0
                    ? random.nextInt(levels) - levels / 2
                    : random.nextDouble() * 100 - 50;
            }
            if (i > 0 && random.nextInt(10) == 0) {
                int copy = random.nextInt(i);
                for (int j = 0; j < d; j++) {
                    columns[j][i] = columns[j][copy];
                }
            }
        }
        return columns;
    }

    @ParameterizedTest(name = "{0} objectives")
    @ValueSource(ints = { 2, 3 })
    void equalsPairwiseCheckOnRandomSetsWithTiesAndDuplicates(int d) {
        for (int seed = 0; seed < 400; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = seed % 50 == 0 ? random.nextInt(2000, 5000) : random.nextInt(1, 300);
            int levels = new int[] { 0, 3, 5, 20, -1, -2 }[seed % 6];
            double[][] columns = randomColumns(random, d, n, levels);
            boolean[] maximize = new boolean[d];
            for (int j = 0; j < d; j++) {
                maximize[j] = random.nextBoolean();
            }
            boolean[] include = null;
            if (seed % 3 == 0) {
                include = new boolean[n];
                for (int i = 0; i < n; i++) {
                    include[i] = random.nextInt(4) != 0;
                }
            }
            if (seed % 5 == 0) {
                columns[random.nextInt(d)][random.nextInt(n)] = Double.NaN;
            }
            assertArrayEquals(
                bruteForce(columns, maximize, include),
                ParetoFront.nonDominated(columns, maximize, include),
                "seed " + seed
            );
        }
    }

    @Test
    void duplicatesOfAFrontPointAreAllKept() {
        double[][] columns = { { 1, 1, 0, 2 }, { 1, 1, 0, 0 } };
        assertArrayEquals(
            new int[] { 0, 1, 3 },
            ParetoFront.nonDominated(columns, new boolean[] { true, true })
        );
    }

    @Test
    void aPointEqualInOneObjectiveAndWorseInAnotherIsDominated() {
        double[][] columns = { { 1, 1 }, { 2, 1 }, { 5, 5 } };
        assertArrayEquals(
            new int[] { 0 },
            ParetoFront.nonDominated(columns, new boolean[] { true, true, true })
        );
    }

    @Test
    void nanRowsAreNeverOnTheFrontAndDominateNothing() {
        double[][] columns = { { Double.NaN, 1 }, { 100, 0 } };
        assertArrayEquals(new int[] { 1 }, ParetoFront.nonDominated(columns, new boolean[] { true, true }));
    }

    @Test
    void negativeZeroEqualsZero() {
        double[][] columns = { { -0.0, 0.0 }, { 1, 1 } };
        assertArrayEquals(
            new int[] { 0, 1 },
            ParetoFront.nonDominated(columns, new boolean[] { true, true })
        );
    }

    @Test
    void minimisedObjectivePrefersSmallerValues() {
        double[][] columns = { { 1, 2 }, { 5, 5 } };
        assertArrayEquals(new int[] { 0 }, ParetoFront.nonDominated(columns, new boolean[] { false, true }));
    }

    @Test
    void emptyInputGivesEmptyFront() {
        assertEquals(
            0,
            ParetoFront.nonDominated(new double[][] { {}, {} }, new boolean[] { true, true }).length
        );
    }

    @Test
    void rejectsWrongShapes() {
        assertThrows(IllegalArgumentException.class, () ->
            ParetoFront.nonDominated(new double[][] { { 1 } }, new boolean[] { true })
        );
        assertThrows(IllegalArgumentException.class, () ->
            ParetoFront.nonDominated(new double[][] { { 1 }, { 1, 2 } }, new boolean[] { true, true })
        );
        assertThrows(IllegalArgumentException.class, () ->
            ParetoFront.nonDominated(new double[][] { { 1 }, { 1 } }, new boolean[] { true })
        );
    }

    @Test
    void bestPicksTheExtremeIncludedNumberAndTheLowestIndexOnTies() {
        double[] column = { 3, Double.NaN, 7, 7, 9 };
        assertEquals(2, ParetoFront.best(column, true, new boolean[] { true, true, true, true, false }));
        assertEquals(0, ParetoFront.best(column, false, null));
        assertEquals(-1, ParetoFront.best(new double[] { Double.NaN }, true, null));
    }
}
