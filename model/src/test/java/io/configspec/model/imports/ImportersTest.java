package io.configspec.model.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.testing.ImportFixtures;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one import path ({@link Importers}): batches of profiles and tools' files, and what is left out. */
class ImportersTest {

    private static Path illustrative(String relative) {
        return SampleFiles.root().resolve("profiles/illustrative").resolve(relative);
    }

    private static final List<Path> ONE_BOARD = List.of(
        illustrative("models/models.json"),
        illustrative("alignment/qwen2.5.json"),
        illustrative("alignment/llama3.json"),
        illustrative("devices/raspberry-pi-5.json")
    );

    @Test
    void aBatchResolvesItsOwnReferencesInAnyOrder() {
        Random random = new Random(7);
        for (int i = 0; i < 6; i++) {
            List<Path> order = new ArrayList<>(ONE_BOARD);
            Collections.shuffle(order, random);
            ImportPlan plan = Importers.readAll(order, Optional.empty(), ImportOptions.none(), List.of());
            assertEquals(List.of(), plan.leftOut(), order.toString());
            assertEquals(4, plan.files().size(), order.toString());
            assertEquals(order, plan.outcomes().stream().map(ImportPlan.FileOutcome::file).toList());
            assertTrue(
                plan
                    .outcomes()
                    .stream()
                    .allMatch(o -> o.format().orElseThrow().equals("profile"))
            );
        }
    }

    @Test
    void aDeviceWhoseDrafterIsNowhereIsLeftOutWithFileFieldAndReason() {
        Path device = illustrative("devices/raspberry-pi-5.json");
        ImportPlan plan = Importers.readAll(
            List.of(device),
            Optional.empty(),
            ImportOptions.none(),
            List.of()
        );
        ImportPlan.FileOutcome outcome = plan.outcomes().getFirst();
        String reason = outcome.reason().orElseThrow();
        assertTrue(reason.contains("raspberry-pi-5.json"), reason);
        assertTrue(reason.contains("drafting"), reason);
        assertTrue(reason.contains("drafter"), reason);
        assertEquals(List.of(), plan.files());
        assertEquals(1, reason.lines().count(), reason);
    }

    @Test
    void theLibraryTheBatchJoinsDefinesWhatItsFilesReferTo() throws Exception {
        var library = Importers.library(List.of(illustrative("models/models.json")));
        ImportPlan plan = Importers.readAll(
            List.of(illustrative("devices/raspberry-pi-5.json")),
            Optional.empty(),
            ImportOptions.none(),
            library
        );
        assertEquals(List.of(), plan.leftOut());
        assertInstanceOf(ProfileDocument.DeviceDocument.class, plan.files().getFirst().document());
    }

    @Test
    void aBadFileIsLeftOutAndTheRestIsTaken(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken-device.json");
        Files.writeString(broken, "{ \"schemaVersion\": 1, \"kind\": \"device\", \"id\": \"x\", ");
        List<Path> files = new ArrayList<>(ONE_BOARD);
        files.add(1, broken);
        ImportPlan plan = Importers.readAll(files, Optional.empty(), ImportOptions.none(), List.of());
        assertEquals(List.of(broken), plan.leftOut().stream().map(ImportPlan.FileOutcome::file).toList());
        String reason = plan.leftOut().getFirst().reason().orElseThrow();
        assertTrue(reason.contains("broken-device.json") && reason.contains("line"), reason);
        assertEquals(4, plan.files().size());
    }

    @Test
    void aScenarioIsNotImportedAsAProfile() {
        ImportPlan plan = Importers.readAll(
            List.of(SampleFiles.paperScenario()),
            Optional.empty(),
            ImportOptions.none(),
            List.of()
        );
        String reason = plan.outcomes().getFirst().reason().orElseThrow();
        assertTrue(reason.contains("configspec-paper.json") && reason.contains("scenario"), reason);
    }

    @Test
    void aProfileKeepsItsTreeAsWrittenBesideTheDocument() throws Exception {
        Path device = illustrative("devices/raspberry-pi-5.json");
        Imported.Profile profile = assertInstanceOf(
            Imported.Profile.class,
            Importers.read(device, Optional.empty())
        );
        assertEquals(JsonInput.readTree(device), profile.tree());
        assertEquals("raspberry-pi-5", profile.document().id());
    }

    @Test
    void profilesAndToolsFilesImportTogether(@TempDir Path dir) throws Exception {
        Path models = illustrative("models/models.json");
        Path bench = ImportFixtures.copy("llama-bench/b5163-raspberry-pi-5.json", dir);
        ImportPlan plan = Importers.readAll(
            List.of(bench, models),
            Optional.empty(),
            ImportOptions.none(),
            List.of()
        );
        assertEquals(List.of(), plan.leftOut(), plan.leftOut().toString());
        assertEquals("llama-bench", plan.outcomes().getFirst().format().orElseThrow());
        assertFalse(plan.outcomes().getFirst().gives().isEmpty());
        assertTrue(plan.files().getFirst().profile().isPresent());
        assertTrue(
            plan
                .files()
                .stream()
                .anyMatch(f -> f.document() instanceof ProfileDocument.DeviceDocument)
        );
    }
}
