package io.configspec.engine.measure;

import io.configspec.model.measurement.DraftingFit;
import java.util.List;

/**
 * Drafting measured at one context length and one K.
 *
 * @param contextTokens context length before the round, tokens
 * @param k tokens drafted per round
 * @param roundSeconds time of one drafting round, statistics over repetitions (each the mean of
 *     its measured rounds)
 * @param tokensPerSecond K / round time, statistics over repetitions
 * @param rounds measured rounds in all repetitions
 */
public record DraftingCell(
    int contextTokens,
    int k,
    SampleStatistics roundSeconds,
    SampleStatistics tokensPerSecond,
    int rounds
) {
    /** The cells as points for the model's drafting fit (mean round time at each context and K). */
    public static List<DraftingFit.Point> points(List<DraftingCell> cells) {
        return cells
            .stream()
            .map(c -> new DraftingFit.Point(c.contextTokens(), c.k(), c.roundSeconds().mean()))
            .toList();
    }
}
