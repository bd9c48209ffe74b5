package io.configspec.model.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.ImportFixtures;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predicted against measured on what configspec measure wrote for the sample family. */
class PredictionValidationTest {

    @TempDir
    Path dir;

    @Test
    void foldersWithoutReportsAreNamedAsTypedWithoutAListsBrackets() {
        assertEquals(
            "measured/pi5 holds no goodput-sweep report (configspec measure writes one per run).",
            PredictionValidation.noReportsIn(List.of(Path.of("measured/pi5")))
        );
        assertEquals(
            "a, b and c hold no goodput-sweep report (configspec measure writes one per run).",
            PredictionValidation.noReportsIn(List.of(Path.of("a"), Path.of("b"), Path.of("c")))
        );
    }

    @Test
    void everyMeasuredKIsComparedWithTheModelsPredictionOfTheSameConfiguration() throws Exception {
        Path measured = ImportFixtures.measuredSampleFamily(dir.resolve("measured"));
        List<PredictionValidation.MeasuredRun> runs = PredictionValidation.measuredRuns(List.of(measured));
        assertEquals(6, runs.size());
        var report = ProfileCodec.mapper().readTree(
            measured.resolve("goodput-sweep-draft-1l-int8-target-12l-fp32.json").toFile()
        );
        for (int i = 0; i < 6; i++) {
            assertEquals(i + 1, runs.get(i).configuration().k());
            assertEquals(
                "this-machine",
                runs.get(i).configuration().device(),
                "the report's folder has one device"
            );
            assertEquals(
                report.path("points").get(i).path("measuredGoodputTokensPerSecond").asDouble(),
                runs.get(i).goodputTokensPerSecond(),
                0
            );
        }
        EvaluatedSpace rows = PredictionValidation.predictionsOf(List.of(measured), runs);
        PredictionValidation.Report r = PredictionValidation.compare(rows, runs);
        assertEquals(6, r.comparisons().size());
        assertTrue(r.unmatched().isEmpty());
        double[] errors = new double[6];
        for (int i = 0; i < 6; i++) {
            var c = r.comparisons().get(i);
            int row = -1;
            for (int j = 0; j < rows.size(); j++) {
                if (rows.configuration(j).equals(c.measured().configuration())) {
                    row = j;
                }
            }
            assertEquals(rows.value(Objective.GOODPUT, row), c.predictedGoodputTokensPerSecond(), 0);
            assertEquals(
                (c.predictedGoodputTokensPerSecond() - c.measured().goodputTokensPerSecond()) /
                    c.measured().goodputTokensPerSecond(),
                c.goodputError(),
                1e-15
            );
            assertEquals(
                rows.acceptanceRate(row) - c.measured().acceptanceRate().getAsDouble(),
                c.acceptanceError(),
                1e-15
            );
            errors[i] = Math.abs(c.goodputError());
        }
        Arrays.sort(errors);
        assertEquals((errors[2] + errors[3]) / 2, r.medianGoodputError(), 1e-15);
        assertEquals(errors[4] + 0.5 * (errors[5] - errors[4]), r.p90GoodputError(), 1e-15);
        assertTrue(
            r.medianGoodputError() < 0.25,
            "the model predicts the sample family within 25 %: " + r.medianGoodputError()
        );
    }

    @Test
    void aScenarioWithoutTheMeasuredDeviceListsTheRunsAsNotPredicted() throws Exception {
        Path measured = ImportFixtures.measuredSampleFamily(dir.resolve("measured"));
        var runs = PredictionValidation.measuredRuns(List.of(measured));
        EvaluatedSpace paper = ScenarioLoader.load(SampleFiles.paperScenario()).space().evaluate();
        var r = PredictionValidation.compare(paper, runs);
        assertTrue(r.comparisons().isEmpty());
        assertEquals(6, r.unmatched().size());
        assertTrue(
            r.unmatched().getFirst().contains("the scenario has no such configuration"),
            r.unmatched().getFirst()
        );
        assertTrue(Double.isNaN(r.medianGoodputError()));
    }

    @Test
    void aReportWithANegativeGoodputIsOneSentenceNamingTheField() throws Exception {
        Path measured = ImportFixtures.measuredSampleFamily(dir.resolve("measured"));
        Path report = measured.resolve("goodput-sweep-draft-1l-int8-target-12l-fp32.json");
        String text = Files.readString(report);
        int at = text.indexOf("\"measuredGoodputTokensPerSecond\"");
        int colon = text.indexOf(':', at);
        int end = text.indexOf(',', colon);
        Files.writeString(report, text.substring(0, colon + 1) + " -3" + text.substring(end));
        ProfileException e = assertThrows(ProfileException.class, () ->
            PredictionValidation.measuredRuns(List.of(measured))
        );
        assertTrue(
            e
                .getMessage()
                .contains(
                    "points[0].measuredGoodputTokensPerSecond must be a number greater than 0 but is -3"
                ),
            e.getMessage()
        );
    }
}
