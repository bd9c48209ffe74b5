package io.configspec.engine.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.samplemodels.DecoderArchitecture;
import io.configspec.engine.samplemodels.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinGeneratorTest {

    @TempDir
    Path temp;

    private HuggingFaceConfig tiny() throws Exception {
        Path file = temp.resolve("config.json");
        Files.writeString(
            file,
            """
            {"model_type": "qwen2", "num_hidden_layers": 3, "hidden_size": 64, "num_attention_heads": 4,
             "num_key_value_heads": 2, "intermediate_size": 160, "vocab_size": 300, "rope_theta": 1000000.0,
             "tie_word_embeddings": true, "max_position_embeddings": 4096}
            """
        );
        return HuggingFaceConfig.read(file);
    }

    /** A twin of {@code config} in {@code temp/t}: 256 positions, seed 1, {@code layers} deep (null: all). */
    private TwinGenerator.Twin twinInT(HuggingFaceConfig config, Precision precision, Integer layers)
        throws Exception {
        return TwinGenerator.generate(config, precision, layers, 256, temp.resolve("t"), 1L, () -> false);
    }

    @Test
    void int8And4BitTwinsHaveTheConfigsShapeInTheOptimumLayout() throws Exception {
        HuggingFaceConfig config = tiny();
        for (Precision precision : new Precision[] { Precision.INT8, Precision.INT4 }) {
            Path dir = temp.resolve(TwinGenerator.directoryName(config, precision, null));

            TwinGenerator.Twin twin = TwinGenerator.generate(config, precision, null, 256, dir, 42L, () ->
                false
            );

            assertTrue(TwinGenerator.exists(dir));
            try (DecoderModel model = DecoderModel.open(twin.modelFile(), EngineOptions.defaults())) {
                assertEquals(3, model.signature().layers());
                assertEquals(300, model.signature().vocabSize());
                assertEquals(precision.cliName(), model.metadata().get("configspec.precision"));
                try (DecoderSession session = model.newSession()) {
                    float[][] logits = session.forward(new int[] { 1, 2, 3 });
                    assertEquals(3, logits.length);
                    assertEquals(300, logits[0].length);
                }
            }
        }
    }

    @Test
    void kvCacheInputsHaveTheKvHeadsAndHeadSizeOfTheConfig() throws Exception {
        HuggingFaceConfig config = tiny();
        TwinGenerator.Twin twin = twinInT(config, Precision.INT4, null);

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (
            OrtSession session = env.createSession(
                twin.modelFile().toString(),
                new OrtSession.SessionOptions()
            )
        ) {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            assertEquals(3 + 2 * 3, inputs.size());
            long[] shape = ((TensorInfo) inputs.get("past_key_values.2.value").getInfo()).getShape();
            assertEquals(2, shape[1], "KV heads");
            assertEquals(16, shape[3], "head size = 64 / 4");
        }
    }

    @Test
    void weightsAreStreamedToAnExternalDataFile() throws Exception {
        TwinGenerator.Twin twin = twinInT(tiny(), Precision.INT8, null);

        long graph = Files.size(twin.modelFile());
        long data = Files.size(twin.directory().resolve("model.onnx.data"));
        assertTrue(data > 4 * graph && graph < 100_000, "graph " + graph + " B, data " + data + " B");
        assertEquals(graph + data, twin.bytesOnDisk());
        // Same weight elements as the real model (biases aside), with its own output head.
        HuggingFaceConfig c = twin.config();
        DecoderArchitecture a = c.architecture();
        assertEquals(
            c.parameterCount() + (long) a.vocabSize() * a.hiddenSize(),
            twin.parameters(),
            2L * a.layers() * a.hiddenSize() + 2L * a.hiddenSize()
        );
    }

    @Test
    void aReducedDepthTwinIsNamedAsSuch() throws Exception {
        HuggingFaceConfig config = tiny();

        TwinGenerator.Twin twin = twinInT(config, Precision.INT4, 1);

        assertEquals(1, twin.layers());
        assertTrue(TwinGenerator.directoryName(config, Precision.INT4, 1).endsWith("-int4-l1"));
        assertThrows(IllegalArgumentException.class, () ->
            TwinGenerator.generate(config, Precision.INT4, 9, 256, temp.resolve("u"), 1L, () -> false)
        );
        assertFalse(Files.exists(temp.resolve("u")));
    }

    @Test
    void aCancelledGenerationStopsAndLeavesNothing() throws Exception {
        Path dir = temp.resolve("cancelled");
        int[] tensors = { 0 };

        assertThrows(java.util.concurrent.CancellationException.class, () ->
            TwinGenerator.generate(tiny(), Precision.INT8, null, 256, dir, 1L, () -> ++tensors[0] > 3)
        );

        assertFalse(Files.exists(dir));
        try (var left = Files.list(temp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".building-")));
        }
    }
}
