package io.configspec.app.explorer.viewmodel;

import io.configspec.app.explorer.chart.ChartData;
import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.service.ConfigurationFilter;
import io.configspec.model.service.ScenarioEvaluation;
import java.nio.file.Path;
import java.util.List;

/**
 * The explorer's door to the model's application layer: loading scenarios and evaluating them
 * through {@link ScenarioEvaluation} (the same code, fronts and recommendations the CLI uses),
 * plus the chart frame. Blocking; every method refuses to run on the FX thread ({@link
 * FxThreadGuard}). Stateless and thread-safe.
 */
public final class AnalysisService {

    /** The objectives of the three-way front and the balanced card: goodput, tokens/$, tokens/J. */
    public static final List<Objective> PAPER_OBJECTIVES = Objective.GOODPUT_COST_ENERGY;

    public ScenarioLoader.LoadedScenario loadScenario(Path file) throws ProfileException {
        FxThreadGuard.requireBackground("loading scenario " + file.getFileName());
        return ScenarioLoader.load(file);
    }

    /**
     * Evaluates {@code request}.
     *
     * @param reuse an earlier result of the same scenario whose arrays may be overwritten (nobody
     *     reads it any more), or null
     */
    public Evaluation evaluate(EvaluationRequest request, Evaluation reuse) {
        FxThreadGuard.requireBackground("evaluating the configuration space");
        ScenarioEvaluation result = ScenarioEvaluation.evaluate(
            request.loaded(),
            request.whatIf(),
            ConfigurationFilter.ALL,
            reuse == null ? null : reuse.result()
        );
        int[] front = result.front(List.of(request.xObjective(), request.yObjective()));
        result.routedComparisons(); // computed here, off the FX thread; the view reads it memoised
        return new Evaluation(request, result, chartData(request, result.rows(), front));
    }

    static ChartData chartData(EvaluationRequest request, EvaluatedSpace space, int[] front) {
        int n = space.size();
        int kCount = space.kCount();
        SpaceIndex index = request.index();
        int[] category = new int[n];
        List<String> names;
        switch (request.colourBy()) {
            case DEVICE -> {
                names = index.deviceNames();
                for (int i = 0; i < n; i++) category[i] = index.deviceOf()[i / kCount];
            }
            case DRAFTER -> {
                names = index.drafterNames();
                for (int i = 0; i < n; i++) category[i] = index.drafterOf()[i / kCount];
            }
            case QUANTIZATION -> {
                names = index.quantizationNames();
                for (int i = 0; i < n; i++) category[i] = index.quantizationOf()[i / kCount];
            }
            case K -> {
                names = new java.util.ArrayList<>();
                for (int k = 0; k < kCount; k++) names.add("K=" + (space.kMin() + k));
                for (int i = 0; i < n; i++) category[i] = i % kCount;
            }
            default -> throw new IllegalStateException();
        }
        boolean[] feasible = space.feasibleMask();
        boolean[] dimmed = null;
        if (space.feasibleCount() < n) {
            dimmed = new boolean[n];
            for (int i = 0; i < n; i++) dimmed[i] = !feasible[i];
        }
        Objective x = request.xObjective();
        Objective y = request.yObjective();
        return new ChartData(
            space.column(x),
            space.column(y),
            category,
            names,
            dimmed,
            null,
            front,
            Numbers.axisTitle(x),
            Numbers.axisTitle(y),
            i -> tooltip(request, space, x, y, i)
        );
    }

    /** Tooltip text of row {@code i}: the configuration, the two plotted values, and the third. */
    static String tooltip(EvaluationRequest request, EvaluatedSpace space, Objective x, Objective y, int i) {
        var c = space.combination(i);
        StringBuilder sb = new StringBuilder();
        sb.append(c.device().name()).append('\n');
        sb
            .append(c.drafter().name())
            .append(' ')
            .append(c.quantization())
            .append(" → ")
            .append(c.target().name());
        sb.append(" · K=").append(space.k(i)).append('\n');
        for (Objective o : PAPER_OBJECTIVES) {
            sb.append(o.label()).append(": ").append(Numbers.of(o, space.value(o, i))).append('\n');
        }
        if (!PAPER_OBJECTIVES.contains(x)) sb
            .append(x.label())
            .append(": ")
            .append(Numbers.of(x, space.value(x, i)))
            .append('\n');
        if (!PAPER_OBJECTIVES.contains(y) && y != x) sb
            .append(y.label())
            .append(": ")
            .append(Numbers.of(y, space.value(y, i)))
            .append('\n');
        sb.append("α ").append(Numbers.plain(space.acceptanceRate(i)));
        sb.append(" · E[N] ").append(Numbers.plain(space.expectedTokensPerRound(i))).append(" tokens/round");
        sb
            .append("\ninputs: ")
            .append(InputSources.summary(InputSources.of(c, request.space().network(), request.whatIf())))
            .append("  (● measured ◆ literature ○ illustrative ✎ what-if)");
        if (!space.feasible(i)) {
            sb.append("\nviolates a constraint");
        }
        return sb.toString();
    }
}
