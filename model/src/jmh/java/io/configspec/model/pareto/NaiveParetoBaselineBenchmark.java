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
import org.openjdk.jmh.annotations.Warmup;

/**
 * DESIGN §9: the naive pairwise front on a smaller sample of the same data, next to the fast front
 * on the same sample, for the observed ratio; with quadratic scaling the naive time extrapolates to
 * 1,000,000 rows as × (1,000,000 / size)².
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 1, time = 3)
public class NaiveParetoBaselineBenchmark extends BenchmarkDefaults {

    private static final boolean[] MAXIMIZE = { true, true, true };

    @Param({ "configspace", "anticorrelated" })
    public String dataset;

    @Param({ "20000" })
    public int size;

    private double[][] columns;

    @Setup
    public void generate() {
        columns = SyntheticObjectives.generate(dataset, size, 2026);
    }

    @Benchmark
    public int[] naivePairwise() {
        return nonDominatedPairwise(columns);
    }

    @Benchmark
    public int[] sweep() {
        return ParetoFront.nonDominated(columns, MAXIMIZE);
    }

    /**
     * The textbook O(n²) check (all objectives maximised): a row is kept unless some row is ≥ in
     * all objectives and &gt; in one; stops at the first dominating row.
     */
    static int[] nonDominatedPairwise(double[][] columns) {
        double[] a = columns[0];
        double[] b = columns[1];
        double[] c = columns[2];
        int n = a.length;
        int[] front = new int[n];
        int count = 0;
        for (int p = 0; p < n; p++) {
            boolean dominated = false;
            for (int q = 0; q < n && !dominated; q++) {
                dominated =
                    a[q] >= a[p] &&
                    b[q] >= b[p] &&
                    c[q] >= c[p] &&
                    (a[q] > a[p] || b[q] > b[p] || c[q] > c[p]);
            }
            if (!dominated) {
                front[count++] = p;
            }
        }
        return java.util.Arrays.copyOf(front, count);
    }
}
