package io.configspec.model.pareto;

import java.util.Arrays;
import java.util.Comparator;
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
 * <p>Complexity O(n log n): rows are sorted lexicographically (descending) on the objectives, so a
 * row can only be dominated by a row that precedes it; a sweep then keeps the 2D maxima of the
 * rows seen so far ("staircase") and asks whether one of them weakly dominates the current row.
 * This is the maxima algorithm of H. T. Kung, F. Luccio and F. P. Preparata, "On finding the maxima
 * of a set of vectors", J. ACM 22(4):469–476, 1975 (the 2D and 3D cases).
 *
 * <p>Stateless and thread-safe. Input arrays are never modified.
 */
public final class ParetoFront {

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
        double[][] keys = new double[d][];
        for (int j = 0; j < d; j++) {
            double[] key = new double[n];
            double[] column = columns[j];
            for (int i = 0; i < n; i++) {
                // + 0.0 turns -0.0 into 0.0 so that Double.compare treats them as equal
                key[i] = (maximize[j] ? column[i] : -column[i]) + 0.0;
            }
            keys[j] = key;
        }
        Integer[] order = new Integer[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if ((include == null || include[i]) && !hasNaN(keys, i)) {
                order[m++] = i;
            }
        }
        order = Arrays.copyOf(order, m);
        Comparator<Integer> descending = (x, y) -> {
            for (double[] key : keys) {
                int c = Double.compare(key[y], key[x]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Arrays.sort(order, descending);
        boolean[] onFront = new boolean[n];
        double[] b = keys[1];
        TreeMap<Double, Double> staircase = new TreeMap<>();
        double bestB = Double.NEGATIVE_INFINITY;
        boolean any = false;
        int start = 0;
        while (start < m) {
            int end = start + 1;
            while (end < m && descending.compare(order[start], order[end]) == 0) {
                end++;
            }
            int row = order[start];
            boolean dominated;
            if (d == 2) {
                dominated = any && bestB >= b[row];
                if (!dominated) {
                    bestB = b[row];
                    any = true;
                }
            } else {
                double pb = keys[1][row];
                double pc = keys[2][row];
                Map.Entry<Double, Double> ceiling = staircase.ceilingEntry(pb);
                dominated = ceiling != null && ceiling.getValue() >= pc;
                if (!dominated) {
                    Map.Entry<Double, Double> lower = staircase.floorEntry(pb);
                    while (lower != null && lower.getValue() <= pc) {
                        staircase.remove(lower.getKey());
                        lower = staircase.lowerEntry(lower.getKey());
                    }
                    staircase.put(pb, pc);
                }
            }
            if (!dominated) {
                for (int r = start; r < end; r++) {
                    onFront[order[r]] = true;
                }
            }
            start = end;
        }
        int count = 0;
        for (boolean f : onFront) {
            count += f ? 1 : 0;
        }
        int[] result = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
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

    private static boolean hasNaN(double[][] keys, int row) {
        for (double[] key : keys) {
            if (Double.isNaN(key[row])) {
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
