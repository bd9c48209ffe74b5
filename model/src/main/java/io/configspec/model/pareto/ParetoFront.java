package io.configspec.model.pareto;

import java.util.Map;
import java.util.TreeMap;

/**
 * The non-dominated (Pareto-optimal) rows of a column-oriented table of 2 or 3 objectives.
 *
 * <p>Semantics, stated exactly. Each objective is read in "maximise" terms (a minimised column is
 * negated). Row p is <em>dominated</em> iff some row q is ≥ p in every objective and &gt; p in at
 * least one. Hence exact duplicates do not dominate each other: all copies of a non-dominated point
 * are returned. {@code -0.0} and {@code 0.0} are equal. A row with NaN in any chosen objective is
 * never on the front and dominates nothing; ±∞ compare as usual.
 *
 * <p>Algorithm, O(n log n), in two stages (decision 0024).
 *
 * <ol>
 *   <li>A pivot filter ({@link FrontAccumulator}): one pass over the rows drops every row that one
 *       of eight pivots strictly dominates. The pivots are the best rows seen so far for eight
 *       positive scores (weighted sums and the product of the objectives rescaled by a sample's
 *       range) and so grow stronger as the pass goes; any row strictly dominated by any row is off
 *       the front, so the filter is exact whatever the pivots are. On configuration-space, uniform
 *       and correlated data it leaves a few thousand of a million rows; on a set that is nearly
 *       all front it leaves nearly all.
 *   <li>The exact front of the survivors, after H. T. Kung, F. Luccio and F. P. Preparata, "On
 *       finding the maxima of a set of vectors", J. ACM 22(4):469–476, 1975: the survivors' IEEE
 *       754 bit patterns, made order-preserving, are sorted by the first objective with a stable
 *       least-significant-digit radix sort (no boxing, no comparisons), each run of equal first
 *       values by the second; a sweep from the largest keeps the "staircase" of the rows seen so
 *       far, the 2D maxima of (second, third): a run of rows equal in the first two objectives is
 *       dominated iff the first step at or above its second value has a third value ≥ the run's
 *       largest; only that largest third value of the run can survive. The staircase is a pair of
 *       sorted primitive arrays searched by a branch-free bisection (a few hundred steps even on
 *       anti-correlated data), moved into a {@link TreeMap} if it grows past a few thousand.
 *       For 2 objectives the staircase is a single running maximum.
 * </ol>
 *
 * <p>Stateless and thread-safe. Input arrays are never modified.
 */
public final class ParetoFront {

    private static final int DIGIT_BITS = 11;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    private ParetoFront() {}

    /**
     * Non-dominated rows over all rows.
     *
     * @param columns 2 or 3 objective columns, each of the same length n ({@code columns[j][i]} is
     *        objective j of row i)
     * @param maximize for each column, {@code true} if larger is better
     * @return ascending row indices of the non-dominated rows (empty if n = 0)
     * @throws IllegalArgumentException if there are not 2 or 3 columns, the lengths differ, or
     *         {@code maximize} does not have one entry per column
     */
    public static int[] nonDominated(double[][] columns, boolean[] maximize) {
        return nonDominated(columns, maximize, null);
    }

