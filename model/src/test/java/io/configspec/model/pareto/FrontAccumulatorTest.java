package io.configspec.model.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrontAccumulatorTest {

    private static long[] accumulate(
        double[][] columns,
        boolean[] maximize,
        boolean[] include,
        int[] chunkSizes,
        int compactAbove
    ) {
        FrontAccumulator accumulator = new FrontAccumulator(maximize, compactAbove);
        int n = columns[0].length;
        int from = 0;
        for (int c = 0; from < n; c++) {
            int length = Math.min(chunkSizes[c % chunkSizes.length], n - from);
            double[][] chunk = new double[columns.length][];
            for (int j = 0; j < columns.length; j++) {
                chunk[j] = Arrays.copyOfRange(columns[j], from, from + length + 3); // longer than length
            }
            boolean[] chunkInclude = include == null
                ? null
                : Arrays.copyOfRange(include, from, from + length);
            accumulator.accept(chunk, chunkInclude, length, from);
            from += length;
        }
        return accumulator.finish();
    }

    private static long[] asLongs(int[] rows) {
        return Arrays.stream(rows).asLongStream().toArray();
    }

    @TwoAndThreeObjectives
    void chunksGiveTheFrontOfTheWholeTable(int d) {
        for (int seed = 0; seed < 150; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = random.nextInt(1, 3000);
            int levels = new int[] { 0, 3, 20, -1, -2 }[seed % 5];
            double[][] columns = ParetoFrontTest.randomColumns(random, d, n, levels);
            boolean[] maximize = ParetoFrontTest.randomDirections(random, d);
            boolean[] include = seed % 3 == 0 ? ParetoFrontTest.randomRows(random, n) : null;
            int[] chunks = { random.nextInt(1, 500), random.nextInt(1, 50), random.nextInt(1, 2000) };
            assertArrayEquals(
                asLongs(ParetoFrontTest.bruteForce(columns, maximize, include)),
                accumulate(columns, maximize, include, chunks, 1024),
                "seed " + seed
            );
        }
    }

    @Test
    void compactingABoundedBufferKeepsTheFrontExact() {
        // anti-correlated: most rows survive the pivots, so the 1,024-row buffer is compacted often
        int n = 20_000;
        double[][] columns = ParetoFrontTest.threeObjectives(n, 5, (i, random, row) -> {
            row[0] = random.nextDouble();
            row[1] = random.nextDouble() * (1 - row[0]);
            row[2] = Math.rint((1 - row[0] - row[1]) * 256) / 256;
        });
        boolean[] maximize = { true, true, true };
        long[] expected = asLongs(ParetoFront.nonDominated(columns, maximize));
        FrontAccumulator accumulator = new FrontAccumulator(maximize, 1024);
        for (int from = 0; from < n; from += 1000) {
            double[][] chunk = {
                Arrays.copyOfRange(columns[0], from, from + 1000),
                Arrays.copyOfRange(columns[1], from, from + 1000),
                Arrays.copyOfRange(columns[2], from, from + 1000),
            };
            accumulator.accept(chunk, null, 1000, from);
            assertTrue(accumulator.buffered() <= Math.max(2048, 2 * expected.length), "buffer bounded");
        }
        assertArrayEquals(expected, accumulator.finish());
        assertArrayEquals(asLongs(ParetoFrontTest.bruteForce(columns, maximize, null)), expected);
    }

    @Test
    void rowsArrivingWorstFirstStillGiveTheExactFront() {
        // every row is stronger than the ones before it: each replaces pivots and survives the pass
        double[][] columns = ParetoFrontTest.threeObjectives(4000, 9, (i, random, row) -> {
            row[0] = i + random.nextInt(200);
            row[1] = i + random.nextInt(200);
            row[2] = i + random.nextInt(200);
        });
        ParetoFrontTest.assertFrontOfMaximisedIsExact(columns);
    }

    @Test
    void aStaircaseLongerThanItsArraysMovesToTheTreeAndStaysExact() {
        // (b, c) on an anti-diagonal with distinct a: every row is on the front and the staircase
        // grows past its array limit
        int n = ParetoFront.Staircase.ARRAY_LIMIT * 2 + 100;
        double[][] columns = ParetoFrontTest.threeObjectives(n, 3, (i, random, row) -> {
            row[0] = random.nextDouble();
            row[1] = i;
            row[2] = -i + (random.nextInt(10) == 0 ? -2.5 : 0); // some rows dominated
        });
        ParetoFrontTest.assertFrontOfMaximisedIsExact(columns);
    }

    @Test
    void aFirstChunkWithoutFiniteRowsDoesNotStopTheFilter() {
        boolean[] maximize = { true, false };
        FrontAccumulator accumulator = new FrontAccumulator(maximize);
        accumulator.accept(new double[][] { { Double.POSITIVE_INFINITY, Double.NaN }, { 1, 1 } }, null, 2, 0);
        accumulator.accept(new double[][] { { 1, 2, Double.POSITIVE_INFINITY }, { 0, -1, 5 } }, null, 3, 2);
        // maximise terms: (∞, −1), NaN, (1, 0), (2, 1), (∞, −5): the third is dominated by the
        // fourth, the fifth by the first
        assertArrayEquals(new long[] { 0, 3 }, accumulator.finish());
    }

    @Test
    void idsOutOfOrderComeBackAscending() {
        boolean[] maximize = { true, true };
        FrontAccumulator accumulator = new FrontAccumulator(maximize);
        accumulator.accept(new double[][] { { 3, 1 }, { 1, 3 } }, null, 2, 100);
        accumulator.accept(new double[][] { { 2 }, { 2 } }, null, 1, 7);
        assertArrayEquals(new long[] { 7, 100, 101 }, accumulator.finish());
    }

    @Test
    void aFinishedAccumulatorTakesNoMoreRows() {
        FrontAccumulator accumulator = new FrontAccumulator(new boolean[] { true, true });
        accumulator.finish();
        assertThrows(IllegalStateException.class, accumulator::finish);
        assertThrows(IllegalStateException.class, () ->
            accumulator.accept(new double[][] { { 1 }, { 1 } }, null, 1, 0)
        );
    }

    @Test
    void rejectsWrongShapes() {
        assertThrows(IllegalArgumentException.class, () -> new FrontAccumulator(new boolean[] { true }));
        assertThrows(IllegalArgumentException.class, () ->
            new FrontAccumulator(new boolean[] { true, true }, 10)
        );
        FrontAccumulator accumulator = new FrontAccumulator(new boolean[] { true, true });
        assertThrows(IllegalArgumentException.class, () ->
            accumulator.accept(new double[][] { { 1 }, { 1 }, { 1 } }, null, 1, 0)
        );
        assertThrows(IllegalArgumentException.class, () ->
            accumulator.accept(new double[][] { { 1 }, { 1 } }, null, 2, 0)
        );
        assertThrows(IllegalArgumentException.class, () ->
            accumulator.accept(new double[][] { { 1 }, { 1 } }, new boolean[0], 1, 0)
        );
    }
}
