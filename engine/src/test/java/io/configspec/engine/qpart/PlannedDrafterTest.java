package io.configspec.engine.qpart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.OnnxGraphWriter;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.testing.SampleFamilyFixture;
import io.configspec.model.qpart.Channel;
import io.configspec.model.qpart.DeviceThroughput;
import io.configspec.model.qpart.ModelLayers;
import io.configspec.model.qpart.PlannerLayer;
import io.configspec.model.qpart.QpartInputException;
import io.configspec.model.qpart.QpartPlan;
import io.configspec.model.qpart.QpartPlanner;
import io.configspec.model.qpart.QpartProblem;
import io.configspec.model.qpart.QuantizationNoise;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building planned drafters of the sample family and reading a model's planner layers. */
class PlannedDrafterTest {

    private static final SampleFamilyFixture FAMILY = SampleFamilyFixture.get();

    @TempDir
    Path temp;

    private static Path drafterDir(int layers) {
        return FAMILY.directory().resolve(SampleFamily.drafterName(layers, Precision.FP32));
    }

    private static GreedyAgreement.Reference smallReference() throws Exception {
        return GreedyAgreement.reference(
            FAMILY.target(),
            SampleFamily.targetName(FAMILY.spec()),
            FAMILY.prompts().subList(0, 6),
            8
        );
    }

