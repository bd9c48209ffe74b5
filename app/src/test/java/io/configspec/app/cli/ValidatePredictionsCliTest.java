package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.testing.ImportFixtures;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code configspec validate-predictions}: the measured folder of the sample family against the predictions. */
class ValidatePredictionsCliTest {

    @TempDir
    Path dir;

    @Test
    void everyMeasuredKHasAPredictionAndTheErrorsAreSummarised() {
        Path measured = ImportFixtures.measuredSampleFamily(dir.resolve("measured"));
        CliRun run = CliRun.of("validate-predictions", "--measured", measured.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (int k = 1; k <= 6; k++) {
            assertTrue(
                run.out().contains("this-machine draft-1l int8 -> target-12l-fp32, K=" + k + " "),
                run.out()
            );
        }
        assertTrue(
            run
                .out()
                .contains("goodput error |predicted - measured| / measured over 6 configurations: median "),
            run.out()
        );
        assertTrue(run.out().contains("acceptance error |predicted - measured| α: median "), run.out());
    }

    @Test
    void aScenarioWithoutTheMeasuredConfigurationsIsExitTwo() {
        Path measured = ImportFixtures.measuredSampleFamily(dir.resolve("measured"));
        CliRun run = CliRun.of(
            "validate-predictions",
            "--measured",
            measured.toString(),
            "--scenario",
            SampleFiles.paperScenario().toString()
        );
        run.assertBadInput();
        assertTrue(run.err().contains("none of the 6 measured configurations is in the scenario"), run.err());
    }

    @Test
    void aFolderWithoutReportsIsExitTwo() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        CliRun run = CliRun.of("validate-predictions", "--measured", dir.resolve("empty").toString());
        assertEquals(2, run.exitCode());
        assertTrue(
            run
                .err()
                .contains("validate-predictions: " + dir.resolve("empty") + " holds no goodput-sweep report"),
            run.err()
        );
    }
}
