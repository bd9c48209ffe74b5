package io.configspec.model.pareto;

import io.configspec.model.BenchmarkDefaults;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * DESIGN §9: the Pareto front of 1,000,000 configurations over three objectives in ≤ 0.5 s.
 * Reported as average time per front, in milliseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class ParetoFrontBenchmark extends BenchmarkDefaults {

    private static final boolean[] MAXIMIZE = { true, true, true };

    @Param({ "configspace", "uniform", "anticorrelated" })
    public String dataset;

    @Param({ "1000000" })
    public int size;

    private double[][] columns;

    @Setup
    public void generate() {
        columns = SyntheticObjectives.generate(dataset, size, 2026);
    }

    @Benchmark
    public int[] threeObjectives() {
        return ParetoFront.nonDominated(columns, MAXIMIZE);
    }

    @Benchmark
    public int[] twoObjectives() {
        return ParetoFront.nonDominated(
            new double[][] { columns[0], columns[1] },
            new boolean[] { true, true }
        );
    }
}
