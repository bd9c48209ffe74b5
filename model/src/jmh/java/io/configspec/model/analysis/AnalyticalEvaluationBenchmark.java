package io.configspec.model.analysis;

import io.configspec.model.BenchmarkDefaults;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * DESIGN §9: analytical evaluation ≥ 10 million configuration evaluations per second per core.
 * One operation = one configuration: E[N], round time, goodput, tokens per dollar and tokens per
 * joule from (α, drafting rate, power, K), written to column arrays, single-threaded.
 */
public class AnalyticalEvaluationBenchmark extends BenchmarkDefaults {

    static final int CONFIGURATIONS = 1_000_000;

    private final double[] acceptance = new double[CONFIGURATIONS];
    private final double[] draftTokensPerSecond = new double[CONFIGURATIONS];
    private final double[] draftWatts = new double[CONFIGURATIONS];
    private final int[] k = new int[CONFIGURATIONS];
    private final double[] goodput = new double[CONFIGURATIONS];
    private final double[] tokensPerDollar = new double[CONFIGURATIONS];
    private final double[] tokensPerJoule = new double[CONFIGURATIONS];

    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < CONFIGURATIONS; i++) {
            acceptance[i] = 0.4 + 0.55 * random.nextDouble();
            draftTokensPerSecond[i] = 2 + 60 * random.nextDouble();
            draftWatts[i] = 3 + 12 * random.nextDouble();
            k[i] = 1 + (i % 16);
        }
    }

    @Benchmark
    @OperationsPerInvocation(CONFIGURATIONS)
    public double[] roundModelOverPrimitiveArrays() {
        double verifySeconds = 0.5;
        double networkSeconds = SpeculativeRoundModel.networkSeconds(0.02, 0, 1e6, 0, 1e6);
        double dollarsPerToken = 1e-6;
        for (int i = 0; i < CONFIGURATIONS; i++) {
            int kk = k[i];
            double r = draftTokensPerSecond[i];
            double tokens = SpeculativeRoundModel.expectedTokensPerRound(acceptance[i], kk);
            double draft = SpeculativeRoundModel.draftSeconds(kk, r, 0.0);
            double round = SpeculativeRoundModel.roundSeconds(draft, networkSeconds, verifySeconds);
            goodput[i] = SpeculativeRoundModel.goodputTokensPerSecond(tokens, round);
            tokensPerDollar[i] = tokens / SpeculativeRoundModel.tokenPricedRoundDollars(dollarsPerToken, kk);
            tokensPerJoule[i] = tokens / SpeculativeRoundModel.draftingJoules(draftWatts[i], kk, r);
        }
        return goodput;
    }
}
