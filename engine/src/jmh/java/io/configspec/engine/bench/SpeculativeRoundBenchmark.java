package io.configspec.engine.bench;

import io.configspec.engine.decoding.DecodingSettings;
import io.configspec.engine.decoding.GenerationResult;
import io.configspec.engine.decoding.RunStatistics;
import io.configspec.engine.decoding.SpeculativeDecoder;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.samplemodels.SampleFamily;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One greedy speculative generation of 32 tokens per operation, cycling through the bundled
 * prompts. Auxiliary counters report the engine overhead: {@code outsideOnnxMicros} /
 * {@code roundMicros} is the share of round time spent outside ONNX Runtime calls (target ≤ 5 %).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpeculativeRoundBenchmark {

    @Param({ "draft-1l-int8", "draft-3l-int8" })
    public String drafter;

    @Param({ "1", "4", "8" })
    public int k;

    private DecoderModel target;
    private DecoderModel draft;
    private SpeculativeDecoder decoder;
    private List<int[]> prompts;
    private int next;

    /** Totals per iteration; JMH prints them next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Overhead {

        public long roundMicros;
        public long outsideOnnxMicros;
        public long tokens;

        @Setup(Level.Iteration)
        public void reset() {
            roundMicros = 0;
            outsideOnnxMicros = 0;
            tokens = 0;
        }
    }

    @Setup
    public void open() throws Exception {
        target = DecoderModel.open(
            BenchFamily.model(SampleFamily.targetName(SampleFamily.Spec.defaults())),
            EngineOptions.defaults()
        );
        draft = DecoderModel.open(BenchFamily.model(drafter), EngineOptions.defaults());
        decoder = new SpeculativeDecoder(target, draft, DecodingSettings.greedy(k));
        prompts = BenchFamily.prompts();
    }

    @Benchmark
    public GenerationResult generate(Overhead overhead) throws Exception {
        GenerationResult result = decoder.generate(prompts.get(next++ % prompts.size()), 32);
        RunStatistics s = result.statistics();
        overhead.roundMicros += (long) (s.roundSeconds() * 1e6);
        overhead.outsideOnnxMicros += (long) ((s.roundSeconds() - s.onnxSeconds()) * 1e6);
        overhead.tokens += result.tokens().length;
        return result;
    }

    @TearDown
    public void close() {
        draft.close();
        target.close();
    }
}
