package io.configspec.engine.twins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configspec.engine.samplemodels.DecoderArchitecture;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape of a decoder-only transformer as its Hugging Face {@code config.json} gives it: what
 * an architecture twin must reproduce exactly. Fields follow the {@code transformers} names.
 *
 * @param name the preset name or file the config came from
 * @param modelType {@code model_type} ({@code qwen2}, {@code llama}, ...)
 * @param architecture the decoder's shape, the one a twin's graph is built with: layers {@code
 *     num_hidden_layers}, hidden size {@code hidden_size}, heads {@code num_attention_heads}, KV
 *     heads {@code num_key_value_heads} (= heads when absent: multi-head attention), head size
 *     {@code head_dim} (= hidden_size / heads when absent), MLP width {@code intermediate_size},
 *     vocabulary {@code vocab_size}, positions {@code max_position_embeddings} (2048 when absent),
 *     {@code rope_theta} (10000 when absent), and a final norm before the head (Llama-style)
 * @param tieWordEmbeddings {@code tie_word_embeddings} (the output head shares the embedding)
 */
public record HuggingFaceConfig(
    String name,
    String modelType,
    DecoderArchitecture architecture,
    boolean tieWordEmbeddings
) {
    /** Llama-style decoders (pre-norm, GQA with RoPE, SwiGLU MLP) the twin generator reproduces. */
    public static final Set<String> SUPPORTED_MODEL_TYPES = Set.of(
        "llama",
        "qwen2",
        "qwen3",
        "mistral",
        "olmo2",
        "granite"
    );

    /** Bundled configs, by preset name. */
    public static final List<String> PRESETS = List.of(
        "qwen2.5-0.5b",
        "qwen2.5-1.5b",
        "llama-3.2-1b",
        "tinyllama-1.1b",
        "smollm2-135m"
    );

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A bundled config ({@code qwen2.5-0.5b}, case-insensitive).
     *
     * @throws TwinConfigException naming the known presets if there is no such preset
     */
    public static HuggingFaceConfig preset(String name) throws TwinConfigException {
        String key = name.toLowerCase(Locale.ROOT).strip();
        if (!PRESETS.contains(key)) {
            throw new TwinConfigException(
                name,
                null,
                "no such preset; known presets: " + String.join(", ", PRESETS)
            );
        }
        try (InputStream in = HuggingFaceConfig.class.getResourceAsStream("presets/" + key + ".json")) {
            if (in == null) {
                throw new TwinConfigException(key, null, "preset resource missing from the build");
            }
            return parse(key, MAPPER.readTree(in));
        } catch (IOException e) {
            throw new TwinConfigException(key, null, "cannot read the bundled preset: " + e.getMessage());
        }
    }

    /** Reads a {@code config.json}. */
    public static HuggingFaceConfig read(Path file) throws TwinConfigException {
        String source = file.toString();
        JsonNode json;
        try {
            json = JsonInput.readTree(file); // regular files only, strict UTF-8, bounded
        } catch (ProfileException e) {
            throw new TwinConfigException(source, e);
        }
        return parse(file.getFileName().toString(), json, source);
    }

    static HuggingFaceConfig parse(String name, JsonNode json) throws TwinConfigException {
        return parse(name, json, name);
    }

    private static HuggingFaceConfig parse(String name, JsonNode json, String source)
        throws TwinConfigException {
        if (json == null || !json.isObject()) {
            throw new TwinConfigException(source, null, "must be a JSON object");
        }
        if (json.has("text_config") && !json.has("num_hidden_layers")) {
            json = json.get("text_config"); // multimodal wrappers keep the decoder here
        }
        String modelType = json.path("model_type").asText("");
        if (modelType.isEmpty()) {
            throw new TwinConfigException(source, "model_type", "missing");
        }
        if (!SUPPORTED_MODEL_TYPES.contains(modelType)) {
            throw new TwinConfigException(
                source,
                "model_type",
                "'" +
                    modelType +
                    "' is not a Llama-style decoder this generator reproduces (supported: " +
                    String.join(", ", SUPPORTED_MODEL_TYPES.stream().sorted().toList()) +
                    ")"
            );
        }
        int layers = positiveInt(json, "num_hidden_layers", source);
        int hidden = positiveInt(json, "hidden_size", source);
        int heads = positiveInt(json, "num_attention_heads", source);
        int kvHeads = json.has("num_key_value_heads") && !json.get("num_key_value_heads").isNull()
            ? positiveInt(json, "num_key_value_heads", source)
            : heads;
        if (heads % kvHeads != 0) {
            throw new TwinConfigException(
                source,
                "num_key_value_heads",
                kvHeads + " does not divide num_attention_heads " + heads
            );
        }
        int headDim;
        if (json.has("head_dim") && !json.get("head_dim").isNull()) {
            headDim = positiveInt(json, "head_dim", source);
        } else {
            if (hidden % heads != 0) {
                throw new TwinConfigException(
                    source,
                    "hidden_size",
                    hidden + " is not a multiple of num_attention_heads " + heads
                );
            }
            headDim = hidden / heads;
        }
        if (headDim % 2 != 0) {
            throw new TwinConfigException(
                source,
                "head_dim",
                "must be even for rotary embeddings, is " + headDim
            );
        }
        int intermediate = positiveInt(json, "intermediate_size", source);
        int vocab = positiveInt(json, "vocab_size", source);
        double theta = json.has("rope_theta") ? json.get("rope_theta").asDouble(Double.NaN) : 10000.0;
        if (!(theta > 0)) {
            throw new TwinConfigException(source, "rope_theta", "must be a positive number");
        }
        boolean tie = json.path("tie_word_embeddings").asBoolean(false);
        int maxPositions = json.has("max_position_embeddings")
            ? positiveInt(json, "max_position_embeddings", source)
            : 2048;
        return new HuggingFaceConfig(
            name,
            modelType,
            new DecoderArchitecture(
                layers,
                hidden,
                heads,
                kvHeads,
                headDim,
                intermediate,
                vocab,
                maxPositions,
                true,
                theta
            ),
            tie
        );
    }

    private static int positiveInt(JsonNode json, String field, String source) throws TwinConfigException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw new TwinConfigException(source, field, "missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() <= 0) {
            throw new TwinConfigException(source, field, "must be a positive integer, is " + node);
        }
        return node.intValue();
    }

    /**
     * Weight elements of the real model: embedding, per layer attention (q, k, v, o) and MLP (gate,
     * up, down) and two norms, the final norm, and the head unless tied. Biases (Qwen2's q/k/v)
     * are left out: under 0.1 % of the total.
     */
    public long parameterCount() {
        DecoderArchitecture a = architecture;
        long d = a.hiddenSize();
        long q = (long) a.heads() * a.headDim();
        long kv = (long) a.kvHeads() * a.headDim();
        long attention = d * q + 2 * d * kv + q * d;
        long mlp = 3 * d * a.intermediateSize();
        long block = attention + mlp + 2 * d;
        long embedding = (long) a.vocabSize() * d;
        return embedding + a.layers() * block + d + (tieWordEmbeddings ? 0 : embedding);
    }
}
