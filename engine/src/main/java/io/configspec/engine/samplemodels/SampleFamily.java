package io.configspec.engine.samplemodels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the sample model family: one target and several early-exit drafters over a {@link
 * SampleLanguage}, each in the Optimum layout with a KV cache and a shared {@code
 * tokenizer.json}. Deterministic in {@link Spec#seed()}; no network.
 *
 * <p>Design (details in {@code docs/engine.md}): the hidden size equals the vocabulary and the
 * embedding is the identity, so the residual stream starts as the one-hot current token; the head
 * holds the corpus's bigram log-probabilities, so with no layers the model is the corpus bigram
 * model. Each transformer block adds a small, context-dependent perturbation whose size decays
 * with depth ({@code blockScale × decay^l}). The target has all blocks; a drafter keeps the first
 * few blocks (same weights) and the same head, so more drafter blocks means more of the target's
 * perturbation reproduced, higher acceptance, and higher cost.
 *
 * <p>Output layout: {@code DIR/README.txt} (what was generated), {@code DIR/prompts.txt}, and per model
 * {@code DIR/NAME/model.onnx}, {@code config.json}, {@code tokenizer.json}.
 */
public final class SampleFamily {

    /** Family name written to manifests and profiles. */
    public static final String FAMILY = "configspec-sample";

    /**
     * What to generate.
     *
     * @param seed seed of the language, corpus and weights
     * @param vocabSize vocabulary (= hidden size)
     * @param targetLayers target depth
     * @param drafterLayers depth of each drafter (each < targetLayers)
     * @param drafterPrecisions precisions every drafter is written in
     * @param blockScale size of the first block's contribution to the residual stream
     * @param decay geometric decay of block contributions with depth
     */
    public record Spec(
        long seed,
        int vocabSize,
        int heads,
        int kvHeads,
        int headDim,
        int intermediateSize,
        int targetLayers,
        List<Integer> drafterLayers,
        List<Precision> drafterPrecisions,
        double blockScale,
        double decay
    ) {
        public Spec {
            drafterLayers = List.copyOf(drafterLayers);
            drafterPrecisions = List.copyOf(drafterPrecisions);
            for (int layers : drafterLayers) {
                if (layers < 0 || layers >= targetLayers) {
                    throw new IllegalArgumentException(
                        "drafter layers must be in [0, " + targetLayers + "), was " + layers
                    );
                }
            }
        }

        /** The shipped family: seed 42, 256 tokens, 12-layer target, drafters of 1, 2 and 3 layers. */
        public static Spec defaults() {
            return new Spec(
                42L,
                256,
                8,
                4,
                32,
                512,
                12,
                List.of(1, 2, 3),
                List.of(Precision.FP32, Precision.INT8),
                3.0,
                0.4
            );
        }

        public Spec withSeed(long newSeed) {
            return with(newSeed, targetLayers, drafterLayers, drafterPrecisions, blockScale, decay);
        }

        public Spec withScales(double newBlockScale, double newDecay) {
            return with(seed, targetLayers, drafterLayers, drafterPrecisions, newBlockScale, newDecay);
        }

        /**
         * The same weights with other members: a target of {@code newTargetLayers} blocks and a
         * drafter of each depth in each precision (a smaller family for tests and demos).
         */
        public Spec withMembers(
            int newTargetLayers,
            List<Integer> newDrafterLayers,
            List<Precision> precisions
        ) {
            return with(seed, newTargetLayers, newDrafterLayers, precisions, blockScale, decay);
        }

        /** This spec's vocabulary and block shape with the other components given. */
        private Spec with(
            long newSeed,
            int newTargetLayers,
            List<Integer> newDrafterLayers,
            List<Precision> precisions,
            double newBlockScale,
            double newDecay
        ) {
            return new Spec(
                newSeed,
                vocabSize,
                heads,
                kvHeads,
                headDim,
                intermediateSize,
                newTargetLayers,
                newDrafterLayers,
                precisions,
                newBlockScale,
                newDecay
            );
        }

        DecoderArchitecture architecture(int layers) {
            return new DecoderArchitecture(
                layers,
                vocabSize,
                heads,
                kvHeads,
                headDim,
                intermediateSize,
                vocabSize,
                1024,
                false,
                10000.0
            );
        }
    }

    /** One generated model. */
    public record Member(
        String name,
        String role,
        Precision precision,
        int layers,
        long parameters,
        Path directory
    ) {}

    /** Seed of the bundled prompts (independent of the weights' seed). */
    public static final long PROMPT_SEED = 7L;
    /** Number of bundled prompts. */
    public static final int PROMPT_COUNT = 24;

    private SampleFamily() {}

    /** The bundled prompts of a spec (also written to {@code DIR/prompts.txt}). */
    public static List<String> prompts(Spec spec) {
        return language(spec).prompts(PROMPT_SEED, PROMPT_COUNT, 6, 14);
    }

    private static SampleLanguage language(Spec spec) {
        return new SampleLanguage(spec.seed(), spec.vocabSize(), 200_000);
    }

    /** Name of the target model. */
    public static String targetName(Spec spec) {
        return "target-" + spec.targetLayers() + "l-fp32";
    }

    /** Name of a drafter model. */
    public static String drafterName(int layers, Precision precision) {
        return "draft-" + layers + "l-" + precision.cliName();
    }

    /** Writes the family under {@code directory} (created if needed) and returns its members. */
    public static List<Member> generate(Path directory, Spec spec) throws IOException {
        Files.createDirectories(directory);
        SampleLanguage language = language(spec);
        WeightSource weights = new FamilyWeights(spec, language);
        String tokenizer = language.tokenizerJson();
        MemberWriter member = (name, role, precision, layers) ->
            writeModel(
                directory,
                spec,
                tokenizer,
                name,
                role,
                precision,
                precision.cliName(),
                layers,
                new DecoderGraphBuilder(spec.architecture(layers), precision, weights)
            );
        List<Member> members = new ArrayList<>();
        members.add(member.write(targetName(spec), "target", Precision.FP32, spec.targetLayers()));
        for (int layers : spec.drafterLayers()) {
            for (Precision precision : spec.drafterPrecisions()) {
                members.add(member.write(drafterName(layers, precision), "drafter", precision, layers));
            }
        }
        Files.writeString(
            directory.resolve("prompts.txt"),
            String.join("\n", prompts(spec)) + "\n",
            StandardCharsets.UTF_8
        );
        StringBuilder readme = new StringBuilder()
            .append("Sample model family '")
            .append(FAMILY)
            .append("', generated by 'configspec models generate --seed ")
            .append(spec.seed())
            .append("'. Regenerate rather than edit; see docs/engine.md.\n\n");
        for (Member m : members) {
            readme.append(
                String.format(
                    "%-22s %-8s %-5s %2d layers %,12d parameters%n",
                    m.name(),
                    m.role(),
                    m.precision().cliName(),
                    m.layers(),
                    m.parameters()
                )
            );
        }
        Files.writeString(directory.resolve("README.txt"), readme.toString(), StandardCharsets.UTF_8);
        return members;
    }

    /** Writes one uniform-precision member of the family being generated. */
    @FunctionalInterface
    private interface MemberWriter {
        Member write(String name, String role, Precision precision, int layers) throws IOException;
    }

    /**
     * Writes a mixed-precision drafter of the family (a QPART plan) as {@code root/name}: the
     * first {@code layers} blocks and the head of the family, each linear weight in the precision
     * {@code linearPrecision} gives its {@link WeightSource} name (fp32, int8 or int4), the same
     * weights as every other member. {@code precisionLabel} (e.g. {@code qpart-da0.02}) is its
     * precision in {@code config.json}, so the model catalog and {@code measure} name it so.
     */
    public static Member writeDrafter(
        Path root,
        Spec spec,
        String name,
        int layers,
        java.util.function.Function<String, Precision> linearPrecision,
        String precisionLabel
    ) throws IOException {
        if (layers < 0 || layers >= spec.targetLayers()) {
            throw new IllegalArgumentException(
                "drafter layers must be in [0, " + spec.targetLayers() + "), was " + layers
            );
        }
        Files.createDirectories(root);
        SampleLanguage language = language(spec);
        DecoderArchitecture arch = spec.architecture(layers);
        return writeModel(
            root,
            spec,
            language.tokenizerJson(),
            name,
            "drafter",
            Precision.FP32,
            precisionLabel,
            layers,
            new DecoderGraphBuilder(arch, linearPrecision, precisionLabel, new FamilyWeights(spec, language))
        );
    }

    /** The family's weights (every member reads the same tensors by name). */
    public static WeightSource weights(Spec spec) {
        return new FamilyWeights(spec, language(spec));
    }

    static Member writeModel(
        Path root,
        Spec spec,
        String tokenizer,
        String name,
        String role,
        Precision precision,
        String precisionLabel,
        int layers,
        DecoderGraphBuilder builder
    ) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        DecoderArchitecture arch = spec.architecture(layers);
        long parameters = builder
            .metadata("configspec.role", role)
            .metadata("configspec.family", FAMILY)
            .writeInline(dir.resolve("model.onnx"));
        Files.writeString(dir.resolve("tokenizer.json"), tokenizer, StandardCharsets.UTF_8);
        ObjectNode config = mapper().createObjectNode();
        config.put("model_type", "llama");
        config.put("configspec_family", FAMILY);
        config.put("configspec_role", role);
        config.put("configspec_precision", precisionLabel);
        config.put("configspec_parameters", parameters);
        config.put("configspec_seed", spec.seed());
        arch.putHuggingFaceShape(config);
        config.put("max_position_embeddings", arch.maxPositions());
        config.put("tie_word_embeddings", false);
        mapper().writeValue(dir.resolve("config.json").toFile(), config);
        return new Member(name, role, precision, layers, parameters, dir);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Identity embedding, bigram head, random blocks with decaying output scale. */
    static final class FamilyWeights implements WeightSource {

        private final Spec spec;
        private final SampleLanguage language;
        private final RandomWeights random;

        FamilyWeights(Spec spec, SampleLanguage language) {
            this.spec = spec;
            this.language = language;
            this.random = new RandomWeights(spec.seed() * 31 + 17);
        }

        @Override
        public float[] weight(String name, int rows, int cols) {
            int v = spec.vocabSize();
            if (name.equals("embed")) {
                float[] e = new float[v * v];
                for (int i = 0; i < v; i++) {
                    e[i * v + i] = 1f;
                }
                return e;
            }
            if (name.equals("lm_head")) {
                double[][] lp = language.bigramLogProbabilities();
                float[] head = new float[v * v];
                for (int a = 0; a < v; a++) {
                    double mean = 0;
                    for (int b = 0; b < v; b++) {
                        mean += lp[a][b];
                    }
                    mean /= v;
                    for (int b = 0; b < v; b++) {
                        head[a * v + b] = (float) (lp[a][b] - mean);
                    }
                }
                return head;
            }
            float[] w = random.weight(name, rows, cols);
            if (name.endsWith(".attn.o") || name.endsWith(".mlp.down")) {
                int layer = Integer.parseInt(name.split("\\.")[1]);
                double scale = (spec.blockScale() * Math.pow(spec.decay(), layer)) / Math.sqrt(v);
                // Zero-sum outputs: a block never shifts every token's logit alike, so tokens the
                // corpus never saw after any word (a constant head column) stay unlikely.
                for (int r = 0; r < rows; r++) {
                    double mean = 0;
                    for (int c = 0; c < cols; c++) {
                        mean += w[r * cols + c];
                    }
                    mean /= cols;
                    for (int c = 0; c < cols; c++) {
                        w[r * cols + c] = (float) ((w[r * cols + c] - mean) * scale);
                    }
                }
            }
            return w;
        }
    }
}
