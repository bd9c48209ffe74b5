package io.configspec.engine.measure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.twins.HuggingFaceConfig;
import io.configspec.engine.twins.TwinConfigException;
import io.configspec.model.io.ProfileSchemas;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a profiling job measures: a drafter (a model by name in the board's model directory, or an
 * architecture twin generated on the board), K values and context lengths, and how many rounds.
 * The JSON body of {@code POST /api/v1/jobs} and the desktop's in-process runs.
 *
 * <p>The schema {@code docs/schema/profiling-request.schema.json} is the contract: it holds the
 * ranges and the defaults, and every request is checked against it, whether read from JSON or
 * built in code; the constructor adds only what a schema cannot say (exactly one of drafter and
 * twin, a twin's layers within its preset's, verification batch sizes only with a target).
 *
 * @param drafter a model directory name under the board's model directory, or null with a twin
 * @param twin an architecture twin to generate on the board, or null with a drafter
 * @param target a target model name for acceptance and verification latency, or null
 * @param kValues speculative lengths to measure, each 1–32
 * @param contextLengths context lengths in tokens to measure at, each 1–8192
 * @param warmupRounds rounds run and discarded before each measurement, 0–100
 * @param rounds measured drafting rounds per (K, context) cell and repetition, 1–1000
 * @param repetitions independent repetitions of each cell (for confidence intervals), 1–20
 * @param idleSeconds seconds of idle power measured before drafting, 0–60
 * @param verifyBatchSizes batch sizes for verification latency (needs a target), each 1–64
 * @param prompts prompts used for acceptance (needs a target), 1–100
 */
