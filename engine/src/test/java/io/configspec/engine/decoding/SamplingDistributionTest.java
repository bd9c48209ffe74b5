package io.configspec.engine.decoding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.samplemodels.DecoderArchitecture;
import io.configspec.engine.samplemodels.DecoderGraphBuilder;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.RandomWeights;
import io.configspec.engine.samplemodels.WeightSource;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2: speculative sampling preserves the target's distribution. Tiny random models (8
 * tokens) keep 10,000 end-to-end generations fast; the statistic is a chi-square test on the
 * joint distribution of the first two generated tokens (64 cells, which exercises accepted
 * drafts, rejections with residual sampling and bonus tokens) against the exact target
 * distribution computed from the target alone.
 */
class SamplingDistributionTest {

    private static final int VOCAB = 8;
    private static final int DRAWS = 10_000;
    private static final double TEMPERATURE = 1.0;
    private static final double TOP_P = 1.0;
    private static final int[] PROMPT = { 3 };

    @TempDir
    static Path dir;

    private static DecoderModel target;
    private static DecoderModel drafter;
    private static double[] exact;

    @BeforeAll
    static void buildModels() throws Exception {
        DecoderArchitecture arch = new DecoderArchitecture(2, 16, 2, 1, 8, 32, VOCAB, 64, true, 10000.0);
        new DecoderGraphBuilder(arch, Precision.FP32, sharpened(new RandomWeights(11))).writeInline(
            dir.resolve("t.onnx")
        );
        new DecoderGraphBuilder(
            arch.withLayers(1),
            Precision.FP32,
            sharpened(new RandomWeights(12))
        ).writeInline(dir.resolve("d.onnx"));
        target = DecoderModel.open(dir.resolve("t.onnx"), EngineOptions.defaults());
        drafter = DecoderModel.open(dir.resolve("d.onnx"), EngineOptions.defaults());
        exact = exactJointDistribution();
    }

    @AfterAll
    static void close() {
        drafter.close();
        target.close();
    }

    /** Larger head weights so the distributions are far from uniform. */
    private static WeightSource sharpened(WeightSource base) {
        return (name, rows, cols) -> {
            float[] w = base.weight(name, rows, cols);
            if (name.equals("lm_head")) {
                for (int i = 0; i < w.length; i++) {
                    w[i] *= 6f;
                }
            }
            return w;
        };
    }

    private static double[] exactJointDistribution() throws Exception {
        double[] joint = new double[VOCAB * VOCAB];
        try (DecoderSession s = target.newSession()) {
            float[][] first = s.forward(PROMPT);
            double[] p1 = Distributions.warp(first[first.length - 1], TEMPERATURE, TOP_P);
            for (int a = 0; a < VOCAB; a++) {
                double[] p2 = Distributions.warp(s.forward(new int[] { a })[0], TEMPERATURE, TOP_P);
                s.truncate(PROMPT.length);
                for (int b = 0; b < VOCAB; b++) {
                    joint[a * VOCAB + b] = p1[a] * p2[b];
                }
            }
        }
        return joint;
    }

    private static double pValue(AcceptanceRule rule, int k) throws Exception {
        long[] counts = new long[VOCAB * VOCAB];
        for (int i = 0; i < DRAWS; i++) {
            SpeculativeDecoder decoder = new SpeculativeDecoder(
                target,
                drafter,
                DecodingSettings.sampling(k, TEMPERATURE, TOP_P, 1000L + i),
                rule
            );
            int[] tokens = decoder.generate(PROMPT, 2).tokens();
            counts[tokens[0] * VOCAB + tokens[1]]++;
        }
        return chiSquarePValue(counts, exact, DRAWS);
    }

    /** Pearson's chi-square goodness of fit; cells expecting < 5 draws are pooled. */
    static double chiSquarePValue(long[] observed, double[] probabilities, long total) {
        double statistic = 0;
        int cells = 0;
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (int c = 0; c < observed.length; c++) {
            double expected = probabilities[c] * total;
            if (expected < 5) {
                pooledExpected += expected;
                pooledObserved += observed[c];
            } else {
                statistic += Math.pow(observed[c] - expected, 2) / expected;
                cells++;
            }
        }
        if (pooledExpected >= 5) {
            statistic += Math.pow(pooledObserved - pooledExpected, 2) / pooledExpected;
            cells++;
        } else if (pooledObserved > pooledExpected + 10) {
            return 0;
        }
        return 1 - new ChiSquaredDistribution(cells - 1).cumulativeProbability(statistic);
    }

    @Test
    void rejectionSamplingReproducesTheTargetDistribution() throws Exception {
        double p = pValue(AcceptanceRule.REJECTION_SAMPLING, 2);
        assertTrue(p > 0.001, "chi-square p-value " + p);
    }

    @Test
    void brokenRuleThatResamplesFromTheTargetInsteadOfTheResidualIsDetected() throws Exception {
        AcceptanceRule broken = new AcceptanceRule() {
            @Override
            public boolean accept(double[] p, double[] q, int token, SplittableRandom random) {
                return AcceptanceRule.REJECTION_SAMPLING.accept(p, q, token, random);
            }

            @Override
            public double[] residual(double[] p, double[] q) {
                return p.clone();
            }
        };
        double p = pValue(broken, 2);
        assertTrue(p < 1e-6, "chi-square p-value " + p + " should reject the broken rule");
    }
}
