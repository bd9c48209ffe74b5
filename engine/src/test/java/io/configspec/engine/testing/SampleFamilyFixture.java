package io.configspec.engine.testing;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.tokenizer.HuggingFaceTextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The default sample family, generated once per test JVM under {@code target/} and shared by all
 * engine tests, with its models opened once (closed at JVM exit).
 */
public final class SampleFamilyFixture {

    private static SampleFamilyFixture instance;

    private final Path directory;
    private final SampleFamily.Spec spec;
    private final List<SampleFamily.Member> members;
    private final Map<String, DecoderModel> models = new LinkedHashMap<>();
    private final List<int[]> prompts = new ArrayList<>();

    private SampleFamilyFixture() throws IOException, ModelLoadException {
        spec = SampleFamily.Spec.defaults();
        directory = Path.of("target", "test-sample-family");
        deleteRecursively(directory);
        members = SampleFamily.generate(directory, spec);
        try (
            HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.load(
                directory.resolve(SampleFamily.targetName(spec))
            )
        ) {
            for (String p : SampleFamily.prompts(spec)) {
                prompts.add(tokenizer.encode(p));
            }
        }
        for (SampleFamily.Member m : members) {
            models.put(
                m.name(),
                DecoderModel.open(m.directory().resolve("model.onnx"), EngineOptions.defaults())
            );
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> models.values().forEach(DecoderModel::close)));
    }

    /** The shared fixture (generated on first use). */
    public static synchronized SampleFamilyFixture get() {
        if (instance == null) {
            try {
                instance = new SampleFamilyFixture();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ModelLoadException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public Path directory() {
        return directory;
    }

    public SampleFamily.Spec spec() {
        return spec;
    }

    public DecoderModel target() {
        return models.get(SampleFamily.targetName(spec));
    }

    public DecoderModel model(String name) {
        return models.get(name);
    }

    /** Names of all drafter variants (every layer count and precision). */
    public List<String> drafterNames() {
        return members
            .stream()
            .filter(m -> m.role().equals("drafter"))
            .map(SampleFamily.Member::name)
            .toList();
    }

    /** The bundled prompts, tokenized. */
    public List<int[]> prompts() {
        return prompts;
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
