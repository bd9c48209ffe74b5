package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.service.ConfigurationColumn;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigSpecCliTest {

    private static final String PAPER = SampleFiles.paperScenario().toString();

    @Test
    void noArgumentsPrintsTheHelp() {
        CliRun run = CliRun.of();
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: configspec"), run.out());
        assertTrue(run.out().contains("sweep"), run.out());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("configspec "), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = { "validate", "sweep", "help", "fleet", "capacity", "fleet-report" })
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Usage: configspec " + command), run.out());
    }

    @Test
    void validateAcceptsTheSamples() {
        Path samples = SampleFiles.root();
        CliRun run = CliRun.of(
            "validate",
            PAPER,
            samples.resolve("profiles").toString(),
            samples.resolve("profiles/illustrative/devices/raspberry-pi-5.json").toString()
        );
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
            3,
            run
                .out()
                .lines()
                .filter(l -> l.startsWith("ok"))
                .count(),
            run.out()
        );
        assertTrue(run.out().contains("351 configurations"), run.out());
    }

    @Test
    void validateAcceptsEverySampleScenarioIncludingFleetScenarios() throws Exception {
        try (var files = Files.list(SampleFiles.root().resolve("scenarios"))) {
            String[] args = Stream.concat(Stream.of("validate"), files.map(Path::toString)).toArray(
                String[]::new
            );
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), run.err());
        }
    }

    @Test
    void validateTakesTheWholeSamplesFolderAsOneLibrary() {
        CliRun run = CliRun.of("validate", SampleFiles.root().toString());
        assertEquals(0, run.exitCode(), run.err());
        // the paper's five device profiles, the four illustrative ones and the illustrative
        // Raspberry Pi 5 with domain adapters (illustrative-domains, issue 22)
        assertTrue(run.out().contains("10 devices"), run.out());
    }

    @Test
    void sweepJsonKeepsTheContractFieldNames() throws Exception {
        JsonNode root = CliRun.paperSweep();
        assertEquals("configspec-paper", root.get("scenario").get("id").asText());
        JsonNode rows = root.get("configurations");
        assertEquals(351, rows.size());
        for (String field : CliRun.ROW_FIELDS) {
            assertTrue(rows.get(0).has(field), field);
        }
        long front = 0;
        for (JsonNode row : rows) {
            front += row.get("pareto").asBoolean() ? 1 : 0;
        }
        assertTrue(front > 0 && front < rows.size(), "front size " + front);
    }

    @Test
    void sweepParetoFlagsEqualAPairwiseCheck() throws Exception {
        JsonNode rows = CliRun.paperSweep().get("configurations");
        String[] fields = { "goodputTokensPerSecond", "tokensPerDollar", "tokensPerJoule" };
        int n = rows.size();
        double[][] values = new double[fields.length][n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < fields.length; f++) {
                JsonNode value = rows.get(i).get(fields[f]);
                values[f][i] = value.isNull() ? Double.NaN : value.asDouble();
            }
        }
        for (int p = 0; p < n; p++) {
            // a value that cannot be computed (null: e.g. energy without a power figure) keeps the row off the front
            boolean dominated =
                Double.isNaN(values[0][p]) || Double.isNaN(values[1][p]) || Double.isNaN(values[2][p]);
            for (int q = 0; q < n && !dominated; q++) {
                boolean noWorse = true;
                boolean better = false;
                for (double[] column : values) {
                    noWorse &= column[q] >= column[p]; // false against NaN: a row with NaN dominates none
                    better |= column[q] > column[p];
                }
                dominated = noWorse && better;
            }
            assertEquals(!dominated, rows.get(p).get("pareto").asBoolean(), rows.get(p).toString());
        }
    }

    @Test
    void sweepCsvHasAHeaderAndOneLinePerConfiguration() {
        CliRun run = CliRun.onPaper("sweep", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(String.join(",", ConfigurationColumn.names()), lines.getFirst());
        assertEquals(352, lines.size());
    }

    @Test
    void sweepTableShowsUnitsAndProvenance() {
        CliRun run = CliRun.onPaper("sweep");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("goodput tok/s"), run.out().lines().limit(3).toList().toString());
        assertTrue(run.out().contains("I illustrative"));
    }

    @Test
    void setChangesTheEvaluation() throws Exception {
        CliRun run = CliRun.onPaper(
            "sweep",
            "--format",
            "json",
            "--set",
            "verifySeconds=0.3",
            "--set",
            "kMax=4"
        );
        JsonNode root = run.okJson();
        JsonNode first = root.get("configurations").get(0);
        assertEquals(0.3, first.get("verifySeconds").asDouble());
        assertEquals(0.3, root.get("scenario").get("whatIf").get("verifySeconds").asDouble());
        // 39 (device, drafter, quantisation, target) combinations × K 2..4
        assertEquals(39 * 3, root.get("configurations").size());
    }

    @Test
    void valuesThatCannotBeComputedAreNullAndOffTheFront(@TempDir Path dir) throws Exception {
        SampleFiles.copyTo(dir);
        Path server = dir.resolve("profiles/illustrative/servers/paper-fixed-0.5s.json");
        Files.writeString(server, Files.readString(server).replaceAll("\"dollarsPerGpuHour\": [0-9.]+,", ""));
        Path scenario = dir.resolve("scenarios/illustrative-edge.json");
        CliRun run = CliRun.of(
            "sweep",
            "--scenario",
            scenario.toString(),
            "--format",
            "json",
            "--set",
            "pricing=gpu-time"
        );
        assertEquals(0, run.exitCode(), run.err());
        JsonNode first = ProfileCodec.mapper().readTree(run.out()).get("configurations").get(0);
        assertTrue(first.get("tokensPerDollar").isNull(), first.toString());
        assertFalse(first.get("pareto").asBoolean());
        CliRun table = CliRun.of("sweep", "--scenario", scenario.toString(), "--set", "pricing=gpu-time");
        assertTrue(table.out().contains("n/a"), table.out().lines().limit(3).toList().toString());
    }

    @Test
    void unknownSetKeyIsBadInputNamingTheKey() {
        CliRun run = CliRun.onPaper("sweep", "--set", "alphaScael=0.9");
        run.assertBadInput();
        assertTrue(run.err().startsWith("--set alphaScael is not a what-if key"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void setWithoutEqualsSignIsBadUsage() {
        CliRun run = CliRun.onPaper("sweep", "--set", "alphaScale");
        run.assertBadInput();
    }

    @Test
    void setOutOfRangeIsBadInput() {
        CliRun run = CliRun.onPaper("sweep", "--set", "kMin=9", "--set", "kMax=3");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("kMax"), run.err());
    }

    @Test
    void missingScenarioOptionIsBadUsage() {
        CliRun run = CliRun.of("sweep");
        run.assertBadInput();
        assertTrue(run.err().contains("--scenario"), run.err());
    }

    @Test
    void unknownOptionIsBadUsage() {
        CliRun run = CliRun.onPaper("sweep", "--colour");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("configspec sweep: "), run.err());
    }

    @Test
    void unknownFormatIsBadUsage() {
        assertEquals(2, CliRun.onPaper("sweep", "--format", "xml").exitCode());
    }

    @Test
    void outWritesTheFileAtomicallyReplacingTheOldOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep.json");
        Files.writeString(out, "old");
        CliRun run = CliRun.onPaper("sweep", "--format", "json", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(351, ProfileCodec.mapper().readTree(out.toFile()).get("configurations").size());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void outUnderAFileIsRefusedAsBadInputAndKeepsTheFile(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        CliRun run = CliRun.onPaper("sweep", "--out", blocker.resolve("sweep.txt").toString());
        run.assertBadInput();
        assertEquals("x", Files.readString(blocker));
    }

    @Test
    void debugPrintsTheStackTrace() {
        CliRun run = CliRun.of("--debug", "sweep", "--scenario", "nope.json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
        assertFalse(CliRun.of("sweep", "--scenario", "nope.json").err().contains("\tat "));
    }
}
