package io.configspec.app.cli;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.pareto.ParetoFront;
import java.util.List;

/** Which rows of an evaluated space are on the Pareto front of some objectives, among the feasible rows. */
public final class FrontMask {

    /** The objectives of {@code sweep}'s {@code pareto} field. */
    public static final List<Objective> GOODPUT_COST_ENERGY = List.of(
        Objective.GOODPUT,
        Objective.TOKENS_PER_DOLLAR,
        Objective.TOKENS_PER_JOULE
    );

    private FrontMask() {}

    /**
     * Per row, whether it is feasible and non-dominated over {@code objectives} (2 or 3).
     *
     * @see ParetoFront#nonDominated(double[][], boolean[], boolean[])
     */
    public static boolean[] of(EvaluatedSpace space, List<Objective> objectives) {
        double[][] columns = new double[objectives.size()][];
        boolean[] maximize = new boolean[objectives.size()];
        for (int j = 0; j < objectives.size(); j++) {
            columns[j] = space.column(objectives.get(j));
            maximize[j] = objectives.get(j).maximize();
        }
        boolean[] mask = new boolean[space.size()];
        for (int row : ParetoFront.nonDominated(columns, maximize, space.feasibleMask())) {
            mask[row] = true;
        }
        return mask;
    }
}
