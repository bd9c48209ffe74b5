package io.configspec.model.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moeaframework.core.Solution;
import org.moeaframework.core.population.NondominatedPopulation;
import org.moeaframework.core.population.Population;
import org.uma.jmetal.solution.pointsolution.PointSolution;
import org.uma.jmetal.util.archive.impl.NonDominatedSolutionListArchive;
import org.uma.jmetal.util.ranking.impl.ExperimentalFastNonDominanceRanking;
import org.uma.jmetal.util.ranking.impl.MergeNonDominatedSortRanking;

/**
 * The peers of {@link ParetoFront} in the Pareto benchmark, each given the points in its own
 * representation (built once, outside the timed call) and each returning the front as ascending
 * row indices, so that the benchmark can check that every peer finds the same front. All
 * objectives of the benchmark sets are maximised; jMetal and the MOEA Framework minimise, so they
 * get the negated values (which changes no comparison). Duplicates do not occur in these sets.
 */
final class ParetoPeers {

    private static final String ROW = "row";

    private ParetoPeers() {}

    /** Row-major points, negated (minimisation), for jMetal's merge non-dominated sort. */
    static double[][] negatedRows(double[][] columns) {
        int n = columns[0].length;
        double[][] rows = new double[n][columns.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < columns.length; j++) {
                rows[i][j] = -columns[j][i];
            }
        }
        return rows;
    }

    static List<PointSolution> jmetalSolutions(double[][] columns) {
        double[][] rows = negatedRows(columns);
        List<PointSolution> solutions = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            PointSolution solution = new PointSolution(rows[i]);
            solution.attributes().put(ROW, i);
            solutions.add(solution);
        }
        return solutions;
    }

    static Solution[] moeaSolutions(double[][] columns) {
        double[][] rows = negatedRows(columns);
        Solution[] solutions = new Solution[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Solution solution = new Solution(0, columns.length);
            solution.setObjectiveValues(rows[i]);
            solution.setAttribute(ROW, i);
            solutions[i] = solution;
        }
        return solutions;
    }

    /** jMetal 6: {@code ExperimentalFastNonDominanceRanking}, first sub-front. */
    static int[] jmetalExperimentalRanking(List<PointSolution> solutions) {
        var ranking = new ExperimentalFastNonDominanceRanking<PointSolution>();
        ranking.compute(solutions);
        return jmetalRows(ranking.getSubFront(0));
    }

    /** jMetal 6: {@code MergeNonDominatedSortRanking} (Moreno et al.'s merge sort), first sub-front. */
    static int[] jmetalMergeSortRanking(List<PointSolution> solutions) {
        var ranking = new MergeNonDominatedSortRanking<PointSolution>();
        ranking.compute(solutions);
        return jmetalRows(ranking.getSubFront(0));
    }

    /**
     * jMetal 6: {@code NonDominatedSolutionListArchive}, every point added.
     *
     * @throws OverBudgetException past the deadline ({@link System#nanoTime()})
     */
    static int[] jmetalArchive(List<PointSolution> solutions, long deadline) {
        var archive = new NonDominatedSolutionListArchive<PointSolution>();
        for (int i = 0; i < solutions.size(); i++) {
            archive.add(solutions.get(i));
            checkDeadline(i, solutions.size(), deadline);
        }
        return jmetalRows(archive.solutions());
    }

    /**
     * MOEA Framework 5: {@code NondominatedPopulation} (duplicates allowed), every point added.
     *
     * @throws OverBudgetException past the deadline ({@link System#nanoTime()})
     */
    static int[] moeaArchive(Solution[] solutions, long deadline) {
        var population = new NondominatedPopulation(NondominatedPopulation.DuplicateMode.ALLOW_DUPLICATES);
        for (int i = 0; i < solutions.length; i++) {
            population.add(solutions[i]);
            checkDeadline(i, solutions.length, deadline);
        }
        return moeaRows(population);
    }

    private static void checkDeadline(int i, int n, long deadline) {
        if ((i & 1023) == 1023 && System.nanoTime() > deadline) {
            throw new OverBudgetException("over the time budget after " + (i + 1) + " of " + n + " points");
        }
    }

    /** An archive that ran past its time budget (its time is then recorded as a lower bound). */
    static final class OverBudgetException extends RuntimeException {

        OverBudgetException(String message) {
            super(message);
        }
    }

    private static int[] jmetalRows(List<PointSolution> front) {
        return front
            .stream()
            .mapToInt(s -> (Integer) s.attributes().get(ROW))
            .sorted()
            .toArray();
    }

    private static int[] moeaRows(Population front) {
        int[] rows = new int[front.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (Integer) front.get(i).getAttribute(ROW);
        }
        Arrays.sort(rows);
        return rows;
    }
}
