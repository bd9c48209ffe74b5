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
import java.util.Map;
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
 * @param twinPreset a bundled Hugging Face config name ({@code qwen2.5-0.5b}), or null with a drafter
 * @param twinPrecision {@code int8} or {@code int4} for a twin; null otherwise
 * @param twinLayers layers of the twin to build (null = all of the config's); fewer layers give a
 *     quick twin whose per-layer cost is scaled up, see {@code TwinScaling}
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
    String twinPreset,
    String twinPrecision,
    Integer twinLayers,
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

    public ProfilingRequest {
        twinPreset = twinPreset == null ? null : twinPreset.toLowerCase(Locale.ROOT);
        twinPrecision = twinPrecision == null ? null : twinPrecision.toLowerCase(Locale.ROOT);
        kValues = sortedDistinct(kValues);
        contextLengths = sortedDistinct(contextLengths);
        verifyBatchSizes = sortedDistinct(verifyBatchSizes);
        if ((drafter == null) == (twinPreset == null)) {
            throw new IllegalArgumentException("give exactly one of 'drafter' and 'twin'");
        }
        ObjectNode flat = MAPPER.createObjectNode()
            .put("drafter", drafter)
            .put("twinPreset", twinPreset)
            .put("twinPrecision", twinPrecision)
            .put("twinLayers", twinLayers)
            .put("target", target)
            .put("warmupRounds", warmupRounds)
            .put("rounds", rounds)
            .put("repetitions", repetitions)
            .put("idleSeconds", idleSeconds)
            .put("prompts", prompts);
        flat.set("kValues", MAPPER.valueToTree(kValues));
        flat.set("contextLengths", MAPPER.valueToTree(contextLengths));
        flat.set("verifyBatchSizes", MAPPER.valueToTree(verifyBatchSizes));
        check(grouped(flat));
        int layers = twinPreset == null ? Integer.MAX_VALUE : presetLayers(twinPreset);
        if (twinLayers != null && twinLayers > layers) {
            String rule = "field 'twin.layers': %s has %d layers, so layers must be 1-%d, was %d";
            throw new IllegalArgumentException(rule.formatted(twinPreset, layers, layers, twinLayers));
        }
        if (!verifyBatchSizes.isEmpty() && target == null) {
            throw new IllegalArgumentException("field 'verifyBatchSizes': needs a 'target'");
        }
    }

    /** The layers of a bundled preset; an unknown preset is refused naming the known ones. */
    private static int presetLayers(String preset) {
        try {
            return HuggingFaceConfig.preset(preset).layers();
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
            grouped(
                MAPPER.createObjectNode()
                    .put("twinPreset", preset)
                    .put("twinPrecision", precision)
                    .put("twinLayers", layers)
            )
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
        return drafter != null ? drafter : "twin-" + twinPreset + "-" + twinPrecision;
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
        JsonNode twin = body.remove("twin");
        for (var part : twin == null ? List.<Map.Entry<String, JsonNode>>of() : twin.properties()) {
            body.set(
                "twin" + part.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + part.getKey().substring(1),
                part.getValue()
            );
        }
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
        return grouped(MAPPER.valueToTree(this));
    }

    /**
     * The JSON form of a flat tree (the record's component names): {@code twinPreset}, {@code
     * twinPrecision} and {@code twinLayers} as the {@code twin} object, nulls left out.
     */
    private static ObjectNode grouped(ObjectNode flat) {
        ObjectNode json = MAPPER.createObjectNode();
        flat
            .properties()
            .forEach(field -> {
                String name = field.getKey();
                if (field.getValue().isNull()) {
                    return;
                }
                if (name.startsWith("twin")) {
                    json
                        .withObjectProperty("twin")
                        .set(name.substring(4).toLowerCase(Locale.ROOT), field.getValue());
                } else {
                    json.set(name, field.getValue());
                }
            });
        return json;
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
