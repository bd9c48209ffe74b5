package io.configspec.engine.qpart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.configspec.model.qpart.QpartInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code qpart --model} says about a config.json it cannot use, in one sentence naming the file. */
class ModelLayersReaderTest {

    @TempDir
    Path dir;

    @Test
    void aMissingConfigSaysWhatModelTakes() {
        QpartInputException e = assertThrows(QpartInputException.class, () -> ModelLayersReader.read(dir));

        assertEquals(
            dir.resolve("config.json") +
                ": no such file (--model takes a Hugging Face config.json or a model directory holding one)",
            e.getMessage()
        );
    }

    @Test
    void aNamedPipeIsRefusedForWhatItIsWithoutWaitingOnIt() throws Exception {
        Path fifo = dir.resolve("config.json");
        assumeTrue(
            new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
            "mkfifo not available"
        );

        QpartInputException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
            assertThrows(QpartInputException.class, () -> ModelLayersReader.read(dir))
        );

        assertTrue(e.getMessage().startsWith(fifo.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aNonFiniteNumberIsNamedByField() throws Exception {
        Files.writeString(
            dir.resolve("config.json"),
            "{\"model_type\": \"qwen2\", \"num_hidden_layers\": 1e999}"
        );

        QpartInputException e = assertThrows(QpartInputException.class, () -> ModelLayersReader.read(dir));

        assertTrue(e.getMessage().contains("num_hidden_layers must be a finite number"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
