package io.configspec.model.pareto;

/**
 * The balanced ("knee") point of a Pareto front.
 *
 * <p>Rule: each objective is rescaled over the front's own rows to [0, 1], 0 for the front's worst
 * value and 1 for its best (so every objective reads "larger is better"); the knee is the front row
 * with the smallest Euclidean distance to the ideal point (1, …, 1). An objective whose values are
 * all equal on the front is 1 for every row and so does not influence the choice. Ties go to the
 * lowest row index. This is the "closest to ideal" compromise of multi-criteria decision making
 * (the L2 variant of compromise programming: M. Zeleny, <i>Multiple Criteria Decision Making</i>,
 * McGraw-Hill, 1982); it is scale-free, so goodput in tokens/s and efficiency in tokens/J weigh
 * equally.
 */
public final class KneePoint {

    private KneePoint() {}

    /**
     * Selects the knee among the given front rows.
     *
     * @param columns 2 or 3 objective columns of equal length
     * @param maximize for each column, {@code true} if larger is better
     * @param front candidate rows, normally {@link ParetoFront#nonDominated}'s result; rows with NaN
     *        in any objective are skipped
     * @return the chosen row index, or -1 if {@code front} has no row without NaN
     */
    public static int select(double[][] columns, boolean[] maximize, int[] front) {
        ParetoFront.checkShape(columns, maximize, null);
        int d = columns.length;
        double[][] bounds = ParetoFront.bounds(columns, front);
        double[] lo = bounds[0];
        double[] hi = bounds[1];
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int row : front) {
            double distance = 0;
            for (int j = 0; j < d; j++) {
                double v = columns[j][row];
                if (Double.isNaN(v)) {
                    distance = Double.NaN;
                    break;
                }
                double range = hi[j] - lo[j];
                double score = range > 0 ? (maximize[j] ? v - lo[j] : hi[j] - v) / range : 1.0;
                distance += (1.0 - score) * (1.0 - score);
            }
            if (Double.isNaN(distance)) {
                continue;
            }
            if (distance < bestDistance || (distance == bestDistance && row < best)) {
                best = row;
                bestDistance = distance;
            }
        }
        return best;
    }
}
