package io.configspec.model.io;

import io.configspec.model.testing.SampleFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 14 acceptance 3: loading the sample library is no slower after the schema-driven reader
 * than before it. {@code library} reads and cross-checks every file under {@code samples/profiles}
 * (15 files, 33 kB); {@code paperScenario} loads {@code samples/scenarios/configspec-paper.json}
 * with its profiles and enumerates its configuration space. Both warm (average time); the cold
 * figure, a fresh JVM's first load, is {@link ColdProfileLoadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProfileLoadBenchmark {

    private final Path profiles = SampleFiles.root().resolve("profiles");
    private final Path paper = SampleFiles.paperScenario();

    @Benchmark
    public Object library() throws ProfileException {
        return ProfileLoader.load(List.of(profiles));
    }

    @Benchmark
    public Object paperScenario() throws ProfileException {
        return ScenarioLoader.load(paper);
    }
}
