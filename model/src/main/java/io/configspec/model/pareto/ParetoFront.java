package io.configspec.model.pareto;

/**
 * The non-dominated (Pareto-optimal) rows of a column-oriented table of 2 or 3 objectives.
 *
 * <p>Semantics, stated exactly. Each objective is read in "maximise" terms (a minimised column is
 * negated). Row p is <em>dominated</em> iff some row q is ≥ p in every objective and &gt; p in at
 * least one. Hence exact duplicates do not dominate each other: all copies of a non-dominated point
 * are returned. {@code -0.0} and {@code 0.0} are equal. A row with NaN in any chosen objective is
 * never on the front and dominates nothing; ±∞ compare as usual.
 *
 * <p>Algorithm, O(n log n) for 3 objectives and O(n) passes of radix sorting plus a linear sweep
 * for 2: the maxima algorithm of H. T. Kung, F. Luccio and F. P. Preparata, "On finding the maxima
 * of a set of vectors", J. ACM 22(4):469–476, 1975. Rows are sorted in descending lexicographic
 * order of (first, second) objective, so a row can only be dominated by a row before it; a row q
 * before p with a different (first, second) pair dominates p exactly when q is ≥ p in the second
 * and third objectives. The sweep keeps, for the rows seen so far, the largest third objective
 * above each rank of the second (the "staircase" of 2D maxima) in a Fenwick tree for prefix
 * maxima (P. M. Fenwick, "A new data structure for cumulative frequency tables", Software: Practice
 * and Experience 24(3), 1994), so each query and insertion costs O(log n). Within a run of rows
 * equal in the first two objectives only the largest third value can survive. The sort is a stable
 * least-significant-digit radix sort on the IEEE 754 bit patterns, so it does no boxing and no
 * comparisons.
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
        // Compact the usable rows and turn each value into a long whose signed order is the
        // maximise-order of the value.
        int[] rows = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if ((include == null || include[i]) && !hasNaN(columns, i)) {
                rows[m++] = i;
            }
        }
        m = dropRowsDominatedByPivots(columns, maximize, rows, m);
        long[][] keys = new long[d][m];
        for (int j = 0; j < d; j++) {
            double[] column = columns[j];
            long[] key = keys[j];
            boolean max = maximize[j];
            for (int r = 0; r < m; r++) {
                double v = column[rows[r]];
                key[r] = sortableBits(max ? v : -v);
            }
        }
        boolean[] onFront = new boolean[n];
        int count = d == 2 ? sweep2(keys, rows, m, onFront) : sweep3(keys, rows, m, onFront);
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

    /**
     * An exact O(n) shortcut before the sort: picks a few front rows (the maximisers of positive
     * weighted sums of the objectives rescaled to [0, 1], which cannot be dominated unless another
     * maximiser dominates them) and drops every row that one of them strictly dominates. A dropped
     * row cannot change the result: whatever it dominates, its dominating pivot (or the pivot that
     * in turn dominates that one) dominates as well. On typical data this removes most rows; on a
     * set that is nearly all front it removes few and costs one pass. Skipped when a column has an
     * infinite value (the rescaling would be undefined).
     *
     * @return the number of rows kept, compacted to the start of {@code rows}
     */
    private static int dropRowsDominatedByPivots(double[][] columns, boolean[] maximize, int[] rows, int m) {
        int d = columns.length;
        if (m < 64) {
            return m;
        }
        double[] lo = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double[] column = columns[j];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < m; r++) {
                double v = column[rows[r]];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (!Double.isFinite(min) || !Double.isFinite(max)) {
                return m;
            }
            double range = max - min;
            if (!Double.isFinite(range)) {
                return m;
            }
            double sign = maximize[j] ? 1.0 : -1.0;
            lo[j] = maximize[j] ? min : max;
            scale[j] = range > 0 ? sign / range : 0.0;
        }
        int pivotCount = d + 1;
        int[] pivots = new int[pivotCount];
        double[] bestScore = new double[pivotCount];
        java.util.Arrays.fill(bestScore, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < m; r++) {
            int row = rows[r];
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += (columns[j][row] - lo[j]) * scale[j];
            }
            if (sum > bestScore[0]) {
                bestScore[0] = sum;
                pivots[0] = row;
            }
            for (int j = 0; j < d; j++) {
                // weights (1, …, 3, …, 1): leans towards objective j
                double leaning = sum + 2 * (columns[j][row] - lo[j]) * scale[j];
                if (leaning > bestScore[j + 1]) {
                    bestScore[j + 1] = leaning;
                    pivots[j + 1] = row;
                }
            }
        }
        double[] signs = new double[d];
        for (int j = 0; j < d; j++) {
            signs[j] = maximize[j] ? 1.0 : -1.0;
        }
        double[][] pivotValues = new double[pivotCount][d];
        for (int p = 0; p < pivotCount; p++) {
            for (int j = 0; j < d; j++) {
                pivotValues[p][j] = signs[j] * columns[j][pivots[p]];
            }
        }
        int kept = 0;
        for (int r = 0; r < m; r++) {
            int row = rows[r];
            boolean dominated = false;
            for (int p = 0; p < pivotCount && !dominated; p++) {
                boolean allAtLeast = true;
                boolean oneBetter = false;
                for (int j = 0; j < d; j++) {
                    double v = signs[j] * columns[j][row];
                    allAtLeast &= pivotValues[p][j] >= v;
                    oneBetter |= pivotValues[p][j] > v;
                }
                dominated = allAtLeast && oneBetter;
            }
            if (!dominated) {
                rows[kept++] = row;
            }
        }
        return kept;
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
     * 3 objectives: sort on (a, b); sweep runs of equal (a, b) from the largest; the Fenwick tree
     * holds, per b-rank counted from the largest b, the largest c of the rows already swept. The
     * rows travel through both sorts as parallel arrays, so no phase reads memory at random.
     */
    private static int sweep3(long[][] keys, int[] rows, int m, boolean[] onFront) {
        long[] a = keys[0];
        long[] b = keys[1];
        long[] c = keys[2];
        int[] row = java.util.Arrays.copyOf(rows, m);
        int[] rank = new int[m];
        RadixSorter sorter = new RadixSorter(m);
        sorter.sort(b, a, c, row, null);
        // dense ranks of b, 1 for the largest b (1-based Fenwick index)
        int ranks = 0;
        for (int r = m - 1; r >= 0; r--) {
            if (r == m - 1 || b[r] != b[r + 1]) {
                ranks++;
            }
            rank[r] = ranks;
        }
        sorter.sort(a, b, c, row, rank);
        long[] tree = new long[ranks + 1];
        java.util.Arrays.fill(tree, Long.MIN_VALUE); // never a key (NaN is excluded): "no row yet"
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
            int position = rank[start];
            boolean dominated = false;
            for (int i = position; i > 0 && !dominated; i -= i & -i) {
                dominated = tree[i] >= runMaxC;
            }
            if (!dominated) {
                for (int r = start; r < end; r++) {
                    if (c[r] == runMaxC) {
                        onFront[row[r]] = true;
                        count++;
                    }
                }
                for (int i = position; i <= ranks; i += i & -i) {
                    if (tree[i] < runMaxC) {
                        tree[i] = runMaxC;
                    }
                }
            }
            end = start;
        }
        return count;
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

    private static boolean hasNaN(double[][] columns, int row) {
        for (double[] column : columns) {
            if (Double.isNaN(column[row])) {
                return true;
            }
        }
        return false;
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