    @Test
    void layersComeFromTheConfigAndRangesFromTheFp32Weights() throws Exception {
        ModelLayers model = ModelLayersReader.read(drafterDir(3));
        assertEquals(
            List.of("block 0", "block 1", "block 2", "head"),
            model.layers().stream().map(PlannerLayer::name).toList()
        );
        long d = 256;
        long block = d * 256 + 2 * d * 128 + 256 * d + 3 * d * 512;
        assertEquals(block, model.layers().get(0).parameters());
        assertEquals(2.0 * block, model.layers().get(0).flopsPerToken());
        assertEquals(d * 256, model.layers().get(3).parameters());
        assertEquals(FAMILY.model("draft-3l-fp32").signature().layers(), 3);
        // R of block 1 = max − min over its seven matrices, as generated.
        var weights = SampleFamily.weights(FAMILY.spec());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        // rows × columns of each matrix: hidden 256, key/value 4 heads × 32 = 128, MLP 512
        int h = 256;
        int kv = 128;
        int mlp = 512;
        List<String> matrices = List.of(
            "attn.q",
            "attn.k",
            "attn.v",
            "attn.o",
            "mlp.gate",
            "mlp.up",
            "mlp.down"
        );
        int[][] shapes = { { h, h }, { h, kv }, { h, kv }, { h, h }, { h, mlp }, { h, mlp }, { mlp, h } };
        for (int m = 0; m < matrices.size(); m++) {
            for (float v : weights.weight("layers.1." + matrices.get(m), shapes[m][0], shapes[m][1])) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertEquals(max - min, model.layers().get(1).weightRange(), 1e-6);
        assertTrue(model.calibration().isEmpty() || model.calibration().isPresent());
    }

    @Test
    void aConfigWithoutWeightsPlansOnRelativeNoise() throws Exception {
        Path config = temp.resolve("config.json");
        Files.writeString(
            config,
            """
            {"num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4, "intermediate_size": 128,
             "vocab_size": 100, "tie_word_embeddings": true}
            """
        );
        ModelLayers model = ModelLayersReader.read(config);
        assertEquals(3, model.layers().size());
        assertEquals(1.0, model.layers().get(0).weightRange());
        assertEquals(64L * 64 * 4 + 3L * 64 * 128, model.layers().get(0).parameters());
        assertEquals(2L * 4 * 64 + 2 * 64, model.fixedParameters());
        Files.writeString(config, "{\"num_hidden_layers\": 2, \"hidden_size\": -1}");
        QpartInputException e = assertThrows(QpartInputException.class, () -> ModelLayersReader.read(config));
        assertTrue(
            e.getMessage().contains("hidden_size must be a whole number ≥ 1 but is -1"),
            e.getMessage()
        );
    }

    @Test
    void aPlanAllAtSixteenBitsRebuildsTheFp32DrafterExactly() throws Exception {
        QpartPlan plan = plan(drafterDir(2), 0, new int[] { 16, 16, 16 });
        SampleFamily.Member built = PlannedDrafters.build(temp, FAMILY.spec(), plan, "rebuilt", "qpart-test");
        GreedyAgreement.Reference reference = smallReference();
        try (
            DecoderModel rebuilt = DecoderModel.open(
                built.directory().resolve("model.onnx"),
                EngineOptions.defaults()
            )
        ) {
            assertEquals(
                GreedyAgreement.acceptance(FAMILY.model("draft-2l-fp32"), reference),
                GreedyAgreement.acceptance(rebuilt, reference)
            );
        }
        assertEquals(
            Files.readAllBytes(drafterDir(2).resolve("tokenizer.json")).length,
            Files.readAllBytes(built.directory().resolve("tokenizer.json")).length
        );
    }

    @Test
    void aMixedPlanIsOneGraphWithEachLayersKernel() throws Exception {
        QpartPlan plan = plan(drafterDir(3), 1, new int[] { 16, 8, 4, 8 });
        SampleFamily.Member built = PlannedDrafters.build(temp, FAMILY.spec(), plan, "mixed", "qpart-da0.05");
        OnnxMl.ModelProto proto;
        try (InputStream in = Files.newInputStream(built.directory().resolve("model.onnx"))) {
            proto = OnnxMl.ModelProto.parseFrom(in);
        }
        assertEquals(OnnxGraphWriter.IR_VERSION, proto.getIrVersion());
        assertEquals(10, proto.getIrVersion());
        assertTrue(
            proto
                .getOpsetImportList()
                .stream()
                .anyMatch(o -> o.getDomain().isEmpty() && o.getVersion() == 21)
        );
        Set<String> initializers = new HashSet<>();
        proto
            .getGraph()
            .getInitializerList()
            .forEach(t -> initializers.add(t.getName()));
        Map<String, Set<String>> kernels = new TreeMap<>();
        for (OnnxMl.NodeProto node : proto.getGraph().getNodeList()) {
            for (String input : node.getInputList()) {
                if (
                    initializers.contains(input) &&
                    input.matches("(layers\\.\\d+\\.(attn|mlp)\\.[a-z]+|lm_head)(\\.qweight)?")
                ) {
                    String weight = input.replaceAll("\\.qweight$", "");
                    kernels
                        .computeIfAbsent(ModelLayersReader.layerOf(weight), k -> new HashSet<>())
                        .add(node.getOpType());
                }
            }
        }
        assertEquals(Set.of("MatMul"), kernels.get("block 0"));
        assertEquals(Set.of("MatMulInteger"), kernels.get("block 1"));
        assertEquals(Set.of("MatMulNBits"), kernels.get("block 2"));
        assertEquals(Set.of("MatMulInteger"), kernels.get("head"));
        try (
            DecoderModel model = DecoderModel.open(
                built.directory().resolve("model.onnx"),
                EngineOptions.defaults()
            )
        ) {
            double alpha = GreedyAgreement.acceptance(model, smallReference()).rate();
            assertTrue(alpha > 0.3 && alpha <= 1, "α " + alpha);
        }
        assertTrue(
            Files.readString(built.directory().resolve("config.json")).contains(
                "\"configspec_precision\" : \"qpart-da0.05\""
            )
        );
    }

    @Test
    void widthsWithoutAKernelAndSplitPlansAreRefusedInOneSentence() throws Exception {
        QpartInputException bits = assertThrows(QpartInputException.class, () ->
            PlannedDrafters.precisionOf(3)
        );
        assertEquals(
            "3-bit layers cannot be built: ONNX Runtime has no 3-bit kernel (buildable widths: 4, 8, 16)",
            bits.getMessage()
        );
        QpartPlan split = QpartPlanner.evaluate(problem(drafterDir(2), true), new int[] { 8 }, 1);
        QpartInputException e = assertThrows(QpartInputException.class, () ->
            PlannedDrafters.build(temp, FAMILY.spec(), split, "split", "x")
        );
        assertTrue(e.getMessage().startsWith("the plan runs layers after 1 on the server"), e.getMessage());
        assertEquals("qpart-da0.02", PlannedDrafters.quantizationId(0.02));
        assertEquals("qpart-da0.1", PlannedDrafters.quantizationId(0.10));
    }

    @Test
    void theTargetAgreesWithItselfEverywhereAndAShallowDrafterDoesNot() throws Exception {
        GreedyAgreement.Reference reference = smallReference();
        GreedyAgreement.Acceptance self = GreedyAgreement.acceptance(FAMILY.target(), reference);
        assertEquals(reference.positions(), self.agreed());
        assertEquals(48, reference.positions());
        assertTrue(GreedyAgreement.acceptance(FAMILY.model("draft-1l-fp32"), reference).rate() < 1);
    }

    private static QpartPlan plan(Path dir, int unused, int[] bits) throws Exception {
        return QpartPlanner.evaluate(problem(dir, false), bits, bits.length);
    }

    private static QpartProblem problem(Path dir, boolean split) throws Exception {
        ModelLayers model = ModelLayersReader.read(dir);
        var rates = new TreeMap<Integer, DeviceThroughput.Rate>();
        for (int b : QuantizationNoise.BIT_WIDTHS) {
            rates.put(b, new DeviceThroughput.Rate(1e9 * b, b, "test"));
        }
        Channel channel = split
            ? new Channel(0.01, 1e6, 1e6, 1e12, Channel.DEFAULT_AMORTISED_TOKENS)
            : Channel.deviceOnly();
        return new QpartProblem(
            model.model(),
            model.layers(),
            model.fixedParameters(),
            new TreeSet<>(QuantizationNoise.BIT_WIDTHS),
            new DeviceThroughput("test", rates),
            channel,
            1
        );
    }
}
