package io.configspec.engine.measure;

import io.configspec.engine.decoding.RoundRecord;
import io.configspec.engine.decoding.RunStatistics;
import io.configspec.model.fleet.LogisticAcceptancePredictor;
import io.configspec.model.fleet.StopPredictionCounts;
import java.util.List;

/**
 * WISP's dynamic drafting measured on the real pair: the rejection predictor fitted to the fixed-K
 * sweep's judged tokens (top-1 probability, entropy, margin), then the same prompts decoded with
 * dynamic drafting (K ≤ {@code maxDraftTokens}, stop at a predicted rejection) beside the fixed
 * K = {@code maxDraftTokens} run.
 *
 * @param rejectBelow the stop threshold on predicted acceptance
 * @param maxDraftTokens the round budget (the sweep's largest K)
 * @param predictor the fitted rejection predictor
 * @param dynamic aggregates of the dynamic-drafting run
 * @param fixed aggregates of the fixed-K run at {@code maxDraftTokens}
 * @param stops how often the stops were right: false-stop and missed-stop rates
 * @param dynamicWastedDraftSeconds drafting time spent on rejected tokens with dynamic drafting, s
 * @param fixedWastedDraftSeconds the same at fixed K, s
 */
public record DynamicDraftingResult(
    double rejectBelow,
    int maxDraftTokens,
    LogisticAcceptancePredictor predictor,
    RunStatistics dynamic,
    RunStatistics fixed,
    StopPredictionCounts stops,
    double dynamicWastedDraftSeconds,
    double fixedWastedDraftSeconds
) {
    /**
     * Drafting time spent on tokens the target rejected: each round's drafting time shared evenly
     * over its drafted tokens (catch-up included), times its rejected tokens, s.
     */
    public static double wastedDraftSeconds(List<RoundRecord> rounds) {
        double wasted = 0;
        for (RoundRecord r : rounds) {
            if (r.drafted() > 0) {
                wasted += (r.draftSeconds() * (r.drafted() - r.accepted())) / r.drafted();
            }
        }
        return wasted;
    }

    /** Tallies the stop decisions of {@code rounds}. */
    public static StopPredictionCounts stops(List<RoundRecord> rounds) {
        StopPredictionCounts counts = StopPredictionCounts.NONE;
        for (RoundRecord r : rounds) {
            counts = r.addTo(counts);
        }
        return counts;
    }
}