    /**
     * Non-dominated rows among the included rows (e.g. those meeting the constraints); excluded rows
     * are ignored entirely (they are neither returned nor dominate anything).
     *
     * @param include {@code include[i]} keeps row i; {@code null} includes every row
     * @return ascending row indices of the non-dominated included rows
     * @throws IllegalArgumentException as {@link #nonDominated(double[][], boolean[])}, or if
     *         {@code include} has the wrong length
     */
    public static int[] nonDominated(double[][] columns, boolean[] maximize, boolean[] include) {
        int n = checkShape(columns, maximize, include);
        FrontAccumulator accumulator = new FrontAccumulator(maximize);
        accumulator.accept(columns, include, n, 0);
        long[] ids = accumulator.finish();
        int[] front = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            front[i] = (int) ids[i];
        }
        return front;
    }

    /**
     * The exact front of m rows given as order-preserving keys (see {@link #sortableBits}), all
     * maximised. The key arrays are left unchanged.
     *
     * @param c the third objective's keys, or {@code null} for 2 objectives
     * @param onFront set to true at the position of each row on the front
     * @return the number of rows on the front
     */
    static int exactFront(long[] a, long[] b, long[] c, int m, boolean[] onFront) {
        // sort (a, position) only, then gather the other keys in that order: the radix passes
        // move 12 bytes a row instead of 28
        long[] sortedA = java.util.Arrays.copyOf(a, m);
        int[] row = new int[m];
        for (int i = 0; i < m; i++) {
            row[i] = i;
        }
        RadixSorter sorter = new RadixSorter(m);
        sorter.sort(sortedA, row, m);
        long[] sortedB = new long[m];
        for (int i = 0; i < m; i++) {
            sortedB[i] = b[row[i]];
        }
        if (c == null) {
            return sweep2(sortedA, sortedB, row, m, onFront);
        }
        long[] sortedC = new long[m];
        for (int i = 0; i < m; i++) {
            sortedC[i] = c[row[i]];
        }
        return sweep3(sortedA, sortedB, sortedC, row, m, onFront, sorter);
    }

    /**
     * The best included row for one objective: largest value if {@code maximize}, else smallest;
     * NaN rows are skipped; ties go to the lowest row index.
     *
     * @param include {@code null} includes every row
     * @return the row index, or -1 if no included row has a number
     */
    public static int best(double[] column, boolean maximize, boolean[] include) {
        int best = -1;
        for (int i = 0; i < column.length; i++) {
            double v = column[i];
            if (Double.isNaN(v) || (include != null && !include[i])) {
                continue;
            }
            if (best < 0 || (maximize ? v > column[best] : v < column[best])) {
                best = i;
            }
        }
        return best;
    }

    /** 2 objectives: sort on a; a run of equal a survives at its largest b if b beats every earlier b. */
    private static int sweep2(long[] a, long[] b, int[] row, int m, boolean[] onFront) {
        int count = 0;
        long bestB = Long.MIN_VALUE; // never a key (NaN is excluded): "no row yet"
        int end = m; // ascending order: walk runs of equal a from the end (largest a first)
        while (end > 0) {
            int start = end - 1;
            long runA = a[start];
            long runMaxB = b[start];
            while (start > 0 && a[start - 1] == runA) {
                start--;
                runMaxB = Math.max(runMaxB, b[start]);
            }
            if (runMaxB > bestB) {
                for (int r = start; r < end; r++) {
                    if (b[r] == runMaxB) {
                        onFront[row[r]] = true;
                        count++;
                    }
                }
                bestB = runMaxB;
            }
            end = start;
        }
        return count;
    }

    /**
     * 3 objectives, rows sorted by a: each run of equal a is sorted by b, then runs of equal (a,
     * b) are swept from the largest. The staircase (2D maxima of (b, c) over the rows already
     * swept, b ascending and c descending) answers whether a run is dominated: iff the first step
     * at or above its b has c ≥ the run's largest c.
     */
    private static int sweep3(
        long[] a,
        long[] b,
        long[] c,
        int[] row,
        int m,
        boolean[] onFront,
        RadixSorter sorter
    ) {
        for (int start = 0, end; start < m; start = end) {
            end = start + 1;
            while (end < m && a[end] == a[start]) {
                end++;
            }
            if (end - start > 1) {
                sortRangeByB(b, c, row, start, end, sorter);
            }
        }
        Staircase staircase = new Staircase();
        int count = 0;
        int end = m; // ascending order: sweep runs from the end
        while (end > 0) {
            int start = end - 1;
            long runA = a[start];
            long runB = b[start];
            long runMaxC = c[start];
            while (start > 0 && a[start - 1] == runA && b[start - 1] == runB) {
                start--;
                runMaxC = Math.max(runMaxC, c[start]);
            }
            if (!staircase.dominates(runB, runMaxC)) {
                for (int r = start; r < end; r++) {
                    if (c[r] == runMaxC) {
                        onFront[row[r]] = true;
                        count++;
                    }
                }
                staircase.add(runB, runMaxC);
            }
            end = start;
        }
        return count;
    }

    /** Sorts rows [start, end) by b ascending (c and row follow); insertion sort when short. */
    private static void sortRangeByB(long[] b, long[] c, int[] row, int start, int end, RadixSorter sorter) {
        int length = end - start;
        if (length <= 32) {
            for (int i = start + 1; i < end; i++) {
                long bi = b[i];
                long ci = c[i];
                int ri = row[i];
                int j = i - 1;
                while (j >= start && b[j] > bi) {
                    b[j + 1] = b[j];
                    c[j + 1] = c[j];
                    row[j + 1] = row[j];
                    j--;
                }
                b[j + 1] = bi;
                c[j + 1] = ci;
                row[j + 1] = ri;
            }
            return;
        }
        long[] rangeB = java.util.Arrays.copyOfRange(b, start, end);
        int[] order = new int[length];
        for (int i = 0; i < length; i++) {
            order[i] = start + i;
        }
        sorter.sort(rangeB, order, length);
        long[] rangeC = new long[length];
        int[] rangeRow = new int[length];
        for (int i = 0; i < length; i++) {
            rangeC[i] = c[order[i]];
            rangeRow[i] = row[order[i]];
        }
        System.arraycopy(rangeB, 0, b, start, length);
        System.arraycopy(rangeC, 0, c, start, length);
        System.arraycopy(rangeRow, 0, row, start, length);
    }

    /**
     * The staircase of the 3-objective sweep: steps (b, c) with b ascending and c descending. On
     * typical data it holds a few hundred steps (an anti-correlated million-row set: under 300),
     * so it is a pair of sorted primitive arrays searched by bisection; if it grows past {@link
     * #ARRAY_LIMIT} steps, where shifting the arrays would cost more than a tree, it moves into a
     * balanced search tree ({@link TreeMap}).
     */
    static final class Staircase {

        static final int ARRAY_LIMIT = 2048;

        private long[] stepB = new long[64];
        private long[] stepC = new long[64];
        private int size;
        private TreeMap<Long, Long> tree;

        /** Whether some step has b' ≥ b and c' ≥ c. */
        boolean dominates(long b, long c) {
            if (tree != null) {
                Map.Entry<Long, Long> ceiling = tree.ceilingEntry(b);
                return ceiling != null && ceiling.getValue() >= c;
            }
            int at = ceiling(b);
            return at < size && stepC[at] >= c;
        }

        /** Adds the step (b, c), which no step dominates, hiding the steps it dominates. */
        void add(long b, long c) {
            if (tree != null) {
                Map.Entry<Long, Long> lower = tree.floorEntry(b);
                while (lower != null && lower.getValue() <= c) {
                    tree.remove(lower.getKey());
                    lower = tree.lowerEntry(lower.getKey());
                }
                tree.put(b, c);
                return;
            }
            // the steps it hides are those just below position `at` (b' ≤ b) with c' ≤ c,
            // including a step with b' = b at `at` itself
            int at = ceiling(b);
            int hiddenEnd = at < size && stepB[at] == b ? at + 1 : at;
            int hiddenStart = hiddenEnd;
            while (hiddenStart > 0 && stepC[hiddenStart - 1] <= c) {
                hiddenStart--;
            }
            int removed = hiddenEnd - hiddenStart;
            int newSize = size - removed + 1;
            if (newSize > ARRAY_LIMIT) {
                moveToTree();
                add(b, c);
                return;
            }
            if (newSize > stepB.length) {
                stepB = java.util.Arrays.copyOf(stepB, stepB.length * 2);
                stepC = java.util.Arrays.copyOf(stepC, stepC.length * 2);
            }
            if (removed != 1) {
                System.arraycopy(stepB, hiddenEnd, stepB, hiddenStart + 1, size - hiddenEnd);
                System.arraycopy(stepC, hiddenEnd, stepC, hiddenStart + 1, size - hiddenEnd);
            }
            stepB[hiddenStart] = b;
            stepC[hiddenStart] = c;
            size = newSize;
        }

        /** The first position whose b is ≥ the given b (size if none); a branch-free bisection. */
        private int ceiling(long b) {
            if (size == 0) {
                return 0;
            }
            long[] steps = stepB;
            int base = 0;
            int length = size;
            while (length > 1) {
                int half = length >>> 1;
                base = steps[base + half - 1] < b ? base + half : base;
                length -= half;
            }
            return steps[base] < b ? base + 1 : base;
        }

        private void moveToTree() {
            tree = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                tree.put(stepB[i], stepC[i]);
            }
            stepB = null;
            stepC = null;
        }
    }

    /**
     * Stable least-significant-digit radix sort of a long key (signed order) with an int payload,
     * 11 bits per pass; all digit histograms are counted in one read, and a pass whose digit is
     * the same for every key is skipped. Sorts in place; the scratch buffers are reused between
     * calls of at most the size it was made for.
     */
    static final class RadixSorter {

        private static final int PASSES = (64 + DIGIT_BITS - 1) / DIGIT_BITS;

        private final long[] scratchKey;
        private final int[] scratchPayload;
        private final int[][] counts = new int[PASSES][BUCKETS];

        RadixSorter(int capacity) {
            scratchKey = new long[capacity];
            scratchPayload = new int[capacity];
        }

        /** Sorts {@code key[0 … m-1]} ascending, applying the same permutation to the payload. */
        void sort(long[] key, int[] payload, int m) {
            if (m < 2) {
                return;
            }
            for (int[] count : counts) {
                java.util.Arrays.fill(count, 0);
            }
            for (int i = 0; i < m; i++) {
                long u = key[i] ^ Long.MIN_VALUE; // signed order -> unsigned order
                for (int pass = 0; pass < PASSES; pass++) {
                    counts[pass][(int) (u >>> (pass * DIGIT_BITS)) & (BUCKETS - 1)]++;
                }
            }
            long[] k = key;
            int[] p = payload;
            long[] k2 = scratchKey;
            int[] p2 = scratchPayload;
            for (int pass = 0; pass < PASSES; pass++) {
                int shift = pass * DIGIT_BITS;
                int[] count = counts[pass];
                if (count[(int) ((k[0] ^ Long.MIN_VALUE) >>> shift) & (BUCKETS - 1)] == m) {
                    continue; // every key has this digit: the pass would not move anything
                }
                int sum = 0;
                for (int bucket = 0; bucket < BUCKETS; bucket++) {
                    int n = count[bucket];
                    count[bucket] = sum;
                    sum += n;
                }
                for (int i = 0; i < m; i++) {
                    long kv = k[i];
                    int slot = count[(int) ((kv ^ Long.MIN_VALUE) >>> shift) & (BUCKETS - 1)]++;
                    k2[slot] = kv;
                    p2[slot] = p[i];
                }
                long[] t = k;
                k = k2;
                k2 = t;
                int[] tp = p;
                p = p2;
                p2 = tp;
            }
            if (k != key) {
                // an odd number of passes ran: the sorted data sits in the scratch buffers
                System.arraycopy(k, 0, key, 0, m);
                System.arraycopy(p, 0, payload, 0, m);
            }
        }
    }

    /**
     * A long whose signed order equals the numeric order of {@code v} (not NaN); −0.0 and 0.0 map
     * to the same value.
     */
    static long sortableBits(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0); // + 0.0 turns −0.0 into 0.0
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /**
     * Per column, the smallest and largest non-NaN value over {@code rows}: {lo, hi}, with +∞ and
     * −∞ for a column that has none.
     */
    static double[][] bounds(double[][] columns, int[] rows) {
        int d = columns.length;
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int j = 0; j < d; j++) {
            lo[j] = Double.POSITIVE_INFINITY;
            hi[j] = Double.NEGATIVE_INFINITY;
            for (int row : rows) {
                double v = columns[j][row];
                if (!Double.isNaN(v)) {
                    lo[j] = Math.min(lo[j], v);
                    hi[j] = Math.max(hi[j], v);
                }
            }
        }
        return new double[][] { lo, hi };
    }

    static int checkShape(double[][] columns, boolean[] maximize, boolean[] include) {
        if (columns == null || (columns.length != 2 && columns.length != 3)) {
            throw new IllegalArgumentException(
                "columns: expected 2 or 3 objective columns, got " +
                    (columns == null ? "null" : columns.length)
            );
        }
        if (maximize == null || maximize.length != columns.length) {
            throw new IllegalArgumentException(
                "maximize: expected one entry per column (" + columns.length + ")"
            );
        }
        int n = columns[0].length;
        for (int j = 1; j < columns.length; j++) {
            if (columns[j].length != n) {
                throw new IllegalArgumentException(
                    "columns[" + j + "]: length " + columns[j].length + " differs from columns[0] length " + n
                );
            }
        }
        if (include != null && include.length != n) {
            throw new IllegalArgumentException(
                "include: length " + include.length + " differs from row count " + n
            );
        }
        return n;
    }
}