public record ProfilingRequest(
    String drafter,
    Twin twin,
    String target,
    List<Integer> kValues,
    List<Integer> contextLengths,
    int warmupRounds,
    int rounds,
    int repetitions,
    double idleSeconds,
    List<Integer> verifyBatchSizes,
    int prompts
) {
    /** The schema of the JSON form, {@code docs/schema/profiling-request.schema.json}. */
    public static final String SCHEMA = "profiling-request";

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL)
        )
        .build();

    /**
     * An architecture twin of a bundled Hugging Face config, generated on the board (the
     * request's {@code twin} object).
     *
     * @param preset the config's name ({@code qwen2.5-0.5b})
     * @param precision {@code int8}, {@code int4}, {@code fp16} or {@code fp32}
     * @param layers layers to build (null = all of the config's); fewer layers give a quick twin
     *     whose per-layer cost is scaled up, see {@code TwinScaling}
     */
    public record Twin(String preset, String precision, Integer layers) {
        public Twin {
            preset = preset == null ? null : preset.toLowerCase(Locale.ROOT);
            precision = precision == null ? null : precision.toLowerCase(Locale.ROOT);
        }
    }

    public ProfilingRequest {
        kValues = sortedDistinct(kValues);
        contextLengths = sortedDistinct(contextLengths);
        verifyBatchSizes = sortedDistinct(verifyBatchSizes);
        if ((drafter == null) == (twin == null)) {
            throw new IllegalArgumentException("give exactly one of 'drafter' and 'twin'");
        }
        ObjectNode json = MAPPER.createObjectNode()
            .put("drafter", drafter)
            .put("target", target)
            .put("warmupRounds", warmupRounds)
            .put("rounds", rounds)
            .put("repetitions", repetitions)
            .put("idleSeconds", idleSeconds)
            .put("prompts", prompts);
        json.set("twin", MAPPER.valueToTree(twin));
        json.set("kValues", MAPPER.valueToTree(kValues));
        json.set("contextLengths", MAPPER.valueToTree(contextLengths));
        json.set("verifyBatchSizes", MAPPER.valueToTree(verifyBatchSizes));
        json.properties().removeIf(field -> field.getValue().isNull());
        check(json);
        int layers = twin == null ? Integer.MAX_VALUE : presetLayers(twin.preset());
        if (twin != null && twin.layers() != null && twin.layers() > layers) {
            String rule = "field 'twin.layers': %s has %d layers, so layers must be 1-%d, was %d";
            throw new IllegalArgumentException(rule.formatted(twin.preset(), layers, layers, twin.layers()));
        }
        if (!verifyBatchSizes.isEmpty() && target == null) {
            throw new IllegalArgumentException("field 'verifyBatchSizes': needs a 'target'");
        }
    }

    /** The layers of a bundled preset; an unknown preset is refused naming the known ones. */
    private static int presetLayers(String preset) {
        try {
            return HuggingFaceConfig.preset(preset).architecture().layers();
        } catch (TwinConfigException e) {
            String known = String.join(", ", HuggingFaceConfig.PRESETS);
            throw new IllegalArgumentException(
                "field 'twin.preset': no preset '" + preset + "'; known presets: " + known
            );
        }
    }

    /** A drafter by name with the schema's defaults: K ∈ {1, 2, 4, 8}, context 32, 2 warm-up, 10 rounds, 3 repetitions. */
    public static ProfilingRequest forDrafter(String drafter) {
        return fromJson(MAPPER.createObjectNode().put("drafter", drafter));
    }

    /** A twin of a bundled preset ({@code layers} null: all of its layers) with the defaults of {@link #forDrafter}. */
    public static ProfilingRequest forTwin(String preset, String precision, Integer layers) {
        return fromJson(
            MAPPER.createObjectNode().set("twin", MAPPER.valueToTree(new Twin(preset, precision, layers)))
        );
    }

    public ProfilingRequest withTarget(String newTarget) {
        return with("target", newTarget);
    }

    public ProfilingRequest withKValues(List<Integer> newKValues) {
        return with("kValues", newKValues);
    }

    public ProfilingRequest withRounds(int newWarmupRounds, int newRounds, int newRepetitions) {
        return with("warmupRounds", newWarmupRounds)
            .with("rounds", newRounds)
            .with("repetitions", newRepetitions);
    }

    public ProfilingRequest withIdleSeconds(double newIdleSeconds) {
        return with("idleSeconds", newIdleSeconds);
    }

    public ProfilingRequest withContextLengths(List<Integer> newContextLengths) {
        return with("contextLengths", newContextLengths);
    }

    public ProfilingRequest withVerification(List<Integer> batchSizes, int newPrompts) {
        return with("verifyBatchSizes", batchSizes).with("prompts", newPrompts);
    }

    /** This request with one field of its JSON form replaced ({@code null}: removed, so its default applies). */
    private ProfilingRequest with(String field, Object value) {
        ObjectNode json = toJson();
        if (value == null) {
            json.remove(field);
        } else {
            json.set(field, MAPPER.valueToTree(value));
        }
        return fromJson(json);
    }

    /** The drafter's display name: its model name, or {@code twin-PRESET-PRECISION}. */
    public String drafterLabel() {
        return drafter != null ? drafter : "twin-" + twin.preset() + "-" + twin.precision();
    }

    /**
     * Reads a request from JSON: checked against the schema, whose defaults fill absent fields.
     *
     * @throws IllegalArgumentException one sentence naming the field and the problem
     */
    public static ProfilingRequest fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the request must be a JSON object");
        }
        ObjectNode body = json.deepCopy();
        check(body);
        try {
            return MAPPER.treeToValue(body, ProfilingRequest.class);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw new IllegalArgumentException("the request cannot be read (" + e.getOriginalMessage() + ")");
        }
    }

    /** The JSON form, as {@link #fromJson} reads it (valid against the schema). */
    public ObjectNode toJson() {
        return MAPPER.valueToTree(this);
    }

    /** The schema's first complaint about {@code json} (defaults filled in place), as an exception. */
    private static void check(JsonNode json) {
        ProfileSchemas.firstViolation(SCHEMA, json).ifPresent(v -> {
            throw new IllegalArgumentException(
                v.keyword().equals("additionalProperties")
                    ? "unknown field '" + v.field() + "'"
                    : "field '" + v.field() + "': " + v.reason()
            );
        });
    }

    private static List<Integer> sortedDistinct(List<Integer> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().anyMatch(Objects::isNull)
            ? values
            : values.stream().distinct().sorted().toList();
    }
}
