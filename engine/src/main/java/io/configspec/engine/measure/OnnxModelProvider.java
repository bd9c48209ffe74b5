package io.configspec.engine.measure;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.tokenizer.HuggingFaceTextTokenizer;
import io.configspec.engine.twins.HuggingFaceConfig;
import io.configspec.engine.twins.TwinGenerator;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Opens models for the profiler on this machine: drafters and targets by name from a models
 * directory (the sample family written by {@code configspec models generate}, or any Optimum
 * export in its own subdirectory), and architecture twins, generated once into a twin directory
 * and reused.
 *
 * @param modelsDirectory where named models live (may not exist if only twins are profiled)
 * @param twinDirectory where twins are generated and cached
 * @param engineOptions how ONNX Runtime runs the models it opens
 */
public record OnnxModelProvider(
    Path modelsDirectory,
    Path twinDirectory,
    EngineOptions engineOptions
) implements ModelProvider {
    @Override
    public Drafter openDrafter(ProfilingRequest request, ProfilingContext context) throws Exception {
        if (request.drafter() != null) {
            ModelCatalog.Entry entry = ModelCatalog.scan(modelsDirectory).find(request.drafter());
            ModelInfo info = info(entry);
            return new Drafter(entry.name(), entry.precision(), info.family(), open(entry.modelFile()), info);
        }
        HuggingFaceConfig config = HuggingFaceConfig.preset(request.twin().preset());
        Precision precision = Precision.parse(request.twin().precision());
        Path dir = twinDirectory.resolve(
            TwinGenerator.directoryName(config, precision, request.twin().layers())
        );
        if (!TwinGenerator.exists(dir)) {
            context.progress(
                0,
                "generating the " + config.name() + " " + precision.cliName() + " twin (once; it is cached)"
            );
            TwinGenerator.generate(
                config,
                precision,
                request.twin().layers(),
                TwinGenerator.DEFAULT_MAX_POSITIONS,
                dir,
                42L,
                context::cancelled
            );
        }
        context.checkCancelled();
        TwinGenerator.TwinIdentity identity = TwinGenerator.TwinIdentity.of(config);
        boolean fullDepth =
            request.twin().layers() == null || request.twin().layers() == config.architecture().layers();
        String id = fullDepth ? identity.drafterId() : dir.getFileName().toString();
        long parameters = TwinGenerator.parameters(dir);
        ModelInfo info = new ModelInfo(
            id,
            identity.family(),
            precision.cliName(),
            parameters,
            directorySize(dir)
        );
        return new Drafter(id, precision.cliName(), identity.family(), open(dir.resolve("model.onnx")), info);
    }

    @Override
    public void checkAvailable(ProfilingRequest request) {
        check("drafter", request.drafter());
        check("target", request.target());
    }

    private void check(String field, String name) {
        if (name == null) {
            return;
        }
        try {
            ModelCatalog.scan(modelsDirectory).find(name);
        } catch (ModelLoadException | RuntimeException e) {
            throw new IllegalArgumentException("field '" + field + "': " + e.getMessage());
        }
    }

    @Override
    public Path targetModelFile(String name) throws Exception {
        return ModelCatalog.scan(modelsDirectory).find(name).modelFile();
    }

    @Override
    public EngineOptions engineOptions() {
        return engineOptions;
    }

    @Override
    public ModelInfo describeTarget(String name) throws Exception {
        return info(ModelCatalog.scan(modelsDirectory).find(name));
    }

    private static ModelInfo info(ModelCatalog.Entry entry) {
        return new ModelInfo(
            entry.name(),
            family(entry.directory()),
            entry.precision(),
            entry.parameters(),
            directorySize(entry.directory())
        );
    }

    private static long directorySize(Path directory) {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files
                .filter(Files::isRegularFile)
                .mapToLong(p -> p.toFile().length())
                .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public TokenDecoder openTarget(String name) throws Exception {
        return open(ModelCatalog.scan(modelsDirectory).find(name).modelFile());
    }

    /**
     * The family's prompts ({@code prompts.txt} beside the models) tokenized with the target's
     * tokenizer; seeded random token ids when either is missing.
     */
    @Override
    public List<int[]> prompts(String target, int count) throws Exception {
        ModelCatalog.Entry entry = ModelCatalog.scan(modelsDirectory).find(target);
        Path promptFile = modelsDirectory.resolve("prompts.txt");
        List<int[]> prompts = new ArrayList<>();
        if (
            Files.isRegularFile(promptFile) &&
            Files.isRegularFile(entry.directory().resolve("tokenizer.json"))
        ) {
            try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.load(entry.directory())) {
                for (String line : Files.readAllLines(promptFile, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && prompts.size() < count) {
                        int[] ids = tokenizer.encode(line);
                        if (ids.length > 0) {
                            prompts.add(ids);
                        }
                    }
                }
            }
        }
        if (prompts.isEmpty()) {
            try (DecoderModel model = DecoderModel.open(entry.modelFile(), engineOptions)) {
                Random random = new Random(7);
                int vocab = model.signature().vocabSize();
                for (int i = 0; i < count; i++) {
                    prompts.add(BoardProfiler.randomTokens(random, 8 + random.nextInt(8), vocab));
                }
            }
        }
        return prompts;
    }

    private TokenDecoder open(Path modelFile) throws ModelLoadException {
        return new OnnxTokenDecoder(DecoderModel.open(modelFile, engineOptions));
    }

    private static String family(Path directory) {
        Path config = directory.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return "";
        }
        try {
            return JsonInput.readTree(config).path("configspec_family").asText("");
        } catch (ProfileException e) {
            return "";
        }
    }
}
