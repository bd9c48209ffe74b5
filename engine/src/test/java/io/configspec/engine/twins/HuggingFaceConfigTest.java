package io.configspec.engine.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HuggingFaceConfigTest {

    @TempDir
    Path temp;

    /** Shapes as published; Qwen reports 0.49 B parameters (494 M here, without the q/k/v biases). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        {
            "qwen2.5-0.5b, qwen2, 24, 896, 14, 2, 64, 4864, 151936, 1000000, 494",
            "Llama-3.2-1B, llama, 16, 2048, 32, 8, 64, 8192, 128256, 500000, 1236",
        }
    )
    void aBundledPresetHasItsPublishedShape(
        String preset,
        String modelType,
        int layers,
        int hiddenSize,
        int heads,
        int kvHeads,
        int headDim,
        int intermediateSize,
        int vocabSize,
        double ropeTheta,
        double millionParameters
    ) throws Exception {
        HuggingFaceConfig c = HuggingFaceConfig.preset(preset);

        assertEquals(modelType, c.modelType());
        assertEquals(layers, c.layers());
        assertEquals(hiddenSize, c.hiddenSize());
        assertEquals(heads, c.heads());
        assertEquals(kvHeads, c.kvHeads());
        assertEquals(headDim, c.headDim());
        assertEquals(intermediateSize, c.intermediateSize());
        assertEquals(vocabSize, c.vocabSize());
        assertEquals(ropeTheta, c.ropeTheta());
        assertTrue(c.tieWordEmbeddings());
        assertEquals(millionParameters, c.parameterCount() / 1e6, 1.0);
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

    /** Writes {@code json} as {@code config.json} and returns why reading it fails. */
    private TwinConfigException refused(String json) throws Exception {
        Path file = temp.resolve("config.json");
        Files.writeString(file, json);
        return assertThrows(TwinConfigException.class, () -> HuggingFaceConfig.read(file));
    }

    @Test
    void aMissingFieldIsNamedWithTheFile() throws Exception {
        TwinConfigException e = refused(
            "{\"model_type\": \"qwen2\", \"num_hidden_layers\": 2, \"hidden_size\": 64}"
        );

        assertEquals("num_attention_heads", e.field());
        assertTrue(e.getMessage().startsWith(temp.resolve("config.json").toString()), e.getMessage());
    }

    @Test
    void anUnsupportedArchitectureIsRejectedByName() throws Exception {
        TwinConfigException e = refused("{\"model_type\": \"mamba\"}");

        assertEquals("model_type", e.field());
        assertTrue(e.getMessage().contains("mamba"));
    }

    @Test
    void malformedJsonIsReportedNotThrownRaw() throws Exception {
        TwinConfigException e = refused("{\"model_type\": ");

        assertTrue(e.getMessage().contains("not valid JSON"));
    }
}
