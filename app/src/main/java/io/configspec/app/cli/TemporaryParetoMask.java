package io.configspec.app.cli;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;

/**
 * TEMPORARY: brute-force O(n²) goodput/cost/energy front for {@code sweep}'s {@code pareto}
 * field, until the pareto engineer's {@code ParetoFront} is merged into main; then replaced by
 * {@code ParetoFront.nonDominated(columns, maximize, include)}.
 */
final class TemporaryParetoMask {

    private TemporaryParetoMask() {}

    static boolean[] goodputCostEnergy(EvaluatedSpace space) {
        double[][] columns = {
            space.column(Objective.GOODPUT),
            space.column(Objective.TOKENS_PER_DOLLAR),
            space.column(Objective.TOKENS_PER_JOULE),
        };
        int n = space.size();
        boolean[] front = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (
                !space.feasible(i) ||
                Double.isNaN(columns[0][i]) ||
                Double.isNaN(columns[1][i]) ||
                Double.isNaN(columns[2][i])
            ) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < n && !dominated; j++) {
                if (j == i || !space.feasible(j)) {
                    continue;
                }
                boolean noWorse = true;
                boolean better = false;
                for (double[] column : columns) {
                    noWorse &= column[j] >= column[i];
                    better |= column[j] > column[i];
                }
                dominated = noWorse && better;
            }
            front[i] = !dominated;
        }
        return front;
    }
}
