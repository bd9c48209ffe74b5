package io.configspec.engine.qpart;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileException;
import io.configspec.model.qpart.ModelLayers;
import io.configspec.model.qpart.PlannerLayer;
import io.configspec.model.qpart.QpartInputException;
import io.configspec.model.qpart.SensitivityCalibration;
import io.configspec.model.qpart.SensitivityCalibrationFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a model's planner layers (one per transformer block, then the output head) from a Hugging
 * Face {@code config.json} or a model directory holding one: parameters and FLOPs per token from
 * the shape ({@code num_hidden_layers}, {@code hidden_size}, {@code num_attention_heads}, {@code
 * num_key_value_heads}, {@code head_dim}, {@code intermediate_size}, {@code vocab_size}, {@code
 * tie_word_embeddings}); each layer's weight range R (max − min over its matrices) from the
 * directory's {@code model.onnx} when its linear weights are fp32 initialisers, else 1 (the
 * planner then plans on relative noise only); the sensitivity calibration from the directory's
 * {@value SensitivityCalibrationFile#FILE_NAME} when there is one.
 *
 * <p>Planner layer names are {@code block 0 … block L−1} and {@code head}; {@link
 * #weightPrefix(String)} gives the weight names they cover in the engine's decoders.
 */
public final class ModelLayersReader {

    /** Name of the output head's planner layer. */
    public static final String HEAD = "head";

    private ModelLayersReader() {}

    /** The weight-name prefix a planner layer covers ({@code layers.2.} for {@code block 2}, {@code lm_head} for the head). */
    public static String weightPrefix(String layerName) {
        if (layerName.equals(HEAD)) {
            return "lm_head";
        }
        if (layerName.startsWith("block ")) {
            return "layers." + layerName.substring("block ".length()) + ".";
        }
        throw new IllegalArgumentException("not a planner layer name: " + layerName);
    }

    /** The planner layer a linear weight belongs to ({@code layers.2.mlp.up} → {@code block 2}). */
    public static String layerOf(String weightName) {
        if (weightName.equals("lm_head")) {
            return HEAD;
        }
        if (weightName.startsWith("layers.")) {
            String rest = weightName.substring("layers.".length());
            return "block " + rest.substring(0, rest.indexOf('.'));
        }
        throw new IllegalArgumentException("not a planned weight: " + weightName);
    }

    /**
     * Reads {@code path}: a {@code config.json} file, or a directory with one (and optionally a
     * {@code model.onnx} and a calibration).
     *
     * @throws QpartInputException naming the file and field at fault
     */
    public static ModelLayers read(Path path) throws QpartInputException {
        Path dir;
        Path config;
        if (Files.isDirectory(path)) {
            dir = path;
            config = path.resolve("config.json");
        } else {
            dir = path.toAbsolutePath().getParent();
            config = path;
        }
        if (Files.notExists(config)) {
            throw new QpartInputException(
                config +
                    ": no such file (--model takes a Hugging Face config.json or a model directory holding one)"
            );
        }
        JsonNode json;
        try {
            json = JsonInput.readTree(config);
        } catch (ProfileException e) {
            throw new QpartInputException(e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new QpartInputException(config + ": must be a JSON object");
        }
        int layers = integer(config, json, "num_hidden_layers", 0);
        int d = integer(config, json, "hidden_size", 1);
        int heads = integer(config, json, "num_attention_heads", 1);
        int kvHeads = json.has("num_key_value_heads")
            ? integer(config, json, "num_key_value_heads", 1)
            : heads;
        int headDim = json.has("head_dim") ? integer(config, json, "head_dim", 1) : d / heads;
        int intermediate = integer(config, json, "intermediate_size", 1);
        int vocab = integer(config, json, "vocab_size", 1);
        boolean tied = json.path("tie_word_embeddings").asBoolean(false);
        if (headDim < 1) {
            throw new QpartInputException(
                config +
                    ": hidden_size " +
                    d +
                    " / num_attention_heads " +
                    heads +
                    " gives no head width; give head_dim"
            );
        }
        long qDim = (long) heads * headDim;
        long kvDim = (long) kvHeads * headDim;
        long blockMatrices = d * qDim + 2L * d * kvDim + qDim * d + 3L * d * intermediate;
        long blockNorms = 4L * d;
        long head = (long) d * vocab;
        Map<String, double[]> ranges = weightRanges(dir.resolve("model.onnx"));
        List<PlannerLayer> planner = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            String name = "block " + l;
            planner.add(
                new PlannerLayer(name, blockMatrices, 2.0 * blockMatrices, range(ranges, name), 1, 4L * d)
            );
        }
        planner.add(new PlannerLayer(HEAD, head, 2.0 * head, range(ranges, HEAD), 1, 0));
        long fixed = (tied ? 0 : (long) vocab * d) + layers * blockNorms + 2L * d;
        Optional<SensitivityCalibration> calibration = Optional.empty();
        Path calibrationFile = dir.resolve(SensitivityCalibrationFile.FILE_NAME);
        if (Files.isRegularFile(calibrationFile)) {
            try {
                calibration = Optional.of(SensitivityCalibrationFile.read(calibrationFile));
            } catch (ProfileException e) {
                throw new QpartInputException(e.getMessage());
            }
        }
        String model = json.path("_name_or_path").asText("");
        if (model.isBlank()) {
            model = dir.getFileName() == null ? config.toString() : dir.getFileName().toString();
        }
        String source = ranges.isEmpty()
            ? config + " (weight ranges unknown: R = 1)"
            : config + " and " + dir.resolve("model.onnx") + " (weight ranges)";
        return new ModelLayers(model, source, planner, fixed, calibration);
    }

    /** R per planner layer from the fp32 linear initialisers of {@code modelFile}; empty when there are none. */
    static Map<String, double[]> weightRanges(Path modelFile) throws QpartInputException {
        Map<String, double[]> ranges = new HashMap<>();
        if (!Files.isRegularFile(modelFile)) {
            return ranges;
        }
        OnnxMl.ModelProto model;
        try (InputStream in = Files.newInputStream(modelFile)) {
            model = OnnxMl.ModelProto.parseFrom(in);
        } catch (IOException e) {
            throw new QpartInputException(
                modelFile + ": not a readable ONNX model (" + firstLine(e.getMessage()) + ")"
            );
        }
        for (OnnxMl.TensorProto t : model.getGraph().getInitializerList()) {
            String name = t.getName();
            boolean linear =
                name.equals("lm_head") ||
                (name.startsWith("layers.") && (name.contains(".attn.") || name.contains(".mlp.")));
            if (!linear || t.getDataType() != OnnxMl.TensorProto.DataType.FLOAT.getNumber()) {
                continue;
            }
            double[] minMax = ranges.computeIfAbsent(layerOf(name), k ->
                new double[] { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }
            );
            if (!t.getRawData().isEmpty()) {
                ByteBuffer buffer = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                while (buffer.remaining() >= 4) {
                    float v = buffer.getFloat();
                    minMax[0] = Math.min(minMax[0], v);
                    minMax[1] = Math.max(minMax[1], v);
                }
            } else {
                for (float v : t.getFloatDataList()) {
                    minMax[0] = Math.min(minMax[0], v);
                    minMax[1] = Math.max(minMax[1], v);
                }
            }
        }
        return ranges;
    }

    private static double range(Map<String, double[]> ranges, String layer) {
        double[] minMax = ranges.get(layer);
        if (minMax == null || !(minMax[1] > minMax[0])) {
            return 1;
        }
        return minMax[1] - minMax[0];
    }

    private static int integer(Path config, JsonNode json, String field, int least)
        throws QpartInputException {
        JsonNode node = json.get(field);
        if (node == null) {
            throw new QpartInputException(config + ": " + field + " is missing");
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < least) {
            throw new QpartInputException(
                config + ": " + field + " must be a whole number ≥ " + least + " but is " + node
            );
        }
        return node.asInt();
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.strip().lines().findFirst().orElse("no detail");
    }
}
