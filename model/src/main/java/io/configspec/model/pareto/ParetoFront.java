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

    /** 2 objectives: sort on a; a run of equal a survives at its largest b if b beats every earlier b. */
    private static int sweep2(long[][] keys, int[] rows, int m, boolean[] onFront) {
        long[] a = keys[0];
        long[] b = keys[1];
        int[] order = identity(m);
        radixSort(order, a, m);
        int count = 0;
        long bestB = Long.MIN_VALUE;
        boolean any = false;
        int end = m; // order is ascending; walk runs of equal a from the end (largest a first)
        while (end > 0) {
            long runA = a[order[end - 1]];
            int start = end - 1;
            long runMaxB = b[order[start]];
            while (start > 0 && a[order[start - 1]] == runA) {
                start--;
                runMaxB = Math.max(runMaxB, b[order[start]]);
            }
            if (!any || runMaxB > bestB) {
                for (int r = start; r < end; r++) {
                    if (b[order[r]] == runMaxB) {
                        onFront[rows[order[r]]] = true;
                        count++;
                    }
                }
                bestB = runMaxB;
                any = true;
            }
            end = start;
        }
        return count;
    }

    /**
     * 3 objectives: sort on (a, b); sweep runs of equal (a, b) from the largest; the Fenwick tree
     * holds, per b-rank counted from the largest b, the largest c of the rows already swept.
     */
    private static int sweep3(long[][] keys, int[] rows, int m, boolean[] onFront) {
        long[] a = keys[0];
        long[] b = keys[1];
        long[] c = keys[2];
        int[] order = identity(m);
        radixSort(order, b, m);
        // dense ranks of b, 0 for the largest b
        int[] rankFromTop = new int[m];
        int ranks = 0;
        for (int r = m - 1; r >= 0; r--) {
            if (r < m - 1 && b[order[r]] != b[order[r + 1]]) {
                ranks++;
            }
            rankFromTop[order[r]] = ranks;
        }
        ranks = m == 0 ? 0 : ranks + 1;
        radixSort(order, a, m);
        long[] tree = new long[ranks + 1];
        java.util.Arrays.fill(tree, Long.MIN_VALUE);
        int count = 0;
        int end = m;
        while (end > 0) {
            int top = order[end - 1];
            long runA = a[top];
            long runB = b[top];
            int start = end - 1;
            long runMaxC = c[top];
            while (start > 0 && a[order[start - 1]] == runA && b[order[start - 1]] == runB) {
                start--;
                runMaxC = Math.max(runMaxC, c[order[start]]);
            }
            int position = rankFromTop[top] + 1; // 1-based Fenwick index
            long seenMaxC = Long.MIN_VALUE;
            for (int i = position; i > 0; i -= i & -i) {
                seenMaxC = Math.max(seenMaxC, tree[i]);
            }
            // Long.MIN_VALUE is never a key (NaN is excluded), so it marks "no row yet".
            if (seenMaxC == Long.MIN_VALUE || seenMaxC < runMaxC) {
                for (int r = start; r < end; r++) {
                    if (c[order[r]] == runMaxC) {
                        onFront[rows[order[r]]] = true;
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
     * Stable LSD radix sort of {@code order[0..m)} by {@code key[order[i]]} (signed long order),
     * skipping digits that are the same for every key.
     */
    private static void radixSort(int[] order, long[] key, int m) {
        long[] current = new long[m];
        for (int i = 0; i < m; i++) {
            current[i] = key[order[i]] ^ Long.MIN_VALUE; // signed order -> unsigned order
        }
        long[] nextKey = new long[m];
        int[] nextOrder = new int[m];
        int[] counts = new int[BUCKETS];
        int[] src = order;
        long[] srcKey = current;
        for (int shift = 0; shift < 64; shift += DIGIT_BITS) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < m; i++) {
                counts[(int) (srcKey[i] >>> shift) & (BUCKETS - 1)]++;
            }
            if (m == 0 || counts[(int) (srcKey[0] >>> shift) & (BUCKETS - 1)] == m) {
                continue; // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                int c = counts[bucket];
                counts[bucket] = sum;
                sum += c;
            }
            for (int i = 0; i < m; i++) {
                long k = srcKey[i];
                int slot = counts[(int) (k >>> shift) & (BUCKETS - 1)]++;
                nextKey[slot] = k;
                nextOrder[slot] = src[i];
            }
            long[] swapKey = srcKey;
            srcKey = nextKey;
            nextKey = swapKey;
            int[] swapOrder = src;
            src = nextOrder;
            nextOrder = swapOrder;
        }
        if (src != order) {
            System.arraycopy(src, 0, order, 0, m);
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

    private static int[] identity(int m) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        return order;
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
