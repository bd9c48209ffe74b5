package io.configspec.engine.bench;

import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.tokenizer.HuggingFaceTextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The default sample family under {@code target/bench-sample-family}, generated on first use. */
final class BenchFamily {

    private BenchFamily() {}

    static synchronized Path directory() throws Exception {
        Path dir = Path.of("target", "bench-sample-family").toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("prompts.txt"))) {
            SampleFamily.generate(dir, SampleFamily.Spec.defaults());
        }
        return dir;
    }

    static Path model(String name) throws Exception {
        return directory().resolve(name).resolve("model.onnx");
    }

    static List<int[]> prompts() throws Exception {
        List<int[]> prompts = new ArrayList<>();
        try (
            HuggingFaceTextTokenizer t = HuggingFaceTextTokenizer.load(
                directory().resolve(SampleFamily.targetName(SampleFamily.Spec.defaults()))
            )
        ) {
            for (String p : SampleFamily.prompts(SampleFamily.Spec.defaults())) {
                prompts.add(t.encode(p));
            }
        }
        return prompts;
    }
}
