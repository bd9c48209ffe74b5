package io.configspec.engine.qpart;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileException;
import io.configspec.model.qpart.QpartInputException;
import io.configspec.model.qpart.QpartPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds QPART-planned drafters of the sample family as ONNX models: one graph whose linear
 * weights take each planner layer's width (4 bits: {@code com.microsoft.MatMulNBits}, blocks of
 * 32; 8 bits: per-channel int8 with {@code MatMulInteger}; 16: fp32), written beside the family's
 * other models so {@code measure} and the model catalog find it. Widths 2 and 3 have no ONNX
 * Runtime kernel (decision 0070) and are refused.
 */
public final class PlannedDrafters {

    /** The widths the engine builds. */
    public static final List<Integer> BUILDABLE_BITS = List.of(4, 8, 16);

    private PlannedDrafters() {}

    /** The precision a width is built in. */
    public static Precision precisionOf(int bits) throws QpartInputException {
        return switch (bits) {
            case 4 -> Precision.INT4;
            case 8 -> Precision.INT8;
            case 16 -> Precision.FP32;
            default -> throw new QpartInputException(
                bits +
                    "-bit layers cannot be built: ONNX Runtime has no " +
                    bits +
                    "-bit kernel (buildable widths: 4, 8, 16)"
            );
        };
    }

    /** The quantisation id of a plan at an acceptance budget, e.g. {@code qpart-da0.02}. */
    public static String quantizationId(double budgetAcceptanceDrop) {
        return (
            "qpart-da" +
            new java.math.BigDecimal(Double.toString(budgetAcceptanceDrop))
                .stripTrailingZeros()
                .toPlainString()
        );
    }

    /**
     * The sample-family spec behind a model directory ({@code config.json}'s {@code configspec_family}
     * and {@code configspec_seed}).
     *
     * @throws QpartInputException when the directory is not a sample-family model
     */
    public static SampleFamily.Spec familySpec(Path modelDir) throws QpartInputException {
        Path config = modelDir.resolve("config.json");
        JsonNode json;
        try {
            json = JsonInput.readTree(config);
        } catch (ProfileException e) {
            throw new QpartInputException(e.getMessage());
        }
        if (json == null || !SampleFamily.FAMILY.equals(json.path("configspec_family").asText())) {
            throw new QpartInputException(
                config +
                    ": configspec_family is not " +
                    SampleFamily.FAMILY +
                    ", and only the sample family's drafters can be rebuilt (their weights are generated)"
            );
        }
        SampleFamily.Spec spec = SampleFamily.Spec.defaults().withSeed(
            json.path("configspec_seed").asLong(42L)
        );
        if (json.path("vocab_size").asInt() != spec.vocabSize()) {
            throw new QpartInputException(
                config +
                    ": vocab_size " +
                    json.path("vocab_size") +
                    " is not the sample family's " +
                    spec.vocabSize()
            );
        }
        return spec;
    }

    /**
     * Writes the drafter {@code plan} describes as {@code modelsDir/name}: the sample family's first
     * {@code plan} blocks and its head, each at its planned width.
     *
     * @throws QpartInputException when the plan splits the drafter (a server part cannot be built
     *     into a drafter) or uses a width without a kernel
     */
    public static SampleFamily.Member build(
        Path modelsDir,
        SampleFamily.Spec spec,
        QpartPlan plan,
        String name,
        String precisionLabel
    ) throws QpartInputException, IOException {
        if (!plan.wholeModelOnDevice()) {
            throw new QpartInputException(
                "the plan runs layers after " +
                    plan.partition() +
                    " on the server; only a drafter that runs whole on the device can be built"
            );
        }
        Map<String, Precision> byLayer = new HashMap<>();
        for (QpartPlan.LayerPlan layer : plan.layers()) {
            byLayer.put(layer.name(), precisionOf(layer.bits()));
        }
        return build(modelsDir, spec, plan.layers().size() - 1, byLayer, name, precisionLabel);
    }

    /**
     * Writes a drafter of {@code blocks} blocks whose planner layers take the precisions in {@code
     * byLayer} (layers not named stay fp32).
     */
    public static SampleFamily.Member build(
        Path modelsDir,
        SampleFamily.Spec spec,
        int blocks,
        Map<String, Precision> byLayer,
        String name,
        String precisionLabel
    ) throws IOException {
        Map<String, Precision> copy = Map.copyOf(byLayer);
        Function<String, Precision> precision = weight ->
            copy.getOrDefault(ModelLayersReader.layerOf(weight), Precision.FP32);
        return SampleFamily.writeDrafter(modelsDir, spec, name, blocks, precision, precisionLabel);
    }

    /** A name for a drafter of {@code blocks} blocks at {@code label}: {@code draft-3l-qpart-da0.02}. */
    public static String drafterName(int blocks, String label) {
        return "draft-" + blocks + "l-" + label.toLowerCase(Locale.ROOT);
    }
}
