package io.configspec.model.pareto;

import io.configspec.model.analysis.SpeculativeRoundModel;
import java.util.SplittableRandom;

/**
 * Objective columns for the Pareto benchmarks, generated reproducibly (fixed seeds).
 *
 * <p>{@code configspace}: goodput (max), tokens per dollar (max) and tokens per joule (max) of a
 * synthetic configuration space of 50 devices × 20 drafters × 5 quantisations × 10 targets × K =
 * 1..20 (1,000,000 rows), computed with {@link SpeculativeRoundModel} from random but plausible
 * profiles; like the real space it has many ties (token-priced cost does not depend on the device).
 * {@code uniform}: independent uniform values. {@code correlated}: points near the diagonal (a
 * common uniform value plus Gaussian noise of standard deviation 0.05 per objective), so few rows
 * are on the front. {@code anticorrelated}: points near the plane a + b + c = 1, where a large part
 * of the set is on the front (the sweep's worst case). The three are the standard skyline
 * benchmark distributions (Börzsönyi, Kossmann and Stocker, "The Skyline Operator", ICDE 2001).
 */
final class SyntheticObjectives {

    static final int DEVICES = 50;
    static final int DRAFTERS = 20;
    static final int QUANTIZATIONS = 5;
    static final int TARGETS = 10;
    static final int MAX_K = 20;

    private SyntheticObjectives() {}

    static double[][] generate(String dataset, int size, long seed) {
        return switch (dataset) {
            case "configspace" -> subset(configurationSpace(seed), size, seed);
            case "uniform" -> uniform(size, seed);
            case "correlated" -> correlated(size, seed);
            case "anticorrelated" -> anticorrelated(size, seed);
            default -> throw new IllegalArgumentException("dataset: unknown " + dataset);
        };
    }

    /** The full synthetic space: 1,000,000 rows of (goodput, tokens/$, tokens/J). */
    static double[][] configurationSpace(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] alpha = new double[DRAFTERS][QUANTIZATIONS][TARGETS];
        for (double[][] byQuant : alpha) {
            for (double[] byTarget : byQuant) {
                for (int t = 0; t < TARGETS; t++) {
                    byTarget[t] = 0.4 + 0.55 * random.nextDouble();
                }
            }
        }
        double[][][] rate = new double[DEVICES][DRAFTERS][QUANTIZATIONS];
        double[][][] power = new double[DEVICES][DRAFTERS][QUANTIZATIONS];
        for (int dev = 0; dev < DEVICES; dev++) {
            for (int dr = 0; dr < DRAFTERS; dr++) {
                for (int q = 0; q < QUANTIZATIONS; q++) {
                    rate[dev][dr][q] = 2 + 60 * random.nextDouble();
                    power[dev][dr][q] = 3 + 12 * random.nextDouble();
                }
            }
        }
        double[] verifySeconds = new double[TARGETS];
        double[] dollarsPerToken = new double[TARGETS];
        for (int t = 0; t < TARGETS; t++) {
            verifySeconds[t] = 0.05 + 0.5 * random.nextDouble();
            dollarsPerToken[t] = (0.1 + 2 * random.nextDouble()) / 1e6;
        }
        int n = DEVICES * DRAFTERS * QUANTIZATIONS * TARGETS * MAX_K;
        double[] goodput = new double[n];
        double[] tokensPerDollar = new double[n];
        double[] tokensPerJoule = new double[n];
        int i = 0;
        for (int dev = 0; dev < DEVICES; dev++) {
            for (int dr = 0; dr < DRAFTERS; dr++) {
                for (int q = 0; q < QUANTIZATIONS; q++) {
                    for (int t = 0; t < TARGETS; t++) {
                        for (int k = 1; k <= MAX_K; k++) {
                            double tokens = SpeculativeRoundModel.expectedTokensPerRound(alpha[dr][q][t], k);
                            double draft = SpeculativeRoundModel.draftSeconds(k, rate[dev][dr][q], 0.0);
                            double round = SpeculativeRoundModel.roundSeconds(draft, 0.02, verifySeconds[t]);
                            goodput[i] = SpeculativeRoundModel.goodputTokensPerSecond(tokens, round);
                            tokensPerDollar[i] =
                                tokens / SpeculativeRoundModel.tokenPricedRoundDollars(dollarsPerToken[t], k);
                            tokensPerJoule[i] =
                                tokens /
                                SpeculativeRoundModel.draftingJoules(power[dev][dr][q], k, rate[dev][dr][q]);
                            i++;
                        }
                    }
                }
            }
        }
        return new double[][] { goodput, tokensPerDollar, tokensPerJoule };
    }

    /** A random sample of {@code size} rows (without replacement, fixed seed), or all rows. */
    static double[][] subset(double[][] columns, int size, long seed) {
        int n = columns[0].length;
        if (size >= n) {
            return columns;
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < size; i++) {
            int j = random.nextInt(i, n);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        double[][] result = new double[columns.length][size];
        for (int j = 0; j < columns.length; j++) {
            for (int i = 0; i < size; i++) {
                result[j][i] = columns[j][rows[i]];
            }
        }
        return result;
    }

    static double[][] uniform(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[3][size];
        for (double[] column : columns) {
            for (int i = 0; i < size; i++) {
                column[i] = random.nextDouble();
            }
        }
        return columns;
    }

    static double[][] correlated(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[3][size];
        for (int i = 0; i < size; i++) {
            double common = random.nextDouble();
            for (double[] column : columns) {
                column[i] = common + 0.05 * random.nextGaussian();
            }
        }
        return columns;
    }

    static double[][] anticorrelated(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[3][size];
        for (int i = 0; i < size; i++) {
            double a = random.nextDouble();
            double b = random.nextDouble() * (1 - a);
            columns[0][i] = a;
            columns[1][i] = b;
            columns[2][i] = 1 - a - b + 0.01 * random.nextGaussian();
        }
        return columns;
    }
}
