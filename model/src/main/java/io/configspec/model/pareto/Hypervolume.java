package io.configspec.model.pareto;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hypervolume indicator of a set of points in 2 or 3 objectives: the measure of the region that
 * the points dominate and that dominates the reference point (E. Zitzler and L. Thiele,
 * "Multiobjective optimization using evolutionary algorithms — a comparative case study", PPSN V,
 * 1998). Larger is better; the hypervolume of a set equals that of its non-dominated subset.
 *
 * <p>Objectives are read in "maximise" terms as in {@link ParetoFront}. A point contributes only
 * where it is strictly better than the reference in every objective; NaN points contribute nothing.
 * Units are the product of the objectives' units (e.g. tokens/s × tokens/$ × tokens/J).
 *
 * <p>Algorithm: 2D by sorting and summing rectangles; 3D by a sweep along the first objective that
 * keeps the 2D front of the other two in a balanced tree and updates the dominated area
 * incrementally, O(n log n) (N. Beume, C. M. Fonseca, M. López-Ibáñez, L. Paquete and J. Vahrenhold,
 * "On the complexity of computing the hypervolume indicator", IEEE Trans. Evol. Comput. 13(5), 2009).
 */
public final class Hypervolume {

    private Hypervolume() {}

    /**
     * Hypervolume of all rows against a reference point.
     *
     * @param columns 2 or 3 objective columns of equal length
     * @param maximize for each column, {@code true} if larger is better
     * @param reference one value per column, in the columns' own units (for a maximised objective a
     *        value below every point, for a minimised one a value above)
     * @return the hypervolume, ≥ 0
     */
    public static double of(double[][] columns, boolean[] maximize, double[] reference) {
        return of(columns, maximize, reference, null);
    }

    /**
     * Hypervolume of the given rows against a reference point.
     *
     * @param rows the rows to use (e.g. a front from {@link ParetoFront}); {@code null} for all
     */
    public static double of(double[][] columns, boolean[] maximize, double[] reference, int[] rows) {
        ParetoFront.checkShape(columns, maximize, null);
        int d = columns.length;
        if (reference == null || reference.length != d) {
            throw new IllegalArgumentException("reference: expected one value per column (" + d + ")");
        }
        int n = columns[0].length;
        int[] selected = rows == null ? identity(n) : rows;
        double[][] points = new double[selected.length][];
        int m = 0;
        for (int row : selected) {
            double[] p = new double[d];
            boolean inside = true;
            for (int j = 0; j < d; j++) {
                double sign = maximize[j] ? 1.0 : -1.0;
                p[j] = sign * columns[j][row] - sign * reference[j];
                inside &= p[j] > 0; // false for NaN too
            }
            if (inside) {
                points[m++] = p;
            }
        }
        points = Arrays.copyOf(points, m);
        return d == 2 ? area(points) : volume(points);
    }

    /**
     * Normalised hypervolume for reporting, in [0, 1]: each objective is rescaled to [0, 1] over the
     * given rows (0 = the worst value among them, 1 = the best), the reference point is the worst
     * corner (0, …, 0), and the result is the fraction of the unit box that the rows dominate. An
     * objective whose values are all equal counts as 1 for every row (it does not shrink the
     * volume). NaN values are ignored for the bounds; rows with NaN contribute nothing.
     *
     * @param rows the rows that define both the bounds and the set (e.g. all feasible rows; the
     *        front is found internally); {@code null} for all
     * @return a value in [0, 1]; 0 if there are no rows
     */
    public static double normalized(double[][] columns, boolean[] maximize, int[] rows) {
        ParetoFront.checkShape(columns, maximize, null);
        int[] selected = rows == null ? identity(columns[0].length) : rows;
        double[][] bounds = ParetoFront.bounds(columns, selected);
        return normalized(columns, maximize, selected, bounds[0], bounds[1]);
    }

    /**
     * {@link #normalized(double[][], boolean[], int[])} with the bounds given: for a set too large
     * to hold, pass its front as {@code rows} (dominated rows add no volume) and the smallest and
     * largest non-NaN value of each objective over the whole set, found while it streamed past.
     *
     * @param lo per column, the smallest value of the set (+∞ when it has none)
     * @param hi per column, the largest value of the set (−∞ when it has none)
     */
    public static double normalized(
        double[][] columns,
        boolean[] maximize,
        int[] rows,
        double[] lo,
        double[] hi
    ) {
        ParetoFront.checkShape(columns, maximize, null);
        int d = columns.length;
        int[] selected = rows == null ? identity(columns[0].length) : rows;
        double[][] scaled = new double[d][selected.length];
        for (int j = 0; j < d; j++) {
            double range = hi[j] - lo[j];
            boolean rescale = range > 0 && Double.isFinite(range);
            for (int i = 0; i < selected.length; i++) {
                double v = columns[j][selected[i]];
                if (Double.isNaN(v)) {
                    scaled[j][i] = v;
                } else if (rescale) {
                    scaled[j][i] = (maximize[j] ? v - lo[j] : hi[j] - v) / range;
                } else {
                    scaled[j][i] = 1.0;
                }
            }
        }
        boolean[] allMax = new boolean[d];
        Arrays.fill(allMax, true);
        return of(scaled, allMax, new double[d]);
    }

    /** Area dominated by points already shifted so that the reference is the origin (all > 0). */
    private static double area(double[][] points) {
        Arrays.sort(points, (p, q) -> Double.compare(q[0], p[0]));
        double total = 0;
        double height = 0;
        for (int i = 0; i < points.length; i++) {
            height = Math.max(height, points[i][1]);
            double next = i + 1 < points.length ? points[i + 1][0] : 0.0;
            total += (points[i][0] - next) * height;
        }
        return total;
    }

    /** Volume dominated by points already shifted so that the reference is the origin. */
    private static double volume(double[][] points) {
        Arrays.sort(points, (p, q) -> Double.compare(q[0], p[0]));
        Staircase staircase = new Staircase();
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            staircase.add(points[i][1], points[i][2]);
            double next = i + 1 < points.length ? points[i + 1][0] : 0.0;
            total += (points[i][0] - next) * staircase.area;
        }
        return total;
    }

    /**
     * The 2D front of the points added so far (b ascending, c descending) and the area it
     * dominates above the origin, maintained incrementally.
     */
    private static final class Staircase {

        private final TreeMap<Double, Double> steps = new TreeMap<>();
        double area;

        void add(double b, double c) {
            Map.Entry<Double, Double> ceiling = steps.ceilingEntry(b);
            double height = ceiling == null ? 0.0 : ceiling.getValue();
            if (height >= c) {
                return; // weakly dominated: adds nothing
            }
            double right = b;
            Map.Entry<Double, Double> lower = steps.lowerEntry(b);
            while (true) {
                double left = lower == null ? 0.0 : lower.getKey();
                area += (right - left) * (c - height);
                if (lower == null || lower.getValue() > c) {
                    break;
                }
                steps.remove(lower.getKey());
                right = left;
                height = lower.getValue();
                lower = steps.lowerEntry(right);
            }
            steps.put(b, c);
        }
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
