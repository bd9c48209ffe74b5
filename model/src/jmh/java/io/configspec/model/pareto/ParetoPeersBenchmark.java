package io.configspec.model.pareto;

import io.configspec.model.BenchmarkDefaults;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.moeaframework.core.Solution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.uma.jmetal.solution.pointsolution.PointSolution;

/**
 * Our Pareto front against the fastest Java peers on identical point sets (issue 21): jMetal 6
 * (two non-dominated rankings and its archive) and the MOEA Framework 5 (its non-dominated
 * archive). Each peer gets the points in its own representation, built outside the timed call,
 * and the front it returns must equal ours row for row (checked after the trial; a difference
 * fails the benchmark). Three objectives, all maximised; data sets from {@link
 * SyntheticObjectives} with seed 2026, the same ones {@code ParetoPeersTable} writes for the
 * paretoset script.
 *
 * <p>The archives insert one point at a time against everything kept so far, which is quadratic
 * when the front is large (the anti-correlated sets): a call that runs past {@code
 * budgetSeconds} stops with an exception, recorded as "more than the budget". The MOEA
 * Framework's {@code FastNondominatedSorting} is not run: it compares every pair (13 s at 10,000
 * points, issue 21), so a 100,000-point set would take about 20 minutes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = { "-Xms4g", "-Xmx4g" })
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class ParetoPeersBenchmark extends BenchmarkDefaults {

    static final long SEED = 2026;
    private static final boolean[] MAXIMIZE = { true, true, true };

    @Param({ "uniform", "correlated", "anticorrelated" })
    public String dataset;

    @Param({ "100000", "1000000" })
    public int size;

    @Param({ "ours", "jmetal-ranking", "jmetal-merge-ranking", "jmetal-archive", "moea-archive" })
    public String peer;

    @Param({ "120" })
    public int budgetSeconds;

    private double[][] columns;
    private List<PointSolution> jmetal;
    private Solution[] moea;
    private int[] last;

    @Setup(Level.Trial)
    public void generate() {
        columns = SyntheticObjectives.generate(dataset, size, SEED);
        switch (peer) {
            case "ours" -> {}
            case "jmetal-ranking", "jmetal-merge-ranking", "jmetal-archive" -> jmetal =
                ParetoPeers.jmetalSolutions(columns);
            case "moea-archive" -> moea = ParetoPeers.moeaSolutions(columns);
            default -> throw new IllegalArgumentException("peer: unknown " + peer);
        }
    }

    @Benchmark
    public int[] front() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(budgetSeconds);
        last = switch (peer) {
            case "ours" -> ParetoFront.nonDominated(columns, MAXIMIZE);
            case "jmetal-ranking" -> ParetoPeers.jmetalExperimentalRanking(jmetal);
            case "jmetal-merge-ranking" -> ParetoPeers.jmetalMergeSortRanking(jmetal);
            case "jmetal-archive" -> ParetoPeers.jmetalArchive(jmetal, deadline);
            case "moea-archive" -> ParetoPeers.moeaArchive(moea, deadline);
            default -> throw new IllegalArgumentException("peer: unknown " + peer);
        };
        return last;
    }

    /** Every peer's front must be ours, row for row. */
    @TearDown(Level.Trial)
    public void checkFront() {
        int[] ours = ParetoFront.nonDominated(columns, MAXIMIZE);
        if (!Arrays.equals(ours, last)) {
            throw new IllegalStateException(
                peer +
                    " on " +
                    dataset +
                    "/" +
                    size +
                    ": front of " +
                    (last == null ? "none" : last.length) +
                    " rows differs from ours (" +
                    ours.length +
                    " rows)"
            );
        }
    }
}
