package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configspec.app.testing.QpartFixtures;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code configspec qpart}: the plan as JSON and text, and bad input. */
class QpartCliTest {

    @TempDir
    Path temp;

    private Path model;
    private String profiles;

    @BeforeEach
    void writeModel() throws Exception {
        model = QpartFixtures.tinyDrafter(temp);
        profiles = SampleFiles.root().resolve("profiles").toString();
    }

    private void calibrate() throws Exception {
        QpartFixtures.tinyCalibratedDrafter(temp);
    }

    @Test
    void jsonListsEachLayersBitsAndPredictedDegradationAndTheTotalWithinTheBudget() throws Exception {
        calibrate();
        CliRun run = planOnTheLaptop("0.02", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode layers = json.get("layers");
        assertEquals(3, layers.size());
        double sum = 0;
        long weightBits = 0;
        for (JsonNode layer : layers) {
            weightBits += layer.get("parameters").asLong() * layer.get("bits").asInt();
            assertTrue(Set.of(4, 8, 16).contains(layer.get("bits").asInt()), layer.toString());
            assertTrue(layer.get("predictedDegradation").isNumber(), layer.toString());
            sum += layer.get("predictedDegradation").asDouble();
        }
        JsonNode total = json.get("total");
        assertEquals(sum, total.get("degradation").asDouble(), 1e-12);
        assertTrue(total.get("degradation").asDouble() <= 0.02);
        assertTrue(total.get("withinBudget").asBoolean());
        assertEquals(weightBits, total.get("weightBits").asLong());
        assertTrue(json.get("rule").asText().startsWith("fewest total weight bits"), json.toString());
        assertEquals(0.02, json.get("budget").get("value").asDouble());
        assertEquals("acceptance rate (Δα)", json.get("budget").get("unit").asText());
        assertEquals(
            "acceptance rate (predicted drop)",
            json.get("units").get("predictedDegradation").asText()
        );
        assertTrue(
            json
                .get("provenance")
                .get("deviceThroughput")
                .get(0)
                .get("source")
                .asText()
                .startsWith("device profile laptop-x86-64 drafting measurements")
        );
        // Block 0 loses 0.1 at 4 bits: over the budget alone, so it is not at 4 bits.
        assertTrue(layers.get(0).get("bits").asInt() > 4);
    }

    @Test
    void aLooserBudgetIsNeverSlowerAndNeverHasMoreTotalBits() throws Exception {
        calibrate();
        double previous = Double.POSITIVE_INFINITY;
        long previousBits = Long.MAX_VALUE;
        for (String budget : List.of("0", "0.005", "0.02", "0.2")) {
            CliRun run = planOnTheLaptop(budget, "--format", "json");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode total = new ObjectMapper().readTree(run.out()).get("total");
            double seconds = total.get("secondsPerToken").asDouble();
            long weightBits = total.get("weightBits").asLong();
            assertTrue(seconds <= previous, budget + ": " + seconds + " > " + previous);
            assertTrue(weightBits <= previousBits, budget + ": " + weightBits + " > " + previousBits);
            previous = seconds;
            previousBits = weightBits;
        }
        CliRun text = planOnTheLaptop("0.02");
        assertTrue(text.out().contains("total degradation"), text.out());
        assertTrue(text.out().contains("tokens/s"), text.out());
    }

    @Test
    void badInputIsOneSentenceAndExitTwo() throws Exception {
        assertBad(
            "--budget-acceptance-drop must be a number ≥ 0, was -0.1.",
            "--device",
            "laptop-x86-64",
            "--budget-acceptance-drop",
            "-0.1"
        );
        assertBad(
            "--budget-noise must be a number ≥ 0, was -1.0.",
            "--device",
            "laptop-x86-64",
            "--budget-noise",
            "-1"
        );
        CliRun unknown = run("--device", "mars-rover", "--budget-noise", "1");
        assertEquals(2, unknown.exitCode());
        assertTrue(
            unknown.err().startsWith("no device 'mars-rover' in the profiles (devices: "),
            unknown.err()
        );
        assertEquals(1, unknown.err().strip().lines().count());
        assertEquals("", unknown.out());
        CliRun uncalibrated = run("--device", "laptop-x86-64", "--budget-acceptance-drop", "0.02");
        assertEquals(2, uncalibrated.exitCode());
        assertTrue(
            uncalibrated
                .err()
                .startsWith("tiny-drafter has no sensitivity calibration (qpart-calibration.json)"),
            uncalibrated.err()
        );
        assertBad(
            "give exactly one budget: --budget-acceptance-drop DELTA_ALPHA or --budget-noise NOISE.",
            "--device",
            "laptop-x86-64"
        );
        CliRun bits = run("--device", "laptop-x86-64", "--budget-noise", "1", "--bits", "4,5");
        assertEquals(2, bits.exitCode());
        assertEquals("bit-width 5 is not one of [2, 3, 4, 8, 16].", bits.err().strip());
    }

    /** {@code qpart} of the tiny drafter on the sample laptop within an acceptance-drop budget. */
    private CliRun planOnTheLaptop(String budget, String... more) {
        List<String> args = new java.util.ArrayList<>(
            List.of(
                "qpart",
                "--model",
                model.toString(),
                "--device",
                "laptop-x86-64",
                "--profiles",
                profiles,
                "--budget-acceptance-drop",
                budget
            )
        );
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "qpart";
        all[1] = "--model";
        all[2] = model.toString();
        all[3] = "--profiles";
        all[4] = profiles;
        all[5] = "--format=json";
        System.arraycopy(args, 0, all, 6, args.length);
        return CliRun.of(all);
    }

    private void assertBad(String sentence, String... args) {
        CliRun run = run(args);
        assertEquals(2, run.exitCode(), run.out());
        assertEquals(sentence, run.err().strip());
        assertEquals("", run.out());
    }
}
