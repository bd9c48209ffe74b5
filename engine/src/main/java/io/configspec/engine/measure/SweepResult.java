package io.configspec.engine.measure;

import io.configspec.engine.decoding.RunStatistics;
import java.util.Arrays;
import java.util.List;

/**
 * A K sweep of one drafter against one target.
 *
 * @param drafter drafter model name
 * @param target target model name
 * @param pooled aggregates over every K (α, drafting rate, calibration)
 * @param targetOnly aggregates of target-only decoding (K = 0) on the same prompts
 * @param draftOverheadSeconds fitted fixed drafting cost per round o_d (catch-up), s
 * @param draftTokensPerSecond fitted drafting rate r (marginal tokens per second)
 * @param engineOverheadSeconds mean per-round time outside drafting and verification, s
 * @param points one per K, ascending
 * @param dynamicDrafting WISP's dynamic drafting measured after the sweep, or {@code null} when
 *     not asked for (or not measurable)
 */
public record SweepResult(
    String drafter,
    String target,
    RunStatistics pooled,
    RunStatistics targetOnly,
    double draftOverheadSeconds,
    double draftTokensPerSecond,
    double engineOverheadSeconds,
    List<SweepPoint> points,
    DynamicDraftingResult dynamicDrafting
) {
    public SweepResult {
        points = List.copyOf(points);
    }

    /** Median over K of |measured − predicted| / predicted goodput. */
    public double medianRelativeError() {
        return median(points.stream().mapToDouble(SweepPoint::relativeError).sorted().toArray());
    }

    /** Median over K of the relative error when T_v comes from the straight-line fit. */
    public double medianRelativeErrorFittedVerify() {
        return median(points.stream().mapToDouble(SweepPoint::relativeErrorFittedVerify).sorted().toArray());
    }

    private static double median(double[] errors) {
        if (errors.length == 0) {
            return Double.NaN;
        }
        int mid = errors.length / 2;
        return errors.length % 2 == 1 ? errors[mid] : (errors[mid - 1] + errors[mid]) / 2;
    }

    /** Fraction of round time outside ONNX Runtime, over the whole sweep. */
    public double overheadFraction() {
        return pooled.overheadFraction();
    }

    /** Target-only decoding step, s (one token per round). */
    public double targetStepSeconds() {
        return targetOnly.roundSeconds() / targetOnly.rounds();
    }

    /** The K with the highest measured goodput. */
    public int bestMeasuredK() {
        return points
            .stream()
            .max((a, b) ->
                Double.compare(a.measuredGoodputTokensPerSecond(), b.measuredGoodputTokensPerSecond())
            )
            .map(SweepPoint::k)
            .orElse(0);
    }

    @Override
    public String toString() {
        return (
            drafter +
            " → " +
            target +
            " " +
            Arrays.toString(points.stream().mapToInt(SweepPoint::k).toArray())
        );
    }
}
