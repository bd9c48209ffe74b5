package io.configspec.engine.bench;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.LowRankAdapter;
import io.configspec.engine.samplemodels.DomainFamily;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.workload.DomainAdapters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 22 acceptance 1: switching a domain's drafter by binding another low-rank adapter against
 * switching by loading another drafter. Each operation makes the next domain's drafter ready: {@link
 * #switchAdapter} reads that domain's {@code .lora} file, binds it as the shared drafter's active
 * adapter and closes the previous one; {@link #switchDrafter} opens the next per-domain drafter's
 * ONNX model file (a session, as loading a per-domain drafter does) and closes the previous one.
 * The {@code ...ThenDraft} variants add the first draft pass (a 12-token prompt), the same work on
 * both sides except that a fresh session runs it for the first time. Both files are in the page cache after the
 * first round, as on a board that keeps them on local storage. One ONNX Runtime thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdapterSwitchBenchmark {

    private static final SampleFamily.Spec SPEC = SampleFamily.Spec.defaults();

    private final List<Path> adapterFiles = new ArrayList<>();
    private final List<Path> drafterFiles = new ArrayList<>();
    private DecoderModel shared;
    private DecoderModel loaded;
    private int next;
    private int[] prompt;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        Path dir = Path.of("target", "bench-domain-family").toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("prompts-chat.txt"))) {
            DomainFamily.generate(dir, SPEC);
        }
        String drafterName = SampleFamily.drafterName(1, Precision.FP32);
        Path drafterFile = dir.resolve(drafterName).resolve("model.onnx");
        try (
            DecoderModel target = DecoderModel.open(
                dir.resolve(SampleFamily.targetName(SPEC)).resolve("model.onnx"),
                EngineOptions.defaults()
            );
            DecoderModel fitting = DecoderModel.open(drafterFile, EngineOptions.defaults())
        ) {
            for (var domain : DomainFamily.DOMAINS) {
                List<int[]> prompts = DomainFamily.fitPromptIds(SPEC, domain.name());
                Path file = dir.resolve(drafterName + "-" + domain.name() + ".lora");
                try (
                    LowRankAdapter adapter = DomainAdapters.fit(
                        target,
                        fitting,
                        prompts,
                        24,
                        DomainFamily.ADAPTER_RANK,
                        domain.name()
                    )
                ) {
                    adapter.write(file);
                }
                adapterFiles.add(file);
                // a per-domain drafter of the same size: a copy of the drafter's file per domain
                Path copy = dir.resolve(drafterName + "-" + domain.name()).resolve("model.onnx");
                Files.createDirectories(copy.getParent());
                Files.copy(drafterFile, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                drafterFiles.add(copy);
            }
        }
        shared = DecoderModel.open(drafterFile, EngineOptions.defaults());
        loaded = DecoderModel.open(drafterFiles.getFirst(), EngineOptions.defaults());
        prompt = new int[12];
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = 3 + i;
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        LowRankAdapter last = shared.useAdapter(null);
        if (last != null) {
            last.close();
        }
        shared.close();
        loaded.close();
    }

    /** The switch alone: read the next domain's adapter file and bind it (the previous one closed). */
    @Benchmark
    public LowRankAdapter switchAdapter() throws Exception {
        next = (next + 1) % adapterFiles.size();
        LowRankAdapter adapter = LowRankAdapter.read(adapterFiles.get(next), "domain-" + next);
        LowRankAdapter previous = shared.useAdapter(adapter);
        if (previous != null) {
            previous.close();
        }
        return adapter;
    }

    /** The switch alone: open the next domain's drafter (an ONNX Runtime session; the previous one closed). */
    @Benchmark
    public DecoderModel switchDrafter() throws Exception {
        next = (next + 1) % drafterFiles.size();
        DecoderModel previous = loaded;
        loaded = DecoderModel.open(drafterFiles.get(next), EngineOptions.defaults());
        previous.close();
        return loaded;
    }

    /** The switch and the first draft pass with the new adapter (12-token prompt). */
    @Benchmark
    public float switchAdapterThenDraft() throws Exception {
        switchAdapter();
        try (DecoderSession session = shared.newSession()) {
            return session.forward(prompt)[prompt.length - 1][0];
        }
    }

    /** The switch and the first draft pass of the new drafter (12-token prompt). */
    @Benchmark
    public float switchDrafterThenDraft() throws Exception {
        switchDrafter();
        try (DecoderSession session = loaded.newSession()) {
            return session.forward(prompt)[prompt.length - 1][0];
        }
    }
}
