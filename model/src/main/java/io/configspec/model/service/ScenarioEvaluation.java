package io.configspec.model.service;

import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.Configuration;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.FrontAccumulator;
import io.configspec.model.pareto.Hypervolume;
import io.configspec.model.pareto.ParetoFront;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.pareto.Recommendations;
import io.configspec.model.workload.RoutedComparison;
import io.configspec.model.workload.RoutedDrafting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A scenario evaluated under one what-if: every configuration's row, the goodput/cost/energy front,
 * the recommendations with their reasons, and on request fronts over other objectives. This is
 * what {@code sweep}, {@code pareto}, {@code recommend} and {@code export} print and what the
 * explorer draws; each face computes nothing of its own.
 *
 * <p>The front over {@link Objective#GOODPUT_COST_ENERGY} and the recommendations are computed once,
 * when the evaluation is made; other fronts once per set of objectives, when first asked for.
 * Immutable apart from that cache; safe to read from any thread once made (but see {@link
 * #evaluate(ScenarioLoader.LoadedScenario, WhatIf, ConfigurationFilter, ScenarioEvaluation)} on
 * reusing the arrays of an earlier evaluation).
 */
public final class ScenarioEvaluation {

    /** Rows per block when a streamed evaluation passes over its space (about 7 MB of rows). */
    public static final int BLOCK_ROWS = 1 << 16;

    private final ScenarioLoader.LoadedScenario loaded;
    private final ConfigurationFilter filter;
    private final WhatIf whatIf;
    private final EvaluatedSpace rows;
    private final int[] paperFront;
    private final boolean[] onPaperFront;
    private final List<Recommendation> recommendations;
    private final Map<List<Objective>, int[]> fronts = new ConcurrentHashMap<>();
    private volatile List<RoutedComparison> routed;
    /** What a streamed pass found over the whole space; null when {@link #rows} is the whole space. */
    private final Scan scan;

    /**
     * The whole-space figures of a streamed evaluation.
     *
     * @param configurations rows in the space
     * @param feasible rows meeting the constraints
     * @param paperFront the goodput/cost/energy front as space rows, ascending
     * @param lowest per objective (ordinal), the smallest feasible value (+∞ when none)
     * @param highest per objective, the largest feasible value (−∞ when none)
     * @param blockRows rows per block when the space is streamed again
     */
    private record Scan(
        long configurations,
        long feasible,
        long[] paperFront,
        double[] lowest,
        double[] highest,
        int blockRows
    ) {}

    private ScenarioEvaluation(
        ScenarioLoader.LoadedScenario loaded,
        ConfigurationFilter filter,
        WhatIf whatIf,
        EvaluatedSpace rows,
        int[] paperFront,
        List<Recommendation> recommendations,
        Scan scan
    ) {
        this.loaded = loaded;
        this.filter = filter;
        this.whatIf = whatIf;
        this.rows = rows;
        this.paperFront = paperFront;
        this.onPaperFront = new boolean[rows.size()];
        for (int row : paperFront) {
            onPaperFront[row] = true;
        }
        fronts.put(Objective.GOODPUT_COST_ENERGY, paperFront);
        this.recommendations = recommendations;
        this.scan = scan;
    }

    private static ScenarioEvaluation whole(
        ScenarioLoader.LoadedScenario loaded,
        ConfigurationFilter filter,
        WhatIf whatIf,
        EvaluatedSpace rows
    ) {
        int[] paperFront = computeFront(rows, Objective.GOODPUT_COST_ENERGY);
        return new ScenarioEvaluation(
            loaded,
            filter,
            whatIf,
            rows,
            paperFront,
            Recommendations.of(rows, paperFront),
            null
        );
    }

    /** Evaluates every configuration of {@code loaded} under {@code whatIf}. */
    public static ScenarioEvaluation evaluate(ScenarioLoader.LoadedScenario loaded, WhatIf whatIf) {
        return evaluate(loaded, whatIf, ConfigurationFilter.ALL, null);
    }

    /**
     * Evaluates the configurations of {@code loaded} that {@code filter} keeps under {@code whatIf}
     * (which replaces the scenario's saved what-if; start from {@code loaded.scenario().whatIf()}
     * to keep it).
     *
     * @param reuse an earlier evaluation of the same loaded scenario and filter whose arrays may be
     *     overwritten because nobody reads them any more (slider drags), or null
     * @throws InvalidFieldException naming the what-if key or filter option at fault
     */
    public static ScenarioEvaluation evaluate(
        ScenarioLoader.LoadedScenario loaded,
        WhatIf whatIf,
        ConfigurationFilter filter,
        ScenarioEvaluation reuse
    ) {
        ConfigurationSpace space = space(loaded, filter, reuse);
        EvaluatedSpace rows = reuse != null && reuse.scan == null && reuse.rows.space() == space
            ? space.evaluateInto(whatIf, reuse.rows)
            : space.evaluate(whatIf);
        return whole(loaded, filter, whatIf, rows);
    }

    /** The (filtered) space of {@code loaded}, {@code reuse}'s when it has the same filter. */
    private static ConfigurationSpace space(
        ScenarioLoader.LoadedScenario loaded,
        ConfigurationFilter filter,
        ScenarioEvaluation reuse
    ) {
        ConfigurationSpace space = loaded.space();
        if (!filter.keepsAll()) {
            if (reuse != null && reuse.loaded == loaded && reuse.filter.equals(filter)) {
                space = reuse.rows.space();
            } else {
                Scenario narrowed = filter.applyTo(space);
                try {
                    space = ConfigurationSpace.of(loaded.library(), narrowed);
                } catch (InvalidFieldException e) {
                    throw new InvalidFieldException(
                        filter.options(),
                        "together keep no configuration of this scenario (" + e.problem() + ")"
                    );
                }
            }
        }
        return space;
    }

    /**
     * Like {@link #evaluate(ScenarioLoader.LoadedScenario, WhatIf, ConfigurationFilter,
     * ScenarioEvaluation)}, but streamed: the space is evaluated block by block ({@link #BLOCK_ROWS}
     * rows at a time, never all at once), its fronts found on the way ({@link FrontAccumulator}), and
     * only the rows the answers need are kept: the goodput/cost/energy front, the fronts over
     * {@code fronts}, and the best and runner-up rows of the recommendations. Memory therefore
     * follows the fronts, not the space: how {@code sweep}, {@code pareto} and {@code recommend}
     * handle spaces of any size.
     *
     * <p>The result answers like a whole-space evaluation for {@link #paperFront()}, {@link
     * #front(List)} over the lists given, {@link #recommendations()}, {@link
     * #normalisedHypervolume(List)}, {@link #configurationCount()} and {@link #feasibleCount()} (same
     * rows, same values); its {@link #rows()} hold only the rows kept, and {@link
     * ConfigurationRowWriter#writeAllRows} streams the space again to write every row.
     *
     * @param fronts lists of 1 to 3 objectives whose fronts {@link #front(List)} must answer
     * @throws InvalidFieldException naming the what-if key or filter option at fault
     */
    public static ScenarioEvaluation scan(
        ScenarioLoader.LoadedScenario loaded,
        WhatIf whatIf,
        ConfigurationFilter filter,
        List<List<Objective>> fronts
    ) {
        return scan(loaded, whatIf, filter, fronts, BLOCK_ROWS);
    }

    static ScenarioEvaluation scan(
        ScenarioLoader.LoadedScenario loaded,
        WhatIf whatIf,
        ConfigurationFilter filter,
        List<List<Objective>> fronts,
        int blockRows
    ) {
        ConfigurationSpace space = space(loaded, filter, null);
        long total = space.sizeOf(whatIf).configurations();
        List<List<Objective>> lists = new ArrayList<>();
        lists.add(Objective.GOODPUT_COST_ENERGY);
        for (List<Objective> objectives : fronts) {
            checkFrontObjectives(objectives);
            if (!lists.contains(objectives)) {
                lists.add(List.copyOf(objectives));
            }
        }
        StreamedStatistics statistics = new StreamedStatistics(lists);
        SettledTails tails = SettledTails.of(space, whatIf);
        statistics.feasible += tails.skippedFeasible();
        EvaluatedSpace block = null;
        for (long[] run : tails.runs()) {
            for (long first = run[0]; first < run[1]; first += blockRows) {
                int count = (int) Math.min(blockRows, run[1] - first);
                block = space.evaluateRows(whatIf, first, count, block);
                statistics.accept(block);
            }
        }
        Map<List<Objective>, long[]> found = statistics.finish();
        long[] kept = statistics.keptRows(found);
        EvaluatedSpace rows = space.evaluateRows(whatIf, kept);
        int[] paperFront = local(kept, found.get(Objective.GOODPUT_COST_ENERGY));
        Scan scan = new Scan(
            total,
            statistics.feasible,
            found.get(Objective.GOODPUT_COST_ENERGY),
            statistics.lowest,
            statistics.highest,
            blockRows
        );
        ScenarioEvaluation evaluation = new ScenarioEvaluation(
            loaded,
            filter,
            whatIf,
            rows,
            paperFront,
            Recommendations.of(rows, paperFront),
            scan
        );
        for (List<Objective> objectives : lists) {
            evaluation.fronts.put(objectives, local(kept, found.get(objectives)));
        }
        return evaluation;
    }

    /**
     * The rows a streamed pass must evaluate, as ascending runs {@code {first, end}} (end
     * exclusive), and the feasible rows it may skip. Past a combination's settled K ({@link
     * ConfigurationSpace#settledK}) every objective only stays or gets worse as K grows, so each
     * constraint holds on a first or a last stretch of that tail and its feasible rows are one
     * stretch [a, b] (found by bisection, a row evaluated per probe). Of that stretch only a, the
     * rows tied with a on some objective plus one (the runner-up's first row) and b (the worst
     * values, for the bounds) can answer anything: each later row is strictly worse than a on
     * every objective, so a feasible row dominates it, and it is neither a best, a winner, a
     * runner-up nor a bound. The pass therefore gives the same fronts, recommendations, counts and
     * bounds, bit for bit, as one that evaluates every row ({@code SettledTailTest}).
     *
     * @param runs row ranges to evaluate, ascending and disjoint
     * @param skippedFeasible feasible rows left out of the runs
     */
    private record SettledTails(List<long[]> runs, long skippedFeasible) {
        /** Tails shorter than this are evaluated: probing them would cost about as much. */
        private static final int SHORTEST_SKIPPED = 64;

        static SettledTails of(ConfigurationSpace space, WhatIf whatIf) {
            io.configspec.model.analysis.SpaceSize size = space.sizeOf(whatIf);
            int kMin = size.kMin();
            int kMax = size.kMax();
            long kCount = (long) kMax - kMin + 1;
            List<long[]> runs = new ArrayList<>();
            long skipped = 0;
            long cursor = 0;
            Probe probe = new Probe(space, whatIf);
            for (int c = 0; c < size.combinations(); c++) {
                int settled = space.settledK(whatIf, c);
                if (settled < 0 || (long) kMax - settled < SHORTEST_SKIPPED) {
                    continue;
                }
                long rowOfKMin = c * kCount;
                probe.combination(rowOfKMin - kMin);
                addRun(runs, cursor, probe.row(settled) + 1);
                cursor = probe.row(kMax) + 1;
                int tail = settled + 1;
                // good-direction constraints hold on a first stretch, the others on a last one
                long lastImproving = probe.lastTrue(tail, kMax, probe::meetsImproving);
                if (lastImproving < tail) {
                    continue;
                }
                int b = (int) lastImproving;
                long firstWorsening = probe.lastTrue(tail, b, k -> !probe.meetsWorsening(k)) + 1;
                if (firstWorsening > b) {
                    continue;
                }
                int a = (int) firstWorsening;
                double[] atA = probe.values(a);
                int end = a;
                for (Objective objective : Objective.values()) {
                    double value = atA[objective.ordinal()];
                    long tied = probe.lastTrue(a, b, k -> probe.value(objective, k) == value);
                    end = (int) Math.max(end, Math.min(b, tied + 1));
                }
                addRun(runs, probe.row(a), probe.row(end) + 1);
                if (b > end) {
                    addRun(runs, probe.row(b), probe.row(b) + 1);
                }
                skipped += (long) b - a + 1 - ((long) end - a + 1) - (b > end ? 1 : 0);
            }
            addRun(runs, cursor, size.configurations());
            return new SettledTails(runs, skipped);
        }

        private static void addRun(List<long[]> runs, long first, long end) {
            if (end <= first) {
                return;
            }
            if (!runs.isEmpty() && runs.getLast()[1] == first) {
                runs.getLast()[1] = end;
            } else {
                runs.add(new long[] { first, end });
            }
        }

        /** One row of one combination evaluated at a time, as the whole-space pass evaluates it. */
        private static final class Probe {

            private final ConfigurationSpace space;
            private final WhatIf whatIf;
            private long rowOfKZero;
            private EvaluatedSpace evaluated;
            private int k = -1;

            Probe(ConfigurationSpace space, WhatIf whatIf) {
                this.space = space;
                this.whatIf = whatIf;
            }

            void combination(long rowOfKZero) {
                this.rowOfKZero = rowOfKZero;
                this.k = -1;
            }

            long row(int k) {
                return rowOfKZero + k;
            }

            private EvaluatedSpace at(int k) {
                if (this.k != k) {
                    evaluated = space.evaluateRows(whatIf, row(k), 1, evaluated);
                    this.k = k;
                }
                return evaluated;
            }

            double value(Objective objective, int k) {
                return at(k).value(objective, 0);
            }

            double[] values(int k) {
                double[] values = new double[Objective.values().length];
                for (Objective objective : Objective.values()) {
                    values[objective.ordinal()] = value(objective, k);
                }
                return values;
            }

            /** Whether row K meets every constraint that a worse value can break (≥ on a maximised objective, ≤ on a minimised one). */
            boolean meetsImproving(int k) {
                return meets(k, true);
            }

            /** Whether row K meets every constraint that a worse value can only come to meet. */
            boolean meetsWorsening(int k) {
                return meets(k, false);
            }

            private boolean meets(int k, boolean improving) {
                EvaluatedSpace evaluated = at(k);
                for (io.configspec.model.analysis.Constraint constraint : evaluated.constraints()) {
                    Objective objective = constraint.objective();
                    boolean atLeast =
                        constraint.bound() == io.configspec.model.analysis.Constraint.Bound.AT_LEAST;
                    if ((atLeast == objective.maximize()) == improving) {
                        double v = evaluated.value(objective, 0);
                        if (!(atLeast ? v >= constraint.threshold() : v <= constraint.threshold())) {
                            return false;
                        }
                    }
                }
                return true;
            }

            /** The last K in [from, to] where {@code holds} is true, for a predicate true on a first stretch; from − 1 if none. */
            long lastTrue(int from, int to, java.util.function.IntPredicate holds) {
                long lo = from - 1L; // holds up to lo
                long hi = to + 1L; // fails from hi
                while (hi - lo > 1) {
                    int mid = (int) ((lo + hi) >>> 1);
                    if (holds.test(mid)) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                return lo;
            }
        }
    }

    /** Positions in {@code kept} (ascending) of {@code rows} (ascending, all in {@code kept}). */
    private static int[] local(long[] kept, long[] rows) {
        int[] local = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            local[i] = Arrays.binarySearch(kept, rows[i]);
        }
        return local;
    }

    /**
     * What one streamed pass gathers: feasible count, bounds and best rows per objective, the
     * recommendations' winners and runners-up (their tie rules), and one {@link FrontAccumulator}
     * per list of objectives.
     */
    private static final class StreamedStatistics {

        private static final Objective[] OBJECTIVES = Objective.values();
        private static final Objective[] PAPER = Objective.GOODPUT_COST_ENERGY.toArray(Objective[]::new);
        /** Survivors buffered before a front accumulator compacts (about 2.6 MB per list). */
        private static final int COMPACT_ABOVE = 1 << 16;

        private final List<List<Objective>> lists;
        private final List<FrontAccumulator> accumulators = new ArrayList<>();
        long feasible;
        final double[] lowest = new double[OBJECTIVES.length];
        final double[] highest = new double[OBJECTIVES.length];
        /** Per objective, the first feasible row with its best value (ParetoFront.best's rule). */
        private final long[] best = new long[OBJECTIVES.length];
        private final double[] bestValue = new double[OBJECTIVES.length];
        /** Per paper objective: the winner with the other two breaking ties (Recommendations' rule). */
        private final long[] winner = new long[PAPER.length];
        private final double[][] winnerValues = new double[PAPER.length][PAPER.length];
        /** One row's values of the paper objectives, compared with each winner's. */
        private final double[] candidate = new double[PAPER.length];
        /** Per paper objective: its best value and the first row with it. */
        private final long[] firstAtTop = new long[PAPER.length];
        private final double[] top = new double[PAPER.length];
        /** Per paper objective: the first row of the best value below the best (the runner-up). */
        private final long[] runnerUp = new long[PAPER.length];
        private final double[] runnerUpValue = new double[PAPER.length];

        StreamedStatistics(List<List<Objective>> lists) {
            this.lists = lists;
            for (List<Objective> objectives : lists) {
                List<Objective> distinct = objectives.stream().distinct().toList();
                accumulators.add(
                    distinct.size() == 1 ? null : new FrontAccumulator(maximize(distinct), COMPACT_ABOVE)
                );
            }
            Arrays.fill(lowest, Double.POSITIVE_INFINITY);
            Arrays.fill(highest, Double.NEGATIVE_INFINITY);
            Arrays.fill(best, -1);
            Arrays.fill(winner, -1);
            Arrays.fill(runnerUp, -1);
            Arrays.fill(firstAtTop, -1);
        }

        void accept(EvaluatedSpace block) {
            int n = block.size();
            long base = block.firstRow();
            boolean[] feasibleMask = block.feasibleMask();
            feasible += block.feasibleCount();
            for (int i = 0; i < lists.size(); i++) {
                FrontAccumulator accumulator = accumulators.get(i);
                if (accumulator != null) {
                    List<Objective> distinct = lists.get(i).stream().distinct().toList();
                    accumulator.accept(columns(block, distinct), feasibleMask, n, base);
                }
            }
            for (Objective objective : OBJECTIVES) {
                int o = objective.ordinal();
                double[] values = block.column(objective);
                boolean maximize = objective.maximize();
                for (int r = 0; r < n; r++) {
                    double v = values[r];
                    if (!feasibleMask[r] || Double.isNaN(v)) {
                        continue;
                    }
                    lowest[o] = Math.min(lowest[o], v);
                    highest[o] = Math.max(highest[o], v);
                    if (best[o] < 0 || (maximize ? v > bestValue[o] : v < bestValue[o])) {
                        best[o] = base + r;
                        bestValue[o] = v;
                    }
                }
            }
            double[][] paper = columns(block, Objective.GOODPUT_COST_ENERGY);
            for (int j = 0; j < PAPER.length; j++) {
                Objective objective = PAPER[j];
                double[] primary = paper[j];
                for (int r = 0; r < n; r++) {
                    double v = primary[r];
                    if (!feasibleMask[r] || Double.isNaN(v)) {
                        continue;
                    }
                    long row = base + r;
                    for (int m = 0; m < PAPER.length; m++) {
                        candidate[m] = paper[m][r];
                    }
                    if (winner[j] < 0 || Recommendations.beats(candidate, winnerValues[j], j)) {
                        winner[j] = row;
                        System.arraycopy(candidate, 0, winnerValues[j], 0, PAPER.length);
                    }
                    if (firstAtTop[j] < 0 || objective.better(v, top[j])) {
                        // the old best value's first row is now the best row below the best
                        runnerUp[j] = firstAtTop[j];
                        runnerUpValue[j] = top[j];
                        firstAtTop[j] = row;
                        top[j] = v;
                    } else if (
                        objective.better(top[j], v) &&
                        (runnerUp[j] < 0 || objective.better(v, runnerUpValue[j]))
                    ) {
                        runnerUp[j] = row;
                        runnerUpValue[j] = v;
                    }
                }
            }
        }

        Map<List<Objective>, long[]> finish() {
            Map<List<Objective>, long[]> found = new java.util.HashMap<>();
            for (int i = 0; i < lists.size(); i++) {
                FrontAccumulator accumulator = accumulators.get(i);
                if (accumulator != null) {
                    found.put(lists.get(i), accumulator.finish());
                } else {
                    long row = best[lists.get(i).getFirst().ordinal()];
                    found.put(lists.get(i), row < 0 ? new long[0] : new long[] { row });
                }
            }
            return found;
        }

        /** Every row an answer needs, ascending. */
        long[] keptRows(Map<List<Objective>, long[]> found) {
            java.util.TreeSet<Long> kept = new java.util.TreeSet<>();
            for (long[] rows : found.values()) {
                for (long row : rows) {
                    kept.add(row);
                }
            }
            for (long[] rows : new long[][] { best, winner, runnerUp }) {
                for (long row : rows) {
                    if (row >= 0) {
                        kept.add(row);
                    }
                }
            }
            return kept.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static void checkFrontObjectives(List<Objective> objectives) {
        if (objectives.isEmpty() || objectives.size() > 3) {
            throw new IllegalArgumentException("a front needs 1 to 3 objectives, got " + objectives);
        }
    }

    private static int[] computeFront(EvaluatedSpace rows, List<Objective> objectives) {
        boolean[] feasible = rows.feasibleMask();
        List<Objective> distinct = objectives.stream().distinct().toList();
        if (distinct.size() == 1) {
            Objective only = distinct.getFirst();
            int best = ParetoFront.best(rows.column(only), only.maximize(), feasible);
            return best < 0 ? new int[0] : new int[] { best };
        }
        return ParetoFront.nonDominated(columns(rows, distinct), maximize(distinct), feasible);
    }

    private static double[][] columns(EvaluatedSpace rows, List<Objective> objectives) {
        return objectives.stream().map(rows::column).toArray(double[][]::new);
    }

    private static boolean[] maximize(List<Objective> objectives) {
        boolean[] maximize = new boolean[objectives.size()];
        for (int j = 0; j < maximize.length; j++) {
            maximize[j] = objectives.get(j).maximize();
        }
        return maximize;
    }

    // ---------------------------------------------------------------- what was evaluated

    public ScenarioLoader.LoadedScenario loaded() {
        return loaded;
    }

    /** The scenario file. */
    public Path file() {
        return loaded.file();
    }

    public Scenario scenario() {
        return loaded.scenario();
    }

    public ConfigurationFilter filter() {
        return filter;
    }

    /** The what-if the rows were evaluated under (the scenario's own with any overrides on top). */
    public WhatIf whatIf() {
        return whatIf;
    }

    /** Every evaluated row, column-oriented. Do not modify its arrays. */
    public EvaluatedSpace rows() {
        return rows;
    }

    /** The (possibly filtered) configuration space evaluated. */
    public ConfigurationSpace space() {
        return rows.space();
    }

    /** Rows held in {@link #rows()}: every configuration, or for a streamed evaluation the rows kept. */
    public int size() {
        return rows.size();
    }

    /** Whether this evaluation was streamed ({@link #scan}): {@link #rows()} then holds only the rows kept. */
    public boolean streamed() {
        return scan != null;
    }

    /** Configurations in the (filtered) space under this what-if. */
    public long configurationCount() {
        return scan != null ? scan.configurations() : rows.size();
    }

    /** Configurations that meet the constraints. */
    public long feasibleCount() {
        return scan != null ? scan.feasible() : rows.feasibleCount();
    }

    /** One block of a streamed space, with the whole space's goodput/cost/energy front marked. */
    @FunctionalInterface
    public interface BlockVisitor {
        void visit(ScenarioEvaluation block) throws java.io.IOException;
    }

    /**
     * Every row of the space in order, as blocks of at most {@link #BLOCK_ROWS} rows evaluated one
     * at a time (the same values as {@link #rows()} holds for its rows): for writing every row of a
     * space that is not held. Each block is an evaluation whose {@link #rows()} are the block and
     * whose {@link #onPaperFront(int)} is the whole space's front; it holds no recommendations.
     * A whole-space evaluation visits itself once.
     */
    public void forEachBlock(BlockVisitor visitor) throws java.io.IOException {
        if (scan == null) {
            visitor.visit(this);
            return;
        }
        ConfigurationSpace space = rows.space();
        long[] front = scan.paperFront();
        int next = 0;
        EvaluatedSpace block = null;
        for (long first = 0; first < scan.configurations(); first += scan.blockRows()) {
            int count = (int) Math.min(scan.blockRows(), scan.configurations() - first);
            block = space.evaluateRows(whatIf, first, count, block);
            int from = next;
            while (next < front.length && front[next] < first + count) {
                next++;
            }
            int[] local = new int[next - from];
            for (int i = 0; i < local.length; i++) {
                local[i] = (int) (front[from + i] - first);
            }
            visitor.visit(new ScenarioEvaluation(loaded, filter, whatIf, block, local, List.of(), scan));
        }
    }

    /**
     * The rows {@code spaceRows} of this evaluation's space, evaluated on their own and held (same
     * values as in the whole space): a sample to measure what writing rows costs before writing
     * them all ({@code sweep}'s free-space check). It marks no front and holds no recommendations.
     *
     * @param spaceRows strictly ascending row numbers inside the space (may be empty)
     * @throws IllegalArgumentException if they are not
     */
    public ScenarioEvaluation sample(long[] spaceRows) {
        EvaluatedSpace sample = rows.space().evaluateRows(whatIf, spaceRows);
        return new ScenarioEvaluation(loaded, filter, whatIf, sample, new int[0], List.of(), null);
    }

    public Configuration configuration(int row) {
        return rows.configuration(row);
    }

    public Combination combination(int row) {
        return rows.combination(row);
    }

    // ---------------------------------------------------------------- fronts and recommendations

    /** Feasible rows non-dominated on goodput, tokens per $ and tokens per J, ascending. Do not modify. */
    public int[] paperFront() {
        return paperFront;
    }

    /** Whether row {@code row} is on the goodput/cost/energy front (the {@code pareto} column). */
    public boolean onPaperFront(int row) {
        return onPaperFront[row];
    }

    /**
     * Feasible rows non-dominated over {@code objectives} (2 or 3; one objective, or the same one
     * twice, gives its best feasible row), ascending. Computed once per list. Do not modify.
     */
    public int[] front(List<Objective> objectives) {
        checkFrontObjectives(objectives);
        if (scan != null) {
            int[] front = fronts.get(objectives);
            if (front == null) {
                throw new IllegalStateException(
                    "a streamed evaluation holds only the fronts it was made for, not " + objectives
                );
            }
            return front;
        }
        return fronts.computeIfAbsent(List.copyOf(objectives), o -> computeFront(rows, o));
    }

    /** {@link #front} sorted best first on its first objective (ties keep row order). */
    public int[] frontBestFirst(List<Objective> objectives) {
        Objective first = objectives.getFirst();
        double[] column = rows.column(first);
        Comparator<Integer> ascending = Comparator.comparingDouble(row -> column[row]);
        return Arrays.stream(front(objectives))
            .boxed()
            .sorted(first.maximize() ? ascending.reversed() : ascending)
            .mapToInt(Integer::intValue)
            .toArray();
    }

    /**
     * Normalised hypervolume of the feasible rows over {@code objectives}: the share of the box
     * between their worst and best values that the front dominates, in [0, 1].
     */
    public double normalisedHypervolume(List<Objective> objectives) {
        if (scan != null) {
            // dominated rows add no volume: the front with the whole space's bounds gives the same
            double[] lo = objectives
                .stream()
                .mapToDouble(o -> scan.lowest()[o.ordinal()])
                .toArray();
            double[] hi = objectives
                .stream()
                .mapToDouble(o -> scan.highest()[o.ordinal()])
                .toArray();
            return Hypervolume.normalized(
                columns(rows, objectives),
                maximize(objectives),
                front(objectives),
                lo,
                hi
            );
        }
        int[] feasible = IntStream.range(0, rows.size()).filter(rows::feasible).toArray();
        return Hypervolume.normalized(columns(rows, objectives), maximize(objectives), feasible);
    }

    /**
     * The recommendations in the order goodput, cost, energy, balanced, each with its reason; an
     * objective with no feasible number is left out (empty when nothing is feasible).
     */
    /**
     * One sentence naming the devices whose energy is not measured (no drafting power, or under
     * whole-round energy no idle power): their configurations have no tokens per joule and are left
     * out of energy objectives and the energy recommendation. Empty when every device has power.
     */
    public Optional<String> energyNotMeasured() {
        java.util.Map<String, Integer> combinations = new java.util.LinkedHashMap<>();
        boolean wholeRound = scenario().energy() == io.configspec.model.analysis.EnergyMode.WHOLE_ROUND;
        for (Combination c : space().combinations()) {
            boolean known =
                c.drafting().powerWatts().isPresent() &&
                (!wholeRound || c.device().idlePowerWatts().isPresent());
            if (!known) {
                combinations.merge(c.device().name(), 1, Integer::sum);
            }
        }
        if (combinations.isEmpty()) {
            return Optional.empty();
        }
        int ks = scenario().kMax() - scenario().kMin() + 1;
        long configurations = (long) ks * combinations.values().stream().mapToInt(Integer::intValue).sum();
        return Optional.of(
            "Energy not measured for " +
                String.join(", ", combinations.keySet()) +
                " (no " +
                (wholeRound ? "drafting or idle " : "drafting ") +
                "power figure): " +
                configurations +
                " configuration" +
                (configurations == 1 ? " is" : "s are") +
                " left out of energy objectives; measure or enter the power (configspec profile --power-watts, or the Boards tab)."
        );
    }

    public List<Recommendation> recommendations() {
        return recommendations;
    }

    /**
     * Each routed drafting set of the scenario at its best K against the single best drafter under
     * the workload mix ({@link RoutedDrafting}); empty without routes. Computed on first call.
     *
     * @throws InvalidFieldException naming the route field at fault
     */
    public List<RoutedComparison> routedComparisons() {
        List<RoutedComparison> computed = routed;
        if (computed == null) {
            computed = RoutedDrafting.compare(loaded.library(), space().scenario(), whatIf);
            routed = computed;
        }
        return computed;
    }

    /** The recommendation of one kind, if any row is feasible for it. */
    public Optional<Recommendation> recommendation(Recommendation.Kind kind) {
        return recommendations
            .stream()
            .filter(r -> r.kind() == kind)
            .findFirst();
    }

    /**
     * A device's best-goodput feasible configuration.
     *
     * @param device the device
     * @param row its row
     * @param k its speculative length K*
     */
    public record DeviceOptimum(DeviceProfile device, int row, int k) {}

    /** Per device, in the space's order, its feasible row with the highest goodput (K* of the paper). */
    public List<DeviceOptimum> bestGoodputPerDevice() {
        if (scan != null) {
            throw new IllegalStateException("a streamed evaluation does not hold every row");
        }
        List<Combination> combinations = space().combinations();
        List<String> devices = new ArrayList<>();
        List<DeviceProfile> profiles = new ArrayList<>();
        int[] deviceOf = new int[combinations.size()];
        for (int c = 0; c < combinations.size(); c++) {
            DeviceProfile d = combinations.get(c).device();
            int index = devices.indexOf(d.id());
            if (index < 0) {
                index = devices.size();
                devices.add(d.id());
                profiles.add(d);
            }
            deviceOf[c] = index;
        }
        int[] best = new int[devices.size()];
        Arrays.fill(best, -1);
        double[] goodput = rows.column(Objective.GOODPUT);
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.feasible(i) || Double.isNaN(goodput[i])) {
                continue;
            }
            int d = deviceOf[rows.combinationIndex(i)];
            if (best[d] < 0 || goodput[i] > goodput[best[d]]) {
                best[d] = i;
            }
        }
        List<DeviceOptimum> out = new ArrayList<>();
        for (int d = 0; d < best.length; d++) {
            if (best[d] >= 0) {
                out.add(new DeviceOptimum(profiles.get(d), best[d], rows.k(best[d])));
            }
        }
        return List.copyOf(out);
    }

    /** Row of {@code configuration}, or −1 when it is not in this evaluation. */
    public int rowOf(Configuration configuration) {
        int c = combinationIndexOf(configuration);
        int kOffset = configuration.k() - rows.kMin();
        if (c < 0 || kOffset < 0 || kOffset >= rows.kCount()) {
            return -1;
        }
        return rows.rowOf((long) c * rows.kCount() + kOffset);
    }

    /**
     * Row of the configuration with {@code configuration}'s device, drafter, quantisation and
     * target at the K nearest to its K that this evaluation holds (the smaller K on a tie): the
     * same row as {@link #rowOf} when that K is held. −1 when the evaluation holds no row of that
     * combination (it left the space).
     */
    public int nearestRowOf(Configuration configuration) {
        int c = combinationIndexOf(configuration);
        if (c < 0) {
            return -1;
        }
        int kCount = rows.kCount();
        long first = (long) c * kCount;
        int wanted = configuration.k() - rows.kMin();
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        // ascending K, so the first of two rows at the same distance has the smaller K
        for (int kOffset = 0; kOffset < kCount; kOffset++) {
            int row = rows.rowOf(first + kOffset);
            int distance = Math.abs(kOffset - wanted);
            if (row >= 0 && distance < bestDistance) {
                best = row;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Index into {@code space().combinations()} of {@code configuration}'s combination, or −1. */
    private int combinationIndexOf(Configuration configuration) {
        List<Combination> combinations = space().combinations();
        for (int c = 0; c < combinations.size(); c++) {
            Combination comb = combinations.get(c);
            if (
                comb.device().id().equals(configuration.device()) &&
                comb.drafter().id().equals(configuration.drafter()) &&
                comb.quantization().equals(configuration.quantization()) &&
                comb.target().id().equals(configuration.target())
            ) {
                return c;
            }
        }
        return -1;
    }
}
