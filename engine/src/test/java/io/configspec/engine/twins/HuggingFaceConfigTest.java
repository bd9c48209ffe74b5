package io.configspec.engine.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceConfigTest {

    @TempDir
    Path temp;

    @Test
    void qwen25HalfBillionHasItsPublishedShape() throws Exception {
        HuggingFaceConfig c = HuggingFaceConfig.preset("qwen2.5-0.5b");

        assertEquals("qwen2", c.modelType());
        assertEquals(24, c.layers());
        assertEquals(896, c.hiddenSize());
        assertEquals(14, c.heads());
        assertEquals(2, c.kvHeads());
        assertEquals(64, c.headDim());
        assertEquals(4864, c.intermediateSize());
        assertEquals(151936, c.vocabSize());
        assertEquals(1_000_000.0, c.ropeTheta());
        assertTrue(c.tieWordEmbeddings());
        // 494 M parameters without the q/k/v biases (Qwen reports 0.49 B).
        assertEquals(494.0, c.parameterCount() / 1e6, 1.0);
    }

    @Test
    void llama32OneBillionHasItsPublishedShape() throws Exception {
        HuggingFaceConfig c = HuggingFaceConfig.preset("Llama-3.2-1B");

        assertEquals("llama", c.modelType());
        assertEquals(16, c.layers());
        assertEquals(2048, c.hiddenSize());
        assertEquals(32, c.heads());
        assertEquals(8, c.kvHeads());
        assertEquals(64, c.headDim());
        assertEquals(8192, c.intermediateSize());
        assertEquals(128256, c.vocabSize());
        assertEquals(500_000.0, c.ropeTheta());
        assertTrue(c.tieWordEmbeddings());
        assertEquals(1236.0, c.parameterCount() / 1e6, 1.0); // 1.24 B
    }

    @Test
    void everyBundledPresetParses() throws Exception {
        for (String preset : HuggingFaceConfig.PRESETS) {
            assertEquals(preset, HuggingFaceConfig.preset(preset).name());
        }
    }

    @Test
    void anUnknownPresetNamesTheKnownOnes() {
        TwinConfigException e = assertThrows(TwinConfigException.class, () ->
            HuggingFaceConfig.preset("gpt-5")
        );

        assertTrue(e.getMessage().contains("qwen2.5-0.5b"), e.getMessage());
    }

    @Test
    void aConfigFileWithoutKvHeadsOrHeadDimUsesTheDefaults() throws Exception {
        Path file = temp.resolve("config.json");
        Files.writeString(
            file,
            """
            {"model_type": "llama", "num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4,
             "intermediate_size": 128, "vocab_size": 100}
            """
        );

        HuggingFaceConfig c = HuggingFaceConfig.read(file);

        assertEquals(4, c.kvHeads());
        assertEquals(16, c.headDim());
        assertEquals(10000.0, c.ropeTheta());
    }

    @Test
    void aMissingFieldIsNamedWithTheFile() throws Exception {
        Path file = temp.resolve("config.json");
        Files.writeString(file, "{\"model_type\": \"qwen2\", \"num_hidden_layers\": 2, \"hidden_size\": 64}");

        TwinConfigException e = assertThrows(TwinConfigException.class, () -> HuggingFaceConfig.read(file));

        assertEquals("num_attention_heads", e.field());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void anUnsupportedArchitectureIsRejectedByName() throws Exception {
        Path file = temp.resolve("config.json");
        Files.writeString(file, "{\"model_type\": \"mamba\"}");

        TwinConfigException e = assertThrows(TwinConfigException.class, () -> HuggingFaceConfig.read(file));

        assertEquals("model_type", e.field());
        assertTrue(e.getMessage().contains("mamba"));
    }

    @Test
    void malformedJsonIsReportedNotThrownRaw() throws Exception {
        Path file = temp.resolve("config.json");
        Files.writeString(file, "{\"model_type\": ");

        TwinConfigException e = assertThrows(TwinConfigException.class, () -> HuggingFaceConfig.read(file));

        assertTrue(e.getMessage().contains("not valid JSON"));
    }
}
