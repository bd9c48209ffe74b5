package io.configspec.model.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.domain.Configuration;
import io.configspec.model.domain.Provenance;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.ImportFixtures;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, acceptance 2: importing the ConfigSpec profiler's CSVs (its model profiles of the
 * Raspberry Pi 5 and the Jetson AGX Orin, its two acceptance sweeps; fixtures under
 * imports/latency-profiler/paper hold the artifact's numbers as the bundled literature profiles
 * record them) gives profiles that reproduce the bundled scenario configspec-paper-profiler-speeds:
 * every configuration of those two boards has the same goodput, tokens per dollar and tokens per
 * joule.
 */
class PaperCsvImportTest {

    private static final List<String> CSVS = List.of(
        "latency-profiler/paper/pi5_llamacpp_profile_19models.csv",
        "latency-profiler/paper/jetson_agx_orin_llamacpp_profile_19models.csv",
        "latency-profiler/paper/profile_results_2026-02-20_11-42-25.csv",
        "latency-profiler/paper/profile_results_2026-02-20_13-30-21.csv"
    );

    private static final Map<String, String> BUNDLED_DEVICE = Map.of(
        "raspberry-pi-5",
        "raspberry-pi-5-profiler-csv",
        "jetson-agx-orin",
        "jetson-agx-orin-profiler-csv"
    );

    @TempDir
    Path dir;

    /** The four profiler CSVs, copied and imported against the bundled paper's model profiles. */
    private ImportPlan importPaperCsvs() throws ProfileException {
        List<Path> inputs = CSVS.stream()
            .map(c -> ImportFixtures.copy(c, dir.resolve("in")))
            .toList();
        Path models = SampleFiles.root().resolve("profiles/configspec-paper/models");
        return ImportFixtures.plan(inputs, Optional.empty(), ImportOptions.none(), List.of(models));
    }

    @Test
    void theProfilerCsvsReproduceTheBundledPaperScenario() throws Exception {
        Path paper = SampleFiles.root().resolve("profiles").resolve("configspec-paper");
        ImportPlan plan = importPaperCsvs();
        Path out = dir.resolve("imported");
        plan.write(out);
        assertEquals(4, plan.files().size(), plan.files().toString());

        ObjectNode scenario = (ObjectNode) JsonInput.readTree(
            SampleFiles.root().resolve("scenarios").resolve("configspec-paper-profiler-speeds.json")
        );
        scenario.remove("$schema");
        scenario
            .putArray("profiles")
            .add(paper.resolve("models").toString())
            .add(paper.resolve("servers").toString())
            .add(out.toString());
        scenario
            .withObjectProperty("select")
            .putArray("devices")
            .add("raspberry-pi-5")
            .add("jetson-agx-orin");
        Path file = dir.resolve("imported-scenario.json");
        Files.writeString(file, ProfileCodec.mapper().writeValueAsString(scenario));

        EvaluatedSpace imported = ScenarioLoader.load(file).space().evaluate();
        EvaluatedSpace bundled = ScenarioLoader.load(
            SampleFiles.root().resolve("scenarios").resolve("configspec-paper-profiler-speeds.json")
        )
            .space()
            .evaluate();

        Map<Configuration, Integer> bundledRows = new HashMap<>();
        for (int i = 0; i < bundled.size(); i++) {
            Configuration c = bundled.configuration(i);
            if (BUNDLED_DEVICE.containsValue(c.device())) {
                bundledRows.put(c, i);
            }
        }
        assertTrue(bundledRows.size() > 200, "rows of the two boards: " + bundledRows.size());
        assertEquals(bundledRows.size(), imported.size(), "same configurations");
        for (int i = 0; i < imported.size(); i++) {
            Configuration c = imported.configuration(i);
            Configuration same = new Configuration(
                BUNDLED_DEVICE.get(c.device()),
                c.drafter(),
                c.quantization(),
                c.target(),
                c.k()
            );
            Integer j = bundledRows.get(same);
            assertTrue(j != null, "the bundled scenario has no " + same);
            for (Objective o : List.of(
                Objective.GOODPUT,
                Objective.TOKENS_PER_DOLLAR,
                Objective.TOKENS_PER_JOULE
            )) {
                double expected = bundled.value(o, j);
                assertEquals(expected, imported.value(o, i), Math.abs(expected) * 1e-12, o + " of " + c);
            }
        }
    }

    @Test
    void everyImportedNumberIsMeasuredWithToolFileAndDay() throws Exception {
        ImportPlan plan = importPaperCsvs();
        var device = plan
            .files()
            .stream()
            .map(ImportPlan.PlannedFile::document)
            .filter(d -> d instanceof io.configspec.model.io.ProfileDocument.DeviceDocument)
            .map(d -> ((io.configspec.model.io.ProfileDocument.DeviceDocument) d).device())
            .filter(d -> d.id().equals("raspberry-pi-5"))
            .findFirst()
            .orElseThrow();
        var qwen = device
            .drafting()
            .stream()
            .filter(d -> d.drafter().equals("qwen3-0.6b") && d.quantization().equals("q4_k_m"))
            .findFirst()
            .orElseThrow();
        Provenance.Measured rate = (Provenance.Measured) qwen.provenance();
        assertEquals("pi5_llamacpp_profile_19models.csv", rate.source());
        assertTrue(rate.tool().contains("Llamacpp-Latency-Profiler"), rate.tool());
        assertTrue(rate.label().contains("from pi5_llamacpp_profile_19models.csv"), rate.label());
        Provenance.Measured power = (Provenance.Measured) qwen.fieldProvenance().get("powerWatts");
        assertTrue(power.note().contains("board power in the same row"), power.note());
        assertTrue(power.sampleCount() > 1);
    }
}
