package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.testing.QpartFixtures;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a planned drafter joins the configuration space as an ordinary drafter × quantisation
 * entry. The sample family is generated, its 3-block drafter planned and built at Δα 0.02 ({@code
 * configspec qpart --build}), the built drafter measured ({@code configspec measure}), and a
 * scenario over the measured profiles is read by {@code configspec recommend} and by the
 * explorer's view model: both list drafter {@code draft-3l} at quantisation {@code qpart-da0.02}
 * with the measured drafting speed and acceptance.
 */
class QpartConfigurationSpaceTest {

    private static final String TARGET = "target-12l-fp32";
    private static final String LABEL = "qpart-da0.02";

    @TempDir
    Path dir;

    @Test
    void aPlannedAndMeasuredDrafterIsAnEntryThatRecommendAndTheExplorerSee() throws Exception {
        Path models = dir.resolve("models");
        CliRun generate = CliRun.of("models", "generate", "--out", models.toString());
        assertEquals(0, generate.exitCode(), generate.err());
        // Calibration inputs (acceptance with one layer at 4 bits): block 0 and the head too
        // sensitive for 4 bits at this budget, blocks 1 and 2 not.
        Map<String, double[]> layers = new LinkedHashMap<>();
        layers.put("block 0", new double[] { 1, 0.75 });
        layers.put("block 1", new double[] { 1, 0.895 });
        layers.put("block 2", new double[] { 1, 0.898 });
        layers.put("head", new double[] { 1, 0.85 });
        QpartFixtures.calibrate(models.resolve("draft-3l-fp32"), "draft-3l-fp32", TARGET, 0.9, layers);

        CliRun plan = CliRun.of(
            "qpart",
            "--model",
            models.resolve("draft-3l-fp32").toString(),
            "--profiles",
            SampleFiles.root().resolve("profiles").toString(),
            "--device",
            "laptop-x86-64",
            "--budget-acceptance-drop",
            "0.02",
            "--build",
            models.toString()
        );
        assertEquals(0, plan.exitCode(), plan.err());
        String drafter = "draft-3l-" + LABEL;
        assertTrue(Files.isRegularFile(models.resolve(drafter).resolve("model.onnx")), plan.err());

        Path measured = dir.resolve("measured");
        CliRun measure = CliRun.measureQuickly(models, drafter, TARGET, measured);
        assertEquals(0, measure.exitCode(), measure.err());
        Files.copy(
            SampleFiles.root().resolve("profiles/illustrative/networks/wifi-lan.json"),
            measured.resolve("network-wifi-lan.json")
        );
        Path scenario = Files.writeString(
            dir.resolve("planned.json"),
            """
            {
              "schemaVersion": 1,
              "kind": "scenario",
              "id": "planned-drafter",
              "name": "A QPART-planned drafter on this machine",
              "description": "Measured by configspec measure in a test; the token price is an illustrative what-if (this machine has none).",
              "profiles": ["measured"],
              "server": "this-machine-%s",
              "network": "wifi-lan",
              "k": { "min": 1, "max": 3 },
              "objectives": ["goodput"],
              "pricing": "token",
              "billing": "k-plus-one",
              "energy": "drafting-only",
              "workload": { "contextTokens": 0, "batchSize": 1 },
              "whatIf": { "dollarsPerMillionTokens": 0.5 }
            }
            """.formatted(TARGET)
        );

        ProfileLibrary library = ProfileLoader.load(List.of(measured)).library();
        DraftingMeasurement speed = library
            .device("this-machine")
            .orElseThrow()
            .drafting()
            .stream()
            .filter(m -> m.drafter().equals("draft-3l") && m.quantization().equals(LABEL))
            .findFirst()
            .orElseThrow();
        AlignmentProfile alignment = library.alignment("draft-3l", LABEL, TARGET).orElseThrow();

        CliRun recommend = CliRun.of("recommend", "--scenario", scenario.toString(), "--format", "json");
        assertEquals(0, recommend.exitCode(), recommend.err());
        assertTrue(recommend.out().contains("\"draft-3l\""), recommend.out());
        assertTrue(recommend.out().contains("\"" + LABEL + "\""), recommend.out());

        ExplorerViewModel explorer = new ExplorerViewModel(
            new SynchronousTaskExecutor(),
            new AnalysisService()
        );
        explorer.loadScenario(scenario).join();
        EvaluatedSpace space = explorer.getEvaluation().space();
        int rows = 0;
        for (int i = 0; i < space.size(); i++) {
            var c = space.configuration(i);
            if (c.drafter().equals("draft-3l") && c.quantization().equals(LABEL)) {
                rows++;
                assertEquals(speed.tokensPerSecond(), space.draftTokensPerSecond(i), 1e-9, c.toString());
                double measuredAlpha = alignment
                    .acceptanceByK()
                    .stream()
                    .filter(a -> a.k() == c.k())
                    .mapToDouble(a -> a.acceptanceRate())
                    .findFirst()
                    .orElse(alignment.acceptanceRate().getAsDouble());
                assertEquals(measuredAlpha, space.acceptanceRate(i), 1e-12, c.toString());
            }
        }
        assertEquals(3, rows, "one entry per K");
        assertTrue(
            explorer
                .recommendations()
                .stream()
                .anyMatch(card -> card.models().contains(LABEL)),
            explorer.recommendations().toString()
        );
    }
}
