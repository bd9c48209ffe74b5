package io.configspec.engine.decoding;

import java.util.List;

/**
 * Outcome of one generation.
 *
 * @param tokens generated token ids (prompt excluded), at most the requested number
 * @param rounds per-round records
 * @param prefillSeconds time to process the prompt (target and drafter) before the first round
 * @param cancelled whether generation stopped because of the cancellation token
 */
public record GenerationResult(
    int[] tokens,
    List<RoundRecord> rounds,
    double prefillSeconds,
    boolean cancelled
) {
    public GenerationResult {
        tokens = tokens.clone();
        rounds = List.copyOf(rounds);
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    /** Aggregates over this generation's rounds. */
    public RunStatistics statistics() {
        return RunStatistics.of(rounds);
    }
}
