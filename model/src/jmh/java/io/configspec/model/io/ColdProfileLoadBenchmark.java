package io.configspec.model.io;

import io.configspec.model.testing.SampleFiles;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first load of the paper scenario in a fresh JVM (what {@code configspec validate} pays): class
 * loading, Jackson set-up, schema compilation and the load itself. One shot per fork, many forks.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdProfileLoadBenchmark {

    @Benchmark
    public Object firstPaperScenarioLoad() throws ProfileException {
        return ScenarioLoader.load(SampleFiles.paperScenario());
    }
}
