package io.configspec.engine.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.configspec.engine.samplemodels.DecoderArchitecture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvSource;

class HuggingFaceConfigTest {

    @TempDir
    Path temp;

    /**
     * Shapes as published (preset, model type, layers, hidden size, heads, KV heads, head size, MLP
     * width, vocabulary, RoPE base, million parameters). Qwen reports 0.49 B parameters: 494 M
     * here, without the q/k/v biases.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        {
            "qwen2.5-0.5b, qwen2, 24, 896, 14, 2, 64, 4864, 151936, 1000000, 494",
            "Llama-3.2-1B, llama, 16, 2048, 32, 8, 64, 8192, 128256, 500000, 1236",
        }
    )
    void aBundledPresetHasItsPublishedShape(ArgumentsAccessor published) throws Exception {
        HuggingFaceConfig c = HuggingFaceConfig.preset(published.getString(0));

        DecoderArchitecture a = c.architecture();
        assertEquals(published.getString(1), c.modelType());
        assertEquals(published.getInteger(2), a.layers());
        assertEquals(published.getInteger(3), a.hiddenSize());
        assertEquals(published.getInteger(4), a.heads());
        assertEquals(published.getInteger(5), a.kvHeads());
        assertEquals(published.getInteger(6), a.headDim());
        assertEquals(published.getInteger(7), a.intermediateSize());
        assertEquals(published.getInteger(8), a.vocabSize());
        assertEquals(published.getDouble(9), a.ropeTheta());
        assertTrue(c.tieWordEmbeddings());
        assertEquals(published.getDouble(10), c.parameterCount() / 1e6, 1.0, "million parameters");
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

        assertEquals(4, c.architecture().kvHeads());
        assertEquals(16, c.architecture().headDim());
        assertEquals(10000.0, c.architecture().ropeTheta());
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

    /**
     * A config.json is read by the same strict reader as profile files: a named pipe is refused
     * before it is opened (reading one would wait for a writer forever), and a document nested
     * past the limit is refused in words.
     */
    @Test
    void aConfigThatIsNotARegularFileIsRefusedWithoutWaitingOnIt() throws Exception {
        Path fifo = temp.resolve("config.json");
        assumeTrue(
            new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
            "mkfifo not available"
        );

        TwinConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
            assertThrows(TwinConfigException.class, () -> HuggingFaceConfig.read(fifo))
        );

        assertTrue(e.getMessage().startsWith(fifo.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aConfigNestedPastTheLimitIsRefusedInWords() throws Exception {
        TwinConfigException e = refused("[".repeat(10_000) + "]".repeat(10_000));

        assertTrue(e.getMessage().contains("more than 64 levels deep"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
