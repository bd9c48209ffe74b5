package io.configspec.engine.profiler;

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
) {}
