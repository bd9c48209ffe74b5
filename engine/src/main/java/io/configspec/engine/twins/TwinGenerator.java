package io.configspec.engine.twins;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.samplemodels.DecoderArchitecture;
import io.configspec.engine.samplemodels.DecoderGraphBuilder;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.RandomWeights;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates an architecture twin: an ONNX decoder in the Optimum layout with the exact shape of a
 * real model (layers, hidden size, heads, KV heads, head size, MLP width, vocabulary, RoPE base)
 * and seeded random weights, at a chosen precision, so a board's drafting speed and power for
 * that model can be measured without its weights (decision 0061).
 *
 * <p>Built on the engine's {@link DecoderGraphBuilder}; weights are generated one tensor at a
 * time and streamed to {@code model.onnx.data}, so the heap holds about two copies of the largest
 * tensor (the embedding: 545 MB each for Qwen2.5-0.5B), which fits an 8 GB board. Differences
 * from the real network that do not change the cost materially: LayerNorm instead of RMSNorm, no
 * q/k/v biases (Qwen2), an untied output head (the real export also stores its own head matrix).
 */
public final class TwinGenerator {

    /** Rotary table length of twins: enough for the profiler's context lengths (≤ 8192). */
    public static final int DEFAULT_MAX_POSITIONS = 8192;

    /**
     * A generated twin.
     *
     * @param directory the model directory ({@code model.onnx}, {@code model.onnx.data}, {@code config.json})
     * @param parameters weight elements written
     * @param bytesOnDisk size of the model and its data file
     */
    public record Twin(
        HuggingFaceConfig config,
        Precision precision,
        int layers,
        Path directory,
        long parameters,
        long bytesOnDisk
    ) {
        public Path modelFile() {
            return directory.resolve("model.onnx");
        }
    }

    private TwinGenerator() {}

    /** Directory name of a twin: {@code twin-qwen2.5-0.5b-int4}, with {@code -l4} for a reduced-depth one. */
    public static String directoryName(HuggingFaceConfig config, Precision precision, Integer layers) {
        String base =
            "twin-" +
            config.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-") +
            "-" +
            precision.cliName();
        return layers == null || layers == config.architecture().layers() ? base : base + "-l" + layers;
    }

    /**
     * Writes a twin into {@code directory} (created; replaced if it exists), building into a
     * temporary sibling first so an interrupted generation never leaves a half-written model.
     * {@code cancelled} is checked before each weight tensor: when it turns true, generation stops
     * with a {@link java.util.concurrent.CancellationException} and leaves nothing behind.
     *
     * @param layers the twin's depth, or null for the config's (fewer layers: a quicker, cheaper twin)
     * @param maxPositions rotary table length, ≥ 1
     * @param seed weight seed
     * @param cancelled polled before each weight tensor ({@code () -> false}: never cancelled)
     */
    public static Twin generate(
        HuggingFaceConfig config,
        Precision precision,
        Integer layers,
        int maxPositions,
        Path directory,
        long seed,
        java.util.function.BooleanSupplier cancelled
    ) throws IOException {
        DecoderArchitecture full = config.architecture();
        int depth = layers == null ? full.layers() : layers;
        if (depth < 1 || depth > full.layers()) {
            throw new IllegalArgumentException(
                "layers must be 1-" + full.layers() + " for " + config.name() + ", was " + depth
            );
        }
        DecoderArchitecture arch = full.resized(depth, Math.min(maxPositions, full.maxPositions()));
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path building = Files.createTempDirectory(parent, "." + directory.getFileName() + ".building-");
        try {
            long parameters = new DecoderGraphBuilder(
                arch,
                precision,
                cancellable(new RandomWeights(seed), cancelled)
            )
                .metadata("configspec.role", "drafter")
                .metadata("configspec.twin_of", config.name())
                .metadata("configspec.model_type", config.modelType())
                .writeWithExternalData(building.resolve("model.onnx"));
            writeConfig(building.resolve("config.json"), config, arch, precision, parameters);
            deleteRecursively(directory);
            Files.move(building, directory, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(building);
        }
        long bytes =
            Files.size(directory.resolve("model.onnx")) + Files.size(directory.resolve("model.onnx.data"));
        return new Twin(config, precision, depth, directory, parameters(directory), bytes);
    }

    private static io.configspec.engine.samplemodels.WeightSource cancellable(
        io.configspec.engine.samplemodels.WeightSource weights,
        java.util.function.BooleanSupplier cancelled
    ) {
        return (name, rows, cols) -> {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("twin generation cancelled");
            }
            return weights.weight(name, rows, cols);
        };
    }

    /** Whether {@code directory} holds a complete twin (written by {@link #generate}). */
    public static boolean exists(Path directory) {
        return (
            Files.isRegularFile(directory.resolve("model.onnx")) &&
            Files.isRegularFile(directory.resolve("model.onnx.data")) &&
            Files.isRegularFile(directory.resolve("config.json"))
        );
    }

    /** The parameter count a twin's {@code config.json} records ({@code configspec_parameters}; -1 if absent). */
    public static long parameters(Path directory) throws IOException {
        try {
            return JsonInput.readTree(directory.resolve("config.json"))
                .path("configspec_parameters")
                .asLong(-1);
        } catch (ProfileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void writeConfig(
        Path file,
        HuggingFaceConfig c,
        DecoderArchitecture arch,
        Precision precision,
        long parameters
    ) throws IOException {
        int layers = arch.layers();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("model_type", c.modelType());
        arch.putHuggingFaceShape(json);
        json.put("rope_theta", c.architecture().ropeTheta());
        json.put("tie_word_embeddings", c.tieWordEmbeddings());
        json.put("max_position_embeddings", c.architecture().maxPositions());
        json.put("configspec_role", "drafter");
        json.put("configspec_precision", precision.cliName());
        json.put("configspec_parameters", parameters);
        json.put("configspec_twin_of", c.name());
        json.put("configspec_twin_full_depth", layers == c.architecture().layers());
        TwinIdentity identity = TwinIdentity.of(c);
        json.put("configspec_family", identity.family());
        json.put("configspec_library_id", identity.drafterId());
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * How profiles name the real model a twin stands for: its drafter id and tokenizer family in
     * the bundled profile library ({@code qwen2.5-0.5b} / {@code qwen2.5}, {@code llama3.2-1b} /
     * {@code llama3}); other configs use their own name and {@code model_type}.
     */
    public record TwinIdentity(String drafterId, String family) {
        private static final Map<String, TwinIdentity> KNOWN = Map.of(
            "qwen2.5-0.5b",
            new TwinIdentity("qwen2.5-0.5b", "qwen2.5"),
            "qwen2.5-1.5b",
            new TwinIdentity("qwen2.5-1.5b", "qwen2.5"),
            "llama-3.2-1b",
            new TwinIdentity("llama3.2-1b", "llama3"),
            "tinyllama-1.1b",
            new TwinIdentity("tinyllama-1.1b", "llama2"),
            "smollm2-135m",
            new TwinIdentity("smollm2-135m", "smollm2")
        );

        public static TwinIdentity of(HuggingFaceConfig config) {
            return KNOWN.getOrDefault(config.name(), new TwinIdentity(config.name(), config.modelType()));
        }
    }
}
