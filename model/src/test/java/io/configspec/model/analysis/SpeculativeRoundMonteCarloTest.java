package io.configspec.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * E[N] of {@link SpeculativeRoundModel} against a simulation of speculative rounds: the verifier
 * accepts draft position i with probability α_i given that positions 1..i−1 were accepted, stops at
 * the first rejection, and always adds its own (bonus) token.
 *
 * <p>Tolerance: 1 % relative. With 200,000 rounds the standard error of the mean is below 0.2 % of
 * E[N] for every case here (N is bounded by K + 1 ≤ 17), so 1 % is more than 5 standard errors;
 * the seed is fixed, so the test is deterministic.
 */
class SpeculativeRoundMonteCarloTest {

    private static final int ROUNDS = 200_000;

    /** Tokens produced by one simulated round. */
    private static int simulateRound(SplittableRandom random, double[] acceptanceByPosition, int k) {
        int tokens = 1; // the target's own token
        int last = acceptanceByPosition.length - 1;
        for (int i = 0; i < k; i++) {
            if (random.nextDouble() >= acceptanceByPosition[Math.min(i, last)]) {
                break;
            }
            tokens++;
        }
        return tokens;
    }

    private static double simulatedMean(double[] acceptanceByPosition, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long total = 0;
        for (int round = 0; round < ROUNDS; round++) {
            total += simulateRound(random, acceptanceByPosition, k);
        }
        return (double) total / ROUNDS;
    }

    @ParameterizedTest(name = "alpha={0}, K={1}")
    @CsvSource({ "0.0, 4", "0.3, 2", "0.6, 5", "0.8, 8", "0.9, 16", "0.95, 10", "1.0, 7", "0.7, 0" })
    void geometricExpectedTokensMatchSimulatedRounds(double alpha, int k) {
        double predicted = SpeculativeRoundModel.expectedTokensPerRound(alpha, k);
        double simulated = simulatedMean(new double[] { alpha }, k, 42L + k);
        assertEquals(simulated, predicted, 0.01 * simulated);
    }

    @ParameterizedTest(name = "curve #{index}, K={1}")
    @CsvSource(
        delimiter = ';',
        value = {
            "0.9 0.8 0.7 0.6 0.5; 5",
            "0.95 0.9 0.85; 8", // beyond the curve: the last value repeats
            "0.5 0.9 0.9 0.9; 4",
            "0.99 0.2 0.99; 3",
        }
    )
    void perPositionExpectedTokensMatchSimulatedRounds(String curve, int k) {
        double[] acceptance = java.util.Arrays.stream(curve.trim().split("\\s+"))
            .mapToDouble(Double::parseDouble)
            .toArray();
        double predicted = SpeculativeRoundModel.expectedTokensPerRound(acceptance, k);
        double simulated = simulatedMean(acceptance, k, 7L + k);
        assertEquals(simulated, predicted, 0.01 * simulated);
    }

    @ParameterizedTest(name = "alpha={0}, K={1}")
    @CsvSource({ "0.6, 5", "0.85, 9" })
    void wastedDraftsMatchSimulatedRejectedPositions(double alpha, int k) {
        SplittableRandom random = new SplittableRandom(3);
        long wasted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            wasted += k - (simulateRound(random, new double[] { alpha }, k) - 1);
        }
        double simulated = (double) wasted / ROUNDS;
        double predicted = SpeculativeRoundModel.wastedDraftTokensPerRound(
            SpeculativeRoundModel.expectedTokensPerRound(alpha, k),
            k
        );
        assertEquals(simulated, predicted, 0.01 * simulated);
    }
}
