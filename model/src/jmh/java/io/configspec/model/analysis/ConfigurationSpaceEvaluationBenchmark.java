package io.configspec.model.analysis;

import io.configspec.model.BenchmarkDefaults;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.KneePoint;
import io.configspec.model.pareto.ParetoFront;
import io.configspec.model.testing.ClonedDevices;
import io.configspec.model.testing.SampleFiles;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DESIGN §9: analytical evaluation ≥ 10 million configuration evaluations per second on one core,
 * through the production path {@link ConfigurationSpace#evaluateInto} (every objective column,
 * constraints, what-if applied), on a large synthetic space: the paper scenario's library with
 * each sample device cloned 600 times at random drafting speeds and powers (about 1,000,000 rows),
 * or 60 times (about 100,000 rows, the slider budget's size).
 *
 * <p>The score is milliseconds per evaluation of the whole space; the row count is printed at
 * setup, and configurations per second = rows / score (docs/benchmarks.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 3, time = 2)
public class ConfigurationSpaceEvaluationBenchmark extends BenchmarkDefaults {

    /** Clones of each sample device: 600 gives about 1,000,000 rows, 60 about 100,000. */
    @Param({ "600", "60" })
    public int clonesPerDevice;

    private static final Objective[] GOODPUT_COST_ENERGY = {
        Objective.GOODPUT,
        Objective.TOKENS_PER_DOLLAR,
        Objective.TOKENS_PER_JOULE,
    };

    private ConfigurationSpace space;
    private EvaluatedSpace reuse;
    private WhatIf whatIf;

    @Setup(Level.Trial)
    public void build() throws Exception {
        ScenarioLoader.LoadedScenario paper = ScenarioLoader.load(SampleFiles.paperScenario());
        SplittableRandom random = new SplittableRandom(2026);
        ProfileLibrary large = ClonedDevices.of(
            paper.library(),
            clonesPerDevice,
            clone -> 0.5 + random.nextDouble(),
            clone -> 0.5 + random.nextDouble()
        );
        space = ConfigurationSpace.of(large, paper.scenario());
        whatIf = WhatIf.NONE.with("alphaScale", "0.95").with("rttSeconds", "0.03");
        reuse = space.evaluate(whatIf);
        System.out.println("\nrows per evaluation: " + reuse.size());
    }

    /** Re-evaluates every row into the same columns; score = ms per full space. */
    @Benchmark
    public EvaluatedSpace evaluateWholeSpace() {
        return space.evaluateInto(whatIf, reuse);
    }

    /**
     * The model's share of a slider move (DESIGN §9: slider to redrawn chart ≤ 33 ms for 100,000
     * configurations): re-evaluate, then the goodput/cost/energy front of the feasible rows and
     * its knee.
     */
    @Benchmark
    public int evaluateFrontAndKnee() {
        EvaluatedSpace evaluated = space.evaluateInto(whatIf, reuse);
        double[][] columns = new double[3][];
        boolean[] maximize = new boolean[3];
        for (int j = 0; j < 3; j++) {
            columns[j] = evaluated.column(GOODPUT_COST_ENERGY[j]);
            maximize[j] = true;
        }
        int[] front = ParetoFront.nonDominated(columns, maximize, evaluated.feasibleMask());
        return KneePoint.select(columns, maximize, front);
    }
}
