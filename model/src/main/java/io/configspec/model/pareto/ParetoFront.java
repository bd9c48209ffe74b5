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
 * <p>Algorithm, O(n log n): the maxima algorithm of H. T. Kung, F. Luccio and F. P. Preparata,
 * "On finding the maxima of a set of vectors", J. ACM 22(4):469–476, 1975, in three steps.
 *
 * <ol>
 *   <li>An exact O(n) prefilter drops the rows strictly dominated by a few pivots (maximisers of
 *       positive weighted sums of the rescaled objectives, which are themselves on the front); on
 *       configuration-space data this removes most rows.
 *   <li>The remaining rows are sorted in lexicographic order of (first, second) objective: a
 *       stable least-significant-digit radix sort on the IEEE 754 bit patterns of the first
 *       (no boxing, no comparisons), then each run of equal first values by the second. A row can
 *       then only be dominated by a row after it, and a later row q with a different (first,
 *       second) pair dominates p exactly when q is ≥ p in the second and third objectives.
 *   <li>A sweep from the end keeps the "staircase" of the rows seen so far, the 2D maxima of
 *       (second, third), in a balanced search tree ({@link TreeMap}): a run of rows equal in the
 *       first two objectives is dominated iff the first step at or above its second value has a
 *       third value ≥ the run's largest; only that largest third value of the run can survive.
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
        int d = columns.length;
        boolean three = d == 3;
        double[] c0 = columns[0];
        double[] c1 = columns[1];
        double[] c2 = three ? columns[2] : c1;
        double s0 = maximize[0] ? 1.0 : -1.0;
        double s1 = maximize[1] ? 1.0 : -1.0;
        double s2 = three ? (maximize[2] ? 1.0 : -1.0) : s1;
        // Pass 1: the usable rows (included, no NaN) and each objective's range, in maximise terms.
        int[] rows = new int[n];
        int m = 0;
        double lo0 = Double.POSITIVE_INFINITY,
            lo1 = lo0,
            lo2 = lo0;
        double hi0 = Double.NEGATIVE_INFINITY,
            hi1 = hi0,
            hi2 = hi0;
        for (int i = 0; i < n; i++) {
            double v0 = s0 * c0[i];
            double v1 = s1 * c1[i];
            double v2 = s2 * c2[i];
            if ((include == null || include[i]) && v0 == v0 && v1 == v1 && v2 == v2) {
                rows[m++] = i;
                if (v0 < lo0) lo0 = v0;
                if (v0 > hi0) hi0 = v0;
                if (v1 < lo1) lo1 = v1;
                if (v1 > hi1) hi1 = v1;
                if (v2 < lo2) lo2 = v2;
                if (v2 > hi2) hi2 = v2;
            }
        }
        // Pass 2: a few pivots, rows that cannot be dominated (see pivots()).
        double[][] pivots = pivots(
            c0,
            c1,
            c2,
            s0,
            s1,
            s2,
            rows,
            m,
            new double[] { lo0, lo1, lo2 },
            new double[] { hi0, hi1, hi2 }
        );
        // Pass 3: drop rows a pivot strictly dominates; turn the others into sortable keys.
        long[][] keys = new long[d][m];
        long[] k0 = keys[0];
        long[] k1 = keys[1];
        long[] k2 = three ? keys[2] : null;
        int kept = 0;
        for (int r = 0; r < m; r++) {
            int row = rows[r];
            double v0 = s0 * c0[row];
            double v1 = s1 * c1[row];
            double v2 = s2 * c2[row];
            boolean dominated = false;
            for (double[] p : pivots) {
                if (p[0] >= v0 && p[1] >= v1 && p[2] >= v2 && (p[0] > v0 || p[1] > v1 || p[2] > v2)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                rows[kept] = row;
                k0[kept] = sortableBits(v0);
                k1[kept] = sortableBits(v1);
                if (three) {
                    k2[kept] = sortableBits(v2);
                }
                kept++;
            }
        }
        boolean[] onFront = new boolean[n];
        int count = three ? sweep3(keys, rows, kept, onFront) : sweep2(keys, rows, kept, onFront);
        int[] result = new int[count];
        int k = 0;
        for (int i = 0; i < n && k < count; i++) {
            if (onFront[i]) {
                result[k++] = i;
            }
        }
        return result;
    }

    /**
     * An exact shortcut before the sort: a few rows that maximise positive weighted sums of the
     * objectives rescaled to [0, 1] (the balanced sum, and one leaning towards each objective).
     * Such a maximiser is dominated only by another maximiser of the same sum, so every row that a
     * pivot strictly dominates is dominated in the full set and can be dropped: whatever it
     * dominates, its pivot (or the pivot that dominates that one) dominates as well. On typical
     * data this removes most rows in one pass; on a set that is nearly all front it removes few.
     * None when there are fewer than 64 rows or a range is not finite (±∞ values).
     *
     * @return pivot values in maximise terms, {@code [pivot][objective]} (3 entries per pivot; for
     *     2 objectives the third repeats the second)
     */
    private static double[][] pivots(
        double[] c0,
        double[] c1,
        double[] c2,
        double s0,
        double s1,
        double s2,
        int[] rows,
        int m,
        double[] lo,
        double[] hi
    ) {
        if (m < 64) {
            return new double[0][];
        }
        double[] scale = new double[3];
        for (int j = 0; j < 3; j++) {
            double range = hi[j] - lo[j];
            if (!Double.isFinite(range) || !Double.isFinite(lo[j])) {
                return new double[0][];
            }
            scale[j] = range > 0 ? 1.0 / range : 0.0;
        }
        int[] best = new int[4];
        double[] bestScore = {
            Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
        };
        for (int r = 0; r < m; r++) {
            int row = rows[r];
            double t0 = (s0 * c0[row] - lo[0]) * scale[0];
            double t1 = (s1 * c1[row] - lo[1]) * scale[1];
            double t2 = (s2 * c2[row] - lo[2]) * scale[2];
            double sum = t0 + t1 + t2;
            // weights (1, 1, 1), (3, 1, 1), (1, 3, 1), (1, 1, 3)
            if (sum > bestScore[0]) {
                bestScore[0] = sum;
                best[0] = row;
            }
            if (sum + 2 * t0 > bestScore[1]) {
                bestScore[1] = sum + 2 * t0;
                best[1] = row;
            }
            if (sum + 2 * t1 > bestScore[2]) {
                bestScore[2] = sum + 2 * t1;
                best[2] = row;
            }
            if (sum + 2 * t2 > bestScore[3]) {
                bestScore[3] = sum + 2 * t2;
                best[3] = row;
            }
        }
        double[][] pivots = new double[4][];
        for (int p = 0; p < 4; p++) {
            int row = best[p];
            pivots[p] = new double[] { s0 * c0[row], s1 * c1[row], s2 * c2[row] };
        }
        return pivots;
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
    private static int sweep2(long[][] keys, int[] rows, int m, boolean[] onFront) {
        long[] a = keys[0];
        long[] b = keys[1];
        int[] row = java.util.Arrays.copyOf(rows, m);
        new RadixSorter(m).sort(a, b, null, row, null);
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
     * 3 objectives: sort on a (radix), then each run of equal a on b; sweep runs of equal (a, b)
     * from the largest. The staircase (2D maxima of (b, c) over the rows already swept, b
     * ascending and c descending) lives in a balanced search tree: a run is dominated iff the
     * first step at or above its b has c ≥ the run's largest c.
     */
    private static int sweep3(long[][] keys, int[] rows, int m, boolean[] onFront) {
        long[] a = keys[0];
        long[] b = keys[1];
        long[] c = keys[2];
        int[] row = java.util.Arrays.copyOf(rows, m);
        new RadixSorter(m).sort(a, b, c, row, null);
        for (int start = 0, end; start < m; start = end) {
            end = start + 1;
            while (end < m && a[end] == a[start]) {
                end++;
            }
            if (end - start > 1) {
                sortRangeByB(b, c, row, start, end);
            }
        }
        TreeMap<Long, Long> staircase = new TreeMap<>();
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
            Map.Entry<Long, Long> ceiling = staircase.ceilingEntry(runB);
            if (ceiling == null || ceiling.getValue() < runMaxC) {
                for (int r = start; r < end; r++) {
                    if (c[r] == runMaxC) {
                        onFront[row[r]] = true;
                        count++;
                    }
                }
                // the new step hides the steps at or below its b whose c is not larger
                Map.Entry<Long, Long> lower = staircase.floorEntry(runB);
                while (lower != null && lower.getValue() <= runMaxC) {
                    staircase.remove(lower.getKey());
                    lower = staircase.lowerEntry(lower.getKey());
                }
                staircase.put(runB, runMaxC);
            }
            end = start;
        }
        return count;
    }

    /** Sorts rows [start, end) by b ascending (c and row follow); insertion sort when short. */
    private static void sortRangeByB(long[] b, long[] c, int[] row, int start, int end) {
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
        long[] rangeC = java.util.Arrays.copyOfRange(c, start, end);
        int[] rangeRow = java.util.Arrays.copyOfRange(row, start, end);
        new RadixSorter(length).sort(rangeB, rangeC, null, rangeRow, null);
        System.arraycopy(rangeB, 0, b, start, length);
        System.arraycopy(rangeC, 0, c, start, length);
        System.arraycopy(rangeRow, 0, row, start, length);
    }

    /**
     * Stable least-significant-digit radix sort of parallel arrays by one long key (signed order),
     * 11 bits per pass; all digit histograms are counted in one read, and a pass whose digit is
     * the same for every key is skipped. The arrays are sorted in place (scratch buffers are
     * reused between calls).
     */
    private static final class RadixSorter {

        private static final int PASSES = (64 + DIGIT_BITS - 1) / DIGIT_BITS;

        private final int m;
        private final long[] key2;
        private final long[] long1;
        private final long[] long2;
        private final int[] int1;
        private final int[] int2;
        private final int[][] counts = new int[PASSES][BUCKETS];

        RadixSorter(int m) {
            this.m = m;
            key2 = new long[m];
            long1 = new long[m];
            long2 = new long[m];
            int1 = new int[m];
            int2 = new int[m];
        }

        /**
         * Sorts {@code key} ascending and applies the same permutation to the payloads ({@code
         * payloadB} and {@code payloadD} may be null).
         */
        void sort(long[] key, long[] payloadA, long[] payloadB, int[] payloadC, int[] payloadD) {
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
            long[] pa = payloadA;
            long[] pb = payloadB;
            int[] pc = payloadC;
            int[] pd = payloadD;
            long[] k2 = key2;
            long[] pa2 = long1;
            long[] pb2 = payloadB == null ? null : long2;
            int[] pc2 = int1;
            int[] pd2 = payloadD == null ? null : int2;
            for (int pass = 0; pass < PASSES; pass++) {
                int shift = pass * DIGIT_BITS;
                int[] count = counts[pass];
                if (m == 0 || count[(int) ((k[0] ^ Long.MIN_VALUE) >>> shift) & (BUCKETS - 1)] == m) {
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
                    pa2[slot] = pa[i];
                    pc2[slot] = pc[i];
                    if (pb != null) {
                        pb2[slot] = pb[i];
                    }
                    if (pd != null) {
                        pd2[slot] = pd[i];
                    }
                }
                long[] t = k;
                k = k2;
                k2 = t;
                t = pa;
                pa = pa2;
                pa2 = t;
                t = pb;
                pb = pb2;
                pb2 = t;
                int[] ti = pc;
                pc = pc2;
                pc2 = ti;
                ti = pd;
                pd = pd2;
                pd2 = ti;
            }
            if (k != key) {
                // an odd number of passes ran: the sorted data sits in the scratch buffers
                System.arraycopy(k, 0, key, 0, m);
                System.arraycopy(pa, 0, payloadA, 0, m);
                System.arraycopy(pc, 0, payloadC, 0, m);
                if (pb != null) {
                    System.arraycopy(pb, 0, payloadB, 0, m);
                }
                if (pd != null) {
                    System.arraycopy(pd, 0, payloadD, 0, m);
                }
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
