package io.configspec.app.explorer.viewmodel;

import io.configspec.app.explorer.chart.ChartData;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.service.ScenarioEvaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one {@link EvaluationRequest}: the model's {@link ScenarioEvaluation} (rows,
 * goodput/cost/energy front, recommendations with reasons, computed as the command line computes
 * them) with the chart's front over its two axes and the scatter frame. Built off the FX thread;
 * read-only afterwards.
 *
 * @param request what was asked
 * @param result the model's evaluation
 * @param chart the scatter frame for the main chart
 */
public record Evaluation(EvaluationRequest request, ScenarioEvaluation result, ChartData chart) {
    public int size() {
        return result.size();
    }

    /** The evaluated rows. */
    public EvaluatedSpace space() {
        return result.rows();
    }

    public Objective xObjective() {
        return request.xObjective();
    }

    public Objective yObjective() {
        return request.yObjective();
    }

    /** Feasible rows non-dominated on the chart's two axes, ascending. */
    public int[] front() {
        return result.front(List.of(request.xObjective(), request.yObjective()));
    }

    /** Feasible rows non-dominated on goodput, tokens/$ and tokens/J, ascending. */
    public int[] front3() {
        return result.paperFront();
    }

    /** The row a card recommends, −1 when no row is feasible for it. */
    public int recommendedRow(RecommendationKind kind) {
        return result.recommendation(kind.modelKind()).map(Recommendation::row).orElse(-1);
    }

    /** Why a card recommends its row, or empty. */
    public String reason(RecommendationKind kind) {
        return result.recommendation(kind.modelKind()).map(Recommendation::reason).orElse("");
    }

    /** Device name → K of that device's best-goodput feasible row. */
    public Map<String, Integer> kStarByDevice() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ScenarioEvaluation.DeviceOptimum optimum : result.bestGoodputPerDevice()) {
            out.put(optimum.device().name(), optimum.k());
        }
        return out;
    }

    /** Where each input number of row {@code i} comes from (profile field or what-if slider). */
    public java.util.List<InputSources.Source> sources(int i) {
        return InputSources.of(space().combination(i), request.space().network(), request.whatIf());
    }

    /** Device display name of row {@code i}. */
    public String deviceName(int i) {
        return space().combination(i).device().name();
    }

    /** Short one-line label of row {@code i}: "Raspberry Pi 5 · Qwen2.5 0.5B q4_k_m → Qwen2.5 7B · K=4". */
    public String label(int i) {
        var c = space().combination(i);
        return (
            c.device().name() +
            " · " +
            c.drafter().name() +
            " " +
            c.quantization() +
            " → " +
            c.target().name() +
            " · K=" +
            space().k(i)
        );
    }
}
