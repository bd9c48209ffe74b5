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
import io.configspec.model.pareto.Hypervolume;
import io.configspec.model.pareto.ParetoFront;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.pareto.Recommendations;
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

    private final ScenarioLoader.LoadedScenario loaded;
    private final ConfigurationFilter filter;
    private final WhatIf whatIf;
    private final EvaluatedSpace rows;
    private final int[] paperFront;
    private final boolean[] onPaperFront;
    private final List<Recommendation> recommendations;
    private final Map<List<Objective>, int[]> fronts = new ConcurrentHashMap<>();

    private ScenarioEvaluation(
        ScenarioLoader.LoadedScenario loaded,
        ConfigurationFilter filter,
        WhatIf whatIf,
        EvaluatedSpace rows
    ) {
        this.loaded = loaded;
        this.filter = filter;
        this.whatIf = whatIf;
        this.rows = rows;
        this.paperFront = computeFront(rows, Objective.GOODPUT_COST_ENERGY);
        this.onPaperFront = new boolean[rows.size()];
        for (int row : paperFront) {
            onPaperFront[row] = true;
        }
        fronts.put(Objective.GOODPUT_COST_ENERGY, paperFront);
        this.recommendations = Recommendations.of(rows, paperFront);
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
        EvaluatedSpace rows = reuse != null && reuse.rows.space() == space
            ? space.evaluateInto(whatIf, reuse.rows)
            : space.evaluate(whatIf);
        return new ScenarioEvaluation(loaded, filter, whatIf, rows);
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

    public int size() {
        return rows.size();
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
        if (objectives.isEmpty() || objectives.size() > 3) {
            throw new IllegalArgumentException("a front needs 1 to 3 objectives, got " + objectives);
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
        int[] feasible = IntStream.range(0, rows.size()).filter(rows::feasible).toArray();
        return Hypervolume.normalized(columns(rows, objectives), maximize(objectives), feasible);
    }

    /**
     * The recommendations in the order goodput, cost, energy, balanced, each with its reason; an
     * objective with no feasible number is left out (empty when nothing is feasible).
     */
    public List<Recommendation> recommendations() {
        return recommendations;
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
        int kOffset = configuration.k() - rows.kMin();
        if (kOffset < 0 || kOffset >= rows.kCount()) {
            return -1;
        }
        List<Combination> combinations = space().combinations();
        for (int c = 0; c < combinations.size(); c++) {
            Combination comb = combinations.get(c);
            if (
                comb.device().id().equals(configuration.device()) &&
                comb.drafter().id().equals(configuration.drafter()) &&
                comb.quantization().equals(configuration.quantization()) &&
                comb.target().id().equals(configuration.target())
            ) {
                return c * rows.kCount() + kOffset;
            }
        }
        return -1;
    }
}
