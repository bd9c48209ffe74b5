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

/**
 * The JSON Schemas in docs/schema are the files' contract: every sample conforms, the loader
 * refuses what they refuse, and everything the writer produces conforms too.
 */
class SchemaConformanceTest {

    private static Path schemaDir() {
        return SampleFiles.root().getParent().resolve("docs").resolve("schema");
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
                assertEquals(List.of(), ProfileSchemas.violations(kind, json), file.toString());
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
        assertFalse(
            ProfileSchemas.violations(json.get("kind").asText(), json).isEmpty(),
            "schema accepts " + to
        );
        assertThrows(ProfileException.class, () -> ProfileCodec.read(file));
    }

    /** The loader's copy of the schemas is docs/schema, packed into the jar: one source. */
    @Test
    void theLoaderEnforcesThePublishedSchemas() throws Exception {
        for (String kind : ProfileCodec.KINDS) {
            assertEquals(
                ProfileCodec.mapper().readTree(schemaDir().resolve(kind + ".schema.json").toFile()),
                ProfileSchemas.schemaJson(kind),
                kind
            );
        }
    }

    @Test
    void everyKindIsWrittenValidAgainstItsSchema() throws Exception {
        for (Path file : ProfileCodecTest.ownSampleFiles()) {
            ProfileDocument document = ProfileCodec.read(file);
            JsonNode written = ProfileCodec.toJson(document);
            assertEquals(List.of(), ProfileSchemas.violations(document.kind(), written), file.toString());
        }
        for (ProfileDocument document : RichDocuments.all()) {
            JsonNode written = ProfileCodec.toJson(document);
            assertEquals(List.of(), ProfileSchemas.violations(document.kind(), written), written.toString());
            assertEquals(document, ProfileCodec.read(Path.of(document.kind() + ".json"), written));
        }
    }

    @Test
    void aParsedTreeReadsWithoutTouchingTheFileSystemOrTheTree() throws Exception {
        Path pi5 = SampleFiles.root().resolve("profiles/illustrative/devices/raspberry-pi-5.json");
        JsonNode tree = JsonInput.readTree(pi5);
        JsonNode before = tree.deepCopy();
        Path nowhere = Path.of("/nonexistent/edit.json");
        assertEquals(ProfileCodec.read(pi5), ProfileCodec.read(nowhere, tree));
        assertEquals(before, tree);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("memoryGiB", -1);
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileCodec.read(nowhere, tree));
        assertTrue(
            e.getMessage().startsWith(nowhere + ": memoryGiB must be greater than 0 but is -1"),
            e.getMessage()
        );
    }
}
