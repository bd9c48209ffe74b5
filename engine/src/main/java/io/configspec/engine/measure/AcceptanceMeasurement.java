package io.configspec.engine.measure;

import java.util.List;

/**
 * Greedy acceptance of a drafter against a target on a prompt set.
 *
 * @param target the target's name
 * @param k drafted tokens per round
 * @param pooledAlpha per-token acceptance rate: accepted ÷ attempted positions over all prompts
 * @param alpha the same rate per prompt, statistics over prompts (for the confidence interval)
 * @param acceptanceByPosition α₁…α_K: acceptance of position i given positions before it were accepted
 * @param attemptedPositions drafted positions checked in all (the sample count)
 * @param prompts prompts used
 */
public record AcceptanceMeasurement(
    String target,
    int k,
    double pooledAlpha,
    SampleStatistics alpha,
    List<Double> acceptanceByPosition,
    int attemptedPositions,
    int prompts
) {
    public AcceptanceMeasurement {
        acceptanceByPosition = List.copyOf(acceptanceByPosition);
    }
}
