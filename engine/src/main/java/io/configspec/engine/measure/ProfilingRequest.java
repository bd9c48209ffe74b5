package io.configspec.engine.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.twins.HuggingFaceConfig;
import io.configspec.engine.twins.TwinConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a profiling job measures: a drafter (a model by name in the board's model directory, or an
 * architecture twin generated on the board), K values and context lengths, and how many rounds.
 * The JSON body of {@code POST /api/v1/jobs} and the desktop's in-process runs.
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
    /** Model names: a directory name, no path separators or leading dots. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final Set<String> FIELDS = Set.of(
        "drafter",
        "twin",
        "target",
        "kValues",
        "contextLengths",
        "warmupRounds",
        "rounds",
        "repetitions",
        "idleSeconds",
        "verifyBatchSizes",
        "prompts"
    );

    public ProfilingRequest {
        if ((drafter == null) == (twinPreset == null)) {
            throw new IllegalArgumentException("give exactly one of 'drafter' and 'twin'");
        }
        if (drafter != null && !NAME.matcher(drafter).matches()) {
            throw new IllegalArgumentException("field 'drafter': not a model name: '" + drafter + "'");
        }
        if (target != null && !NAME.matcher(target).matches()) {
            throw new IllegalArgumentException("field 'target': not a model name: '" + target + "'");
        }
        if (twinPreset != null) {
            if (!NAME.matcher(twinPreset).matches()) {
                throw new IllegalArgumentException(
                    "field 'twin.preset': not a preset name: '" + twinPreset + "'"
                );
            }
            if (twinPrecision == null || !Set.of("int8", "int4", "fp32", "fp16").contains(twinPrecision)) {
                throw new IllegalArgumentException(
                    "field 'twin.precision': must be int8, int4, fp16 or fp32, was " + twinPrecision
                );
            }
            int presetLayers = presetLayers(twinPreset);
            if (twinLayers != null && (twinLayers < 1 || twinLayers > presetLayers)) {
                throw new IllegalArgumentException(
                    "field 'twin.layers': " +
                        twinPreset +
                        " has " +
                        presetLayers +
                        " layers, so layers must be 1-" +
                        presetLayers +
                        ", was " +
                        twinLayers
                );
            }
        }
        kValues = checkedList("kValues", kValues, 1, 32, 16, false);
        contextLengths = checkedList("contextLengths", contextLengths, 1, 8192, 8, false);
        verifyBatchSizes = checkedList("verifyBatchSizes", verifyBatchSizes, 1, 64, 8, true);
        range("warmupRounds", warmupRounds, 0, 100);
        range("rounds", rounds, 1, 1000);
        range("repetitions", repetitions, 1, 20);
        range("prompts", prompts, 1, 100);
        if (!(idleSeconds >= 0 && idleSeconds <= 60)) {
            throw new IllegalArgumentException("field 'idleSeconds': must be 0-60, was " + idleSeconds);
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
            throw new IllegalArgumentException(
                "field 'twin.preset': no preset '" +
                    preset +
                    "'; known presets: " +
                    String.join(", ", HuggingFaceConfig.PRESETS)
            );
        }
    }

    /** A drafter by name with the defaults: K ∈ {1, 2, 4, 8}, context 32, 2 warm-up, 10 rounds, 3 repetitions. */
    public static ProfilingRequest forDrafter(String drafter) {
        return new ProfilingRequest(
            drafter,
            null,
            null,
            null,
            null,
            List.of(1, 2, 4, 8),
            List.of(32),
            2,
            10,
            3,
            1.0,
            List.of(),
            8
        );
    }

    /** A twin of a bundled preset with the defaults of {@link #forDrafter}. */
    public static ProfilingRequest forTwin(String preset, String precision, Integer layers) {
        return new ProfilingRequest(
            null,
            preset,
            precision,
            layers,
            null,
            List.of(1, 2, 4, 8),
            List.of(32),
            2,
            10,
            3,
            1.0,
            List.of(),
            8
        );
    }

    public ProfilingRequest withTarget(String newTarget) {
        return new ProfilingRequest(
            drafter,
            twinPreset,
            twinPrecision,
            twinLayers,
            newTarget,
            kValues,
            contextLengths,
            warmupRounds,
            rounds,
            repetitions,
            idleSeconds,
            verifyBatchSizes,
            prompts
        );
    }

    public ProfilingRequest withKValues(List<Integer> newKValues) {
        return new ProfilingRequest(
            drafter,
            twinPreset,
            twinPrecision,
            twinLayers,
            target,
            newKValues,
            contextLengths,
            warmupRounds,
            rounds,
            repetitions,
            idleSeconds,
            verifyBatchSizes,
            prompts
        );
    }

    public ProfilingRequest withRounds(int newWarmupRounds, int newRounds, int newRepetitions) {
        return new ProfilingRequest(
            drafter,
            twinPreset,
            twinPrecision,
            twinLayers,
            target,
            kValues,
            contextLengths,
            newWarmupRounds,
            newRounds,
            newRepetitions,
            idleSeconds,
            verifyBatchSizes,
            prompts
        );
    }

    public ProfilingRequest withIdleSeconds(double newIdleSeconds) {
        return new ProfilingRequest(
            drafter,
            twinPreset,
            twinPrecision,
            twinLayers,
            target,
            kValues,
            contextLengths,
            warmupRounds,
            rounds,
            repetitions,
            newIdleSeconds,
            verifyBatchSizes,
            prompts
        );
    }

    public ProfilingRequest withContextLengths(List<Integer> newContextLengths) {
        return new ProfilingRequest(
            drafter,
            twinPreset,
            twinPrecision,
            twinLayers,
            target,
            kValues,
            newContextLengths,
            warmupRounds,
            rounds,
            repetitions,
            idleSeconds,
            verifyBatchSizes,
            prompts
        );
    }

    public ProfilingRequest withVerification(List<Integer> batchSizes, int newPrompts) {
        return new ProfilingRequest(
            drafter,
            twinPreset,
            twinPrecision,
            twinLayers,
            target,
            kValues,
            contextLengths,
            warmupRounds,
            rounds,
            repetitions,
            idleSeconds,
            batchSizes,
            newPrompts
        );
    }

    /** The drafter's display name: its model name, or {@code twin-PRESET-PRECISION}. */
    public String drafterLabel() {
        return drafter != null ? drafter : "twin-" + twinPreset + "-" + twinPrecision;
    }

    /**
     * Reads a request from JSON, applying the defaults of {@link #forDrafter} to absent fields.
     *
     * @throws IllegalArgumentException naming the field and the problem
     */
    public static ProfilingRequest fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the request must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
        }
        String drafter = text(json, "drafter");
        String preset = null;
        String precision = null;
        Integer layers = null;
        JsonNode twin = json.get("twin");
        if (twin != null && !twin.isNull()) {
            if (!twin.isObject()) {
                throw new IllegalArgumentException(
                    "field 'twin': must be an object with 'preset' and 'precision'"
                );
            }
            for (Iterator<String> names = twin.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!Set.of("preset", "precision", "layers").contains(name)) {
                    throw new IllegalArgumentException("unknown field 'twin." + name + "'");
                }
            }
            preset = text(twin, "preset");
            if (preset == null) {
                throw new IllegalArgumentException("field 'twin.preset': missing");
            }
            preset = preset.toLowerCase(Locale.ROOT);
            precision = text(twin, "precision");
            precision = precision == null ? null : precision.toLowerCase(Locale.ROOT);
            if (twin.has("layers")) {
                layers = integer(twin, "twin.layers", "layers", 0);
            }
        }
        ProfilingRequest defaults = forDrafter("x");
        return new ProfilingRequest(
            drafter,
            preset,
            precision,
            layers,
            text(json, "target"),
            ints(json, "kValues", defaults.kValues()),
            ints(json, "contextLengths", defaults.contextLengths()),
            integer(json, "warmupRounds", "warmupRounds", defaults.warmupRounds()),
            integer(json, "rounds", "rounds", defaults.rounds()),
            integer(json, "repetitions", "repetitions", defaults.repetitions()),
            number(json, "idleSeconds", defaults.idleSeconds()),
            ints(json, "verifyBatchSizes", List.of()),
            integer(json, "prompts", "prompts", defaults.prompts())
        );
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (drafter != null) {
            json.put("drafter", drafter);
        } else {
            ObjectNode twin = json.putObject("twin");
            twin.put("preset", twinPreset);
            twin.put("precision", twinPrecision);
            if (twinLayers != null) {
                twin.put("layers", twinLayers);
            }
        }
        if (target != null) {
            json.put("target", target);
        }
        ArrayNode k = json.putArray("kValues");
        kValues.forEach(k::add);
        ArrayNode c = json.putArray("contextLengths");
        contextLengths.forEach(c::add);
        json.put("warmupRounds", warmupRounds);
        json.put("rounds", rounds);
        json.put("repetitions", repetitions);
        json.put("idleSeconds", idleSeconds);
        ArrayNode b = json.putArray("verifyBatchSizes");
        verifyBatchSizes.forEach(b::add);
        json.put("prompts", prompts);
        return json;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "': must be a string");
        }
        return node.asText();
    }

    private static int integer(JsonNode json, String label, String field, int fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + label + "': must be an integer, was " + node);
        }
        return node.intValue();
    }

    private static double number(JsonNode json, String field, double fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "': must be a number, was " + node);
        }
        return node.doubleValue();
    }

    private static List<Integer> ints(JsonNode json, String field, List<Integer> fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("field '" + field + "': must be an array of integers");
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                throw new IllegalArgumentException(
                    "field '" + field + "': must be an array of integers, found " + element
                );
            }
            values.add(element.intValue());
        }
        return values;
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                "field '" + field + "': must be " + min + "-" + max + ", was " + value
            );
        }
    }

    private static List<Integer> checkedList(
        String field,
        List<Integer> values,
        int min,
        int max,
        int maxSize,
        boolean mayBeEmpty
    ) {
        if (values == null) {
            values = List.of();
        }
        if (values.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException("field '" + field + "': must not be empty");
        }
        if (values.size() > maxSize) {
            throw new IllegalArgumentException(
                "field '" + field + "': at most " + maxSize + " values, got " + values.size()
            );
        }
        for (Integer v : values) {
            if (v == null || v < min || v > max) {
                throw new IllegalArgumentException(
                    "field '" + field + "': each value must be " + min + "-" + max + ", was " + v
                );
            }
        }
        return values.stream().distinct().sorted().toList();
    }
}
