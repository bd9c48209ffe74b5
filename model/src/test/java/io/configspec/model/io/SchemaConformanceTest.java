package io.configspec.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON Schemas in docs/schema describe the files the Java loader accepts. */
class SchemaConformanceTest {

    private static Path schemaDir() {
        return SampleFiles.root().getParent().resolve("docs").resolve("schema");
    }

    private static MiniSchemaValidator schemaFor(String kind) throws Exception {
        return new MiniSchemaValidator(
            ProfileCodec.mapper().readTree(schemaDir().resolve(kind + ".schema.json").toFile())
        );
    }

    @Test
    void everySampleFileValidatesAgainstTheSchemaOfItsKind() throws Exception {
        try (Stream<Path> files = Files.walk(SampleFiles.root())) {
            List<Path> samples = files
                .filter(p -> p.toString().endsWith(".json"))
                .filter(ProfileCodecTest::ownKind)
                .toList();
            assertTrue(samples.size() >= 10);
            for (Path file : samples) {
                JsonNode json = ProfileCodec.mapper().readTree(file.toFile());
                String kind = json.get("kind").asText();
                assertEquals(List.of(), schemaFor(kind).validate(json), file.toString());
                Path declared = file.getParent().resolve(json.get("$schema").asText()).normalize();
                assertEquals(
                    schemaDir().resolve(kind + ".schema.json"),
                    declared,
                    file + " declares its $schema"
                );
            }
        }
    }

    @Test
    void everyKindHasASchema() throws Exception {
        for (String kind : List.of("device", "models", "alignment", "server", "network", "scenario")) {
            JsonNode schema = ProfileCodec.mapper().readTree(
                schemaDir().resolve(kind + ".schema.json").toFile()
            );
            assertEquals(kind, schema.at("/properties/kind/const").asText());
        }
    }

    /** Damages that both the schema and the Java loader must reject. */
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
            "profiles/illustrative/alignment/llama3.json|\"acceptanceRate\": 0.7,|\"acceptanceRate\": 1.5,",
            "profiles/illustrative/devices/raspberry-pi-5.json|\"tokensPerSecond\": 28|\"tokensPerSecond\": 0",
            "profiles/illustrative/devices/raspberry-pi-5.json|\"tokensPerSecond\": 28|\"tokensPerSecond\": \"28\"",
            "profiles/illustrative/devices/raspberry-pi-5.json|\"cpu\": \"Broadcom BCM2712, 4 × Cortex-A76 @ 2.4 GHz\",|",
            "profiles/illustrative/devices/raspberry-pi-5.json|\"memoryGiB\": 8|\"memoryGiB\": 8, \"colour\": \"red\"",
            "profiles/illustrative/networks/wifi-lan.json|\"rttSeconds\": 0.02|\"rttSeconds\": -0.02",
            "scenarios/configspec-paper.json|\"pricing\": \"token\"|\"pricing\": \"free\"",
            "scenarios/illustrative-edge.json|\"server\":|\"select\": {\"devices\": []}, \"server\":",
        }
    )
    void schemaAndLoaderRejectTheSameDamage(String relative, String from, String to, @TempDir Path dir)
        throws Exception {
        SampleFiles.copyTo(dir);
        Path file = dir.resolve(relative);
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to == null ? "" : to));
        JsonNode json = ProfileCodec.mapper().readTree(file.toFile());
        assertFalse(schemaFor(json.get("kind").asText()).validate(json).isEmpty(), "schema accepts " + to);
        assertThrows(ProfileException.class, () -> ProfileCodec.read(file));
    }
}
