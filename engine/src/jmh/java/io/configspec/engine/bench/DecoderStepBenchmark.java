package io.configspec.engine.bench;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.EngineOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of one decoding step per sample-family model, one ONNX Runtime thread: each operation
 * rolls back to a 16-token context and then decodes 32 tokens one at a time (as drafting does),
 * so the score is the time per token at contexts of 16–48 with the rollback amortised. This is
 * the "drafter ≥ 3× cheaper per token than the target" figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecoderStepBenchmark {

    @Param(
        {
            "target-12l-fp32",
            "draft-1l-fp32",
            "draft-1l-int8",
            "draft-2l-fp32",
            "draft-2l-int8",
            "draft-3l-fp32",
            "draft-3l-int8",
        }
    )
    public String model;

    private static final int STEPS = 32;

    private DecoderModel decoder;
    private DecoderSession session;
    private int context;

    @Setup
    public void open() throws Exception {
        decoder = DecoderModel.open(BenchFamily.model(model), EngineOptions.defaults());
        session = decoder.newSession();
        int[] prompt = new int[16];
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = 3 + i;
        }
        session.forward(prompt);
        context = session.length();
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public float[][] oneTokenStep() throws Exception {
        session.truncate(context);
        float[][] logits = null;
        for (int i = 0; i < STEPS; i++) {
            logits = session.forward(new int[] { 3 + ((i * 7) % 200) });
        }
        return logits;
    }

    @TearDown
    public void close() {
        session.close();
        decoder.close();
    }
}
