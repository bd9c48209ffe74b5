package io.configspec.model.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

    /** The definition, applied pairwise: O(n²) reference. */
    static int[] bruteForce(double[][] columns, boolean[] maximize, boolean[] include) {
        int n = columns[0].length;
        int d = columns.length;
        boolean[] usable = new boolean[n];
        for (int i = 0; i < n; i++) {
            usable[i] = include == null || include[i];
            for (double[] column : columns) {
                usable[i] &= !Double.isNaN(column[i]);
            }
        }
        int[] front = new int[n];
        int count = 0;
        for (int p = 0; p < n; p++) {
            if (!usable[p]) {
                continue;
            }
            boolean dominated = false;
            for (int q = 0; q < n && !dominated; q++) {
                if (!usable[q]) {
                    continue;
                }
                boolean allAtLeast = true;
                boolean oneBetter = false;
                for (int j = 0; j < d; j++) {
                    double vq = maximize[j] ? columns[j][q] : -columns[j][q];
                    double vp = maximize[j] ? columns[j][p] : -columns[j][p];
                    allAtLeast &= vq >= vp;
                    oneBetter |= vq > vp;
                }
                dominated = allAtLeast && oneBetter;
            }
            if (!dominated) {
                front[count++] = p;
            }
        }
        return Arrays.copyOf(front, count);
    }

    /** Values that stress the bit-level sort: signed zeros, infinities, neighbouring doubles. */
    static final double[] AWKWARD = {
        Double.NEGATIVE_INFINITY,
        -Double.MAX_VALUE,
        -1.0,
        Math.nextDown(-1.0),
        -Double.MIN_VALUE,
        -0.0,
        0.0,
        Double.MIN_VALUE,
        1.0,
        Math.nextUp(1.0),
        1e300,
        Double.POSITIVE_INFINITY,
    };

    /**
     * Random rows. {@code levels > 0}: integers from a small range, so ties and duplicates are
     * frequent; 0: uniform doubles; -1: awkward values; -2: points near the plane a + b + c = 1
     * (anti-correlated, so most rows are on the front). About one row in ten copies an earlier row.
     */
    static double[][] randomColumns(SplittableRandom random, int d, int n, int levels) {
        double[][] columns = new double[d][n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double v = switch (levels) {
                    case 0 -> random.nextDouble() * 100 - 50;
                    case -1 -> AWKWARD[random.nextInt(AWKWARD.length)];
                    case -2 -> j < d - 1 ? random.nextDouble() : Math.rint((1 - sum) * 64) / 64;
                    default -> random.nextInt(levels) - levels / 2;
                };
                sum += v;
                columns[j][i] = v;
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

    /** Fills row {@code i} of a table, drawing from the table's random source. */
    interface RowFiller {
        void fill(int i, SplittableRandom random, double[] row);
    }

    /** {@code n} rows of three objectives, filled in order by {@code filler} from one seeded source. */
    static double[][] threeObjectives(int n, long seed, RowFiller filler) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[3][n];
        double[] row = new double[3];
        for (int i = 0; i < n; i++) {
            filler.fill(i, random, row);
            for (int j = 0; j < 3; j++) {
                columns[j][i] = row[j];
            }
        }
        return columns;
    }

    /** Every objective maximised, all rows: the front equals the pairwise reference. */
    static void assertFrontOfMaximisedIsExact(double[][] columns) {
        boolean[] maximize = new boolean[columns.length];
        Arrays.fill(maximize, true);
        assertArrayEquals(bruteForce(columns, maximize, null), ParetoFront.nonDominated(columns, maximize));
    }

    /** Each objective maximised or minimised at random. */
    static boolean[] randomDirections(SplittableRandom random, int d) {
        boolean[] maximize = new boolean[d];
        for (int j = 0; j < d; j++) {
            maximize[j] = random.nextBoolean();
        }
        return maximize;
    }

    /** About three rows in four included, at random. */
    static boolean[] randomRows(SplittableRandom random, int n) {
        boolean[] include = new boolean[n];
        for (int i = 0; i < n; i++) {
            include[i] = random.nextInt(4) != 0;
        }
        return include;
    }

    @TwoAndThreeObjectives
    void equalsPairwiseCheckOnRandomSetsWithTiesAndDuplicates(int d) {
        for (int seed = 0; seed < 400; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = seed % 50 == 0 ? random.nextInt(2000, 5000) : random.nextInt(1, 300);
            int levels = new int[] { 0, 3, 5, 20, -1, -2 }[seed % 6];
            double[][] columns = randomColumns(random, d, n, levels);
            boolean[] maximize = randomDirections(random, d);
            boolean[] include = seed % 3 == 0 ? randomRows(random, n) : null;
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
    void longRunsOfEqualFirstObjectiveAreOrderedByTheSecond() {
        // few distinct first values and anti-correlated second and third: the prefilter keeps most
        // rows and the runs of equal first value are long (sorted by radix, not insertion)
        double[][] columns = threeObjectives(3000, 11, (i, random, row) -> {
            row[0] = i % 3;
            row[1] = random.nextInt(500);
            row[2] = -row[1] + random.nextInt(3);
        });
        assertFrontOfMaximisedIsExact(columns);
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
