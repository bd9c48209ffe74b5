package io.configspec.app.explorer.viewmodel;

import io.configspec.app.explorer.chart.ChartData;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import java.util.Map;

/**
 * The result of one {@link EvaluationRequest}: the evaluated rows, the chart's 2-objective front,
 * the 3-objective (goodput, tokens/$, tokens/J) front, the recommended rows and each device's K*.
 * Built off the FX thread; read-only afterwards.
 *
 * @param front feasible rows non-dominated on the chart's two axes, ascending
 * @param front3 feasible rows non-dominated on goodput, tokens/$ and tokens/J, ascending
 * @param recommended row per card, −1 when no row is feasible
 * @param kStarByDevice device name → K of that device's best-goodput feasible row
 * @param chart the scatter frame for the main chart
 */
public record Evaluation(
    EvaluationRequest request,
    EvaluatedSpace space,
    int[] front,
    int[] front3,
    Map<RecommendationKind, Integer> recommended,
    Map<String, Integer> kStarByDevice,
    ChartData chart
) {
    public int size() {
        return space.size();
    }

    public Objective xObjective() {
        return request.xObjective();
    }

    public Objective yObjective() {
        return request.yObjective();
    }

    public int recommendedRow(RecommendationKind kind) {
        return recommended.getOrDefault(kind, -1);
    }

    /** Where each input number of row {@code i} comes from (profile field or what-if slider). */
    public java.util.List<InputSources.Source> sources(int i) {
        return InputSources.of(space.combination(i), request.space().network(), request.whatIf());
    }

    /** Device display name of row {@code i}. */
    public String deviceName(int i) {
        return space.combination(i).device().name();
    }

    /** Short one-line label of row {@code i}: "Raspberry Pi 5 · Qwen2.5 0.5B q4_k_m → Qwen2.5 7B · K=4". */
    public String label(int i) {
        var c = space.combination(i);
        return (
            c.device().name() +
            " · " +
            c.drafter().name() +
            " " +
            c.quantization() +
            " → " +
            c.target().name() +
            " · K=" +
            space.k(i)
        );
    }
}
