package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing the four files {@code configspec profile} writes (issue 19, acceptance 3; issue 10's
 * desktop import): previewed before anything changes, taken in any selection order, one undo step,
 * and the measured device brought onto the goodput chart of the open scenario with one action.
 */
class ImportPreviewTest {

    private static final String DEVICE = "unknown-board-measured";

    @TempDir
    Path dir;

    private ExplorerViewModel model;
    private List<Path> run;

    @BeforeEach
    void load() {
        model = Samples.loaded(Samples.paperScenario());
        run = Samples.profileRun(dir);
    }

    private boolean inLibrary() {
        return model
            .library()
            .entries()
            .stream()
            .anyMatch(e -> e.key().equals("device:" + DEVICE));
    }

    /** Rows of the measured device in the evaluation the chart draws. */
    private long onChart() {
        var space = model.getEvaluation().space();
        long n = 0;
        for (int i = 0; i < space.size(); i++) {
            if (space.combination(i).device().id().equals(DEVICE)) n++;
        }
        return n;
    }

    @Test
    void theFourFilesOfAProfileRunImportTogetherInAnySelectionOrder() {
        Random random = new Random(19);
        for (int i = 0; i < 5; i++) {
            load();
            List<Path> order = new ArrayList<>(run);
            Collections.shuffle(order, random);
            if (i == 0) order = List.of(run.get(3), run.get(2), run.get(1), run.get(0)); // device.json first
            ImportPreview preview = model.library().preview(order).join();
            assertEquals(List.of(), preview.plan().leftOut(), order + ": " + preview.lines());
            assertTrue(preview.canApply(), preview.lines().toString());
            assertFalse(inLibrary(), "the preview changes nothing");
            assertNotNull(model.library().confirm(preview).join());
            assertTrue(inLibrary(), order.toString());
            assertEquals(List.of(), model.library().problems(), order.toString());
        }
    }

    @Test
    void theLibrarySummariesCountOneMeasurementAndOneTargetInTheSingular() {
        // A profile run measures one drafter on one board against a server with one target.
        model.library().importFiles(run).join();
        String device = summaryOf("device:" + DEVICE);
        assertTrue(device.endsWith(" · 1 drafting measurement"), device);
        String server = model
            .library()
            .entries()
            .stream()
            .filter(e -> e.group().equals("Servers") && e.file() != null && e.file().startsWith(dir))
            .findFirst()
            .orElseThrow()
            .summary();
        assertTrue(server.endsWith(" · 1 target"), server);
        // The paper's boards each have many: the plural stays.
        assertTrue(Samples.firstDevice(model).summary().matches(".* · \\d+ drafting measurements"));
    }

    private String summaryOf(String key) {
        return model
            .library()
            .entries()
            .stream()
            .filter(e -> e.key().equals(key))
            .findFirst()
            .orElseThrow()
            .summary();
    }

    @Test
    void importingTheDeviceFileFirstStillTakesAllFour() {
        // File › Import with device.json first in the selection: it names the drafter models.json defines.
        model.library().importFiles(List.of(run.get(3), run.get(2), run.get(1), run.get(0))).join();
        assertEquals(List.of(), model.library().problems());
        assertTrue(inLibrary());
    }

    @Test
    void thePreviewSaysWhatEachFileGivesAndHowTheDeviceReachesTheChart() {
        ImportPreview preview = model.library().preview(run).join();
        List<String> lines = preview.lines();
        assertTrue(
            lines.stream().anyMatch(l -> l.startsWith("✓ device.json (profile): device " + DEVICE)),
            lines.toString()
        );
        assertTrue(
            lines.stream().anyMatch(l -> l.startsWith("✓ models.json (profile): models")),
            lines.toString()
        );
        ImportPreview.DeviceReach reach = preview.devices().getFirst();
        assertEquals(DEVICE, reach.deviceId());
        assertEquals(0, reach.configurations(), "the paper scenario selects its own three boards");
        assertTrue(reach.adoption().isPresent(), reach.summary());
        assertTrue(reach.gained() > 0, reach.summary());
        assertTrue(reach.summary().contains("Local verifier on unknown board"), reach.summary());
    }

    @Test
    void theMeasuredDeviceJoinsTheOpenScenarioAndAppearsOnTheGoodputChart() {
        ImportPreview applied = model.library().confirm(model.library().preview(run).join()).join();
        assertEquals(0, onChart());
        assertTrue(applied.devices().getFirst().adoption().isPresent());
        assertTrue(model.adoptDevice(DEVICE).join());
        assertTrue(onChart() > 0, "the measured device is on the chart");
        assertTrue(model.loadedProperty().get().scenario().devices().contains(DEVICE));

        // Undoing the import takes the board off again and returns to the scenario as it was.
        assertTrue(model.library().undo().join());
        assertEquals(0, onChart());
        assertEquals("configspec-paper-verifier", model.loadedProperty().get().scenario().server());
    }

    @Test
    void oneImportIsOneUndoStep() {
        model.library().confirm(model.library().preview(run).join()).join();
        assertTrue(inLibrary());
        assertEquals(1, model.library().undoDepth());
        assertTrue(model.library().undo().join());
        assertFalse(inLibrary());
        assertFalse(model.library().editStateProperty().get().canUndo());
        assertEquals(List.of(), model.library().importedFiles());
        assertTrue(model.library().redo().join());
        assertTrue(inLibrary());
        assertEquals(4, model.library().importedFiles().size());
    }

    @Test
    void aDeviceWithoutItsModelsIsLeftOutWithFileFieldAndReason() {
        Path device = run.get(3);
        ImportPreview preview = model.library().preview(List.of(device)).join();
        String reason = preview.plan().leftOut().getFirst().reason().orElseThrow();
        assertTrue(reason.contains("device.json") && reason.contains("drafter"), reason);
        assertFalse(preview.canApply());
        model.library().confirm(preview).join();
        assertFalse(inLibrary());
        assertEquals(1, model.library().problems().size());
    }

    @Test
    void aToolsFileIsImportedThroughTheSamePath() throws Exception {
        Path models = run.get(0);
        Path bench = dir.resolve("bench.json");
        // llama-bench -o json of the generated drafter: a text-generation test at 1800 tokens/s
        Files.writeString(
            bench,
            """
            [{"build_commit": "b5163", "build_number": 5163, "cpu_info": "AMD EPYC", "gpu_info": "",
              "model_filename": "draft-1l-int8.gguf", "model_type": "llama 1M", "model_size": 1077383,
              "model_n_params": 721920, "n_prompt": 0, "n_gen": 128, "test_time": "2026-12-03T01:00:00Z",
              "avg_ns": 71111111, "stddev_ns": 100000, "avg_ts": 1800.0, "stddev_ts": 5.0}]
            """
        );
        ImportPreview preview = model.library().preview(List.of(bench, models)).join();
        assertEquals(
            "llama-bench",
            preview.plan().outcomes().getFirst().format().orElseThrow(),
            preview.lines().toString()
        );
        assertTrue(preview.lines().toString().contains("drafting rate"), preview.lines().toString());
    }
}
