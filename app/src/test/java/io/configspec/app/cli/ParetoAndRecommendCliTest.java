package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.Configuration;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.ParetoFront;
import io.configspec.model.pareto.Recommendations;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParetoAndRecommendCliTest {

    private static final String PAPER = SampleFiles.paperScenario().toString();

    private static EvaluatedSpace evaluate(WhatIf whatIf) throws Exception {
        return ScenarioLoader.load(SampleFiles.paperScenario()).space().evaluate(whatIf);
    }

    /** The configurations of a JSON output's array, as records. */
    private static List<Configuration> configurations(JsonNode array) {
        List<Configuration> result = new ArrayList<>();
        for (JsonNode row : array) {
            result.add(
                new Configuration(
                    row.get("device").asText(),
                    row.get("drafter").asText(),
                    row.get("quantization").asText(),
                    row.get("target").asText(),
                    row.get("k").asInt()
                )
            );
        }
        return result;
    }

    private static Set<String> expectedFront(EvaluatedSpace space, Objective... objectives) {
        double[][] columns = new double[objectives.length][];
        boolean[] maximize = new boolean[objectives.length];
        for (int j = 0; j < objectives.length; j++) {
            columns[j] = space.column(objectives[j]);
            maximize[j] = objectives[j].maximize();
        }
        Set<String> front = new TreeSet<>();
        for (int row : ParetoFront.nonDominated(columns, maximize, space.feasibleMask())) {
            front.add(space.configuration(row).toString());
        }
        return front;
    }

    @Test
    void paretoJsonIsTheParetoFrontOfTheSameData() throws Exception {
        CliRun run = CliRun.onPaper("pareto", "--objectives", "goodput,cost,energy", "--format", "json");
        JsonNode root = run.okJson();
        Set<String> printed = new TreeSet<>();
        configurations(root.get("configurations")).forEach(c -> printed.add(c.toString()));
        EvaluatedSpace space = evaluate(WhatIf.NONE);
        assertEquals(
            expectedFront(space, Objective.GOODPUT, Objective.TOKENS_PER_DOLLAR, Objective.TOKENS_PER_JOULE),
            printed
        );
        for (JsonNode row : root.get("configurations")) {
            assertTrue(row.get("pareto").asBoolean(), row.toString());
            assertTrue(row.has("goodputTokensPerSecond") && row.has("tokensPerDollar"), row.toString());
        }
    }

    @Test
    void paretoOverTwoObjectivesWithMinimisedOnesAndSetMatchesTheModel() throws Exception {
        CliRun run = CliRun.onPaper(
            "pareto",
            "--objectives",
            "tpot,joules-per-token",
            "--set",
            "verifySeconds=0.2",
            "--format",
            "json"
        );
        assertEquals(0, run.exitCode(), run.err());
        JsonNode rows = ProfileCodec.mapper().readTree(run.out()).get("configurations");
        Set<String> printed = new TreeSet<>();
        configurations(rows).forEach(c -> printed.add(c.toString()));
        EvaluatedSpace space = evaluate(WhatIf.NONE.with("verifySeconds", "0.2"));
        assertEquals(expectedFront(space, Objective.TIME_PER_TOKEN, Objective.JOULES_PER_TOKEN), printed);
        // the "pareto" field keeps sweep's meaning: on the goodput/cost/energy front
        Set<String> paperFront = expectedFront(
            space,
            Objective.GOODPUT,
            Objective.TOKENS_PER_DOLLAR,
            Objective.TOKENS_PER_JOULE
        );
        List<Configuration> listed = configurations(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(
                paperFront.contains(listed.get(i).toString()),
                rows.get(i).get("pareto").asBoolean()
            );
        }
    }

    @Test
    void paretoRowsComeBestFirstOnTheFirstObjective() throws Exception {
        CliRun run = CliRun.onPaper("pareto", "--objectives", "goodput,energy", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode row : ProfileCodec.mapper().readTree(run.out()).get("configurations")) {
            double goodput = row.get("goodputTokensPerSecond").asDouble();
            assertTrue(goodput <= previous, "not sorted at " + row);
            previous = goodput;
        }
    }

    @Test
    void paretoCsvHasOneLinePerFrontConfiguration() throws Exception {
        CliRun run = CliRun.onPaper("pareto", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        EvaluatedSpace space = evaluate(WhatIf.NONE);
        int front = expectedFront(
            space,
            Objective.GOODPUT,
            Objective.TOKENS_PER_DOLLAR,
            Objective.TOKENS_PER_JOULE
        ).size();
        assertEquals(front + 1, run.out().lines().count());
        assertTrue(run.out().startsWith("device,drafter,quantization,target,k,"), run.out());
    }

    @Test
    void paretoTableNamesTheObjectives() {
        CliRun run = CliRun.onPaper("pareto", "--objectives", "goodput,cost");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
            run.out().startsWith("Pareto front over goodput (tokens/s, max), cost (tokens/$, max): "),
            run.out()
        );
    }

    @ParameterizedTest
    @ValueSource(strings = { "goodput", "goodput,cost,energy,tpot", "goodput,speed", "cost,cost" })
    void paretoRejectsBadObjectiveListsWithOneSentence(String objectives) {
        CliRun run = CliRun.onPaper("pareto", "--objectives", objectives);
        run.assertBadInput();
        assertTrue(run.err().startsWith("--objectives: "), run.err());
    }

    @Test
    void paretoWritesAtomicallyToOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("front.json");
        CliRun run = CliRun.onPaper("pareto", "--format", "json", "--out", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(ProfileCodec.mapper().readTree(Files.readString(file)).get("configurations").size() > 0);
    }

    @Test
    void recommendJsonHasTheContractShape() throws Exception {
        CliRun run = CliRun.onPaper("recommend", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode recommendations = ProfileCodec.mapper().readTree(run.out()).get("recommendations");
        assertEquals(4, recommendations.size());
        List<String> objectives = new ArrayList<>();
        for (JsonNode r : recommendations) {
            objectives.add(r.get("objective").asText());
            assertFalse(r.get("reason").asText().isBlank());
            JsonNode configuration = r.get("configuration");
            for (String field : CliRun.ROW_FIELDS) {
                assertTrue(configuration.has(field), field + " missing in " + configuration);
            }
            assertTrue(configuration.get("pareto").asBoolean(), configuration.toString());
        }
        assertEquals(List.of("goodput", "cost", "energy", "balanced"), objectives);
    }

    @Test
    void recommendJsonAgreesWithTheModel() throws Exception {
        CliRun run = CliRun.onPaper("recommend", "--format", "json");
        JsonNode recommendations = ProfileCodec.mapper().readTree(run.out()).get("recommendations");
        List<Configuration> printed = new ArrayList<>();
        for (JsonNode r : recommendations) {
            printed.addAll(
                configurations(ProfileCodec.mapper().createArrayNode().add(r.get("configuration")))
            );
        }
        assertEquals(
            Recommendations.of(evaluate(WhatIf.NONE))
                .stream()
                .map(r -> r.configuration())
                .toList(),
            printed
        );
    }

    @Test
    void recommendTextPrintsEachRecommendationWithItsReason() {
        CliRun run = CliRun.onPaper("recommend");
        assertEquals(0, run.exitCode(), run.err());
        for (String title : List.of("Best goodput: ", "Best cost: ", "Best energy: ", "Balanced: ")) {
            assertTrue(run.out().contains("\n" + title), run.out());
        }
        assertTrue(run.out().contains("tokens/s"), run.out());
        assertEquals(
            4,
            run
                .out()
                .lines()
                .filter(l -> l.startsWith("  Figures from: drafting speed "))
                .count()
        );
        // the paper scenario's numbers are all literature: no placeholder warning ...
        assertFalse(run.out().contains("Illustrative figures are placeholders"), run.out());
        // ... which the illustrative scenario gets
        CliRun illustrative = CliRun.of(
            "recommend",
            "--scenario",
            SampleFiles.root().resolve("scenarios/illustrative-edge.json").toString()
        );
        assertTrue(illustrative.out().contains("Illustrative figures are placeholders"), illustrative.out());
    }

    @Test
    void recommendWithNothingFeasibleIsBadInputInOneSentence() {
        CliRun run = CliRun.onPaper("recommend", "--set", "minGoodput=1000000");
        run.assertBadInput();
        assertTrue(run.err().contains("no configuration meets the constraints"), run.err());
    }

    @Test
    void recommendRejectsAnUnknownFormat() {
        CliRun run = CliRun.onPaper("recommend", "--format", "xml");
        run.assertBadInput();
    }

    @ParameterizedTest
    @ValueSource(strings = { "pareto", "recommend" })
    void missingScenarioFileIsBadInput(String command) {
        CliRun run = CliRun.of(command, "--scenario", "no/such/scenario.json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no/such/scenario.json"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = { "pareto", "recommend" })
    void commandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Usage: configspec " + command), run.out());
    }

    @Test
    void aLaterSetOfAKeyReplacesAnEarlierOneEvenWithTheDefaultValue() throws Exception {
        CliRun reset = CliRun.onPaper(
            "sweep",
            "--format",
            "json",
            "--set",
            "alphaScale=0.8",
            "--set",
            "alphaScale=1"
        );
        JsonNode root = reset.okJson();
        assertEquals(1.0, root.get("scenario").get("whatIf").get("alphaScale").asDouble());
        EvaluatedSpace plain = evaluate(WhatIf.NONE);
        JsonNode rows = root.get("configurations");
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.acceptanceRate(i), rows.get(i).get("acceptanceRate").asDouble(), 0.0);
            assertEquals(
                plain.goodputTokensPerSecond(i),
                rows.get(i).get("goodputTokensPerSecond").asDouble(),
                0.0
            );
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "recommend", "pareto", "sweep", "export" })
    void theDeviceFilterAnswersForThatDeviceOnly(String command) throws Exception {
        CliRun run = CliRun.of(
            command,
            "--scenario",
            PAPER,
            "--device",
            "raspberry-pi-5-paper",
            "--format",
            "json",
            "--target",
            "qwen3-32b",
            "--drafter",
            "qwen3-0.6b"
        );
        JsonNode root = run.okJson();
        List<JsonNode> rows = new ArrayList<>();
        if (root.has("configurations")) {
            root.get("configurations").forEach(rows::add);
        } else {
            root.get("recommendations").forEach(r -> rows.add(r.get("configuration")));
        }
        assertFalse(rows.isEmpty());
        for (JsonNode row : rows) {
            assertEquals("raspberry-pi-5-paper", row.get("device").asText(), row.toString());
            assertEquals("qwen3-32b", row.get("target").asText(), row.toString());
            assertEquals("qwen3-0.6b", row.get("drafter").asText(), row.toString());
        }
    }

    @Test
    void anUnknownDeviceInTheFilterIsOneSentenceNamingTheOption() {
        CliRun run = CliRun.onPaper("recommend", "--device", "pi-9");
        run.assertBadInput();
        assertTrue(run.err().startsWith("--device"), run.err());
        assertTrue(run.err().contains("raspberry-pi-5"), run.err());
    }

    @Test
    void aFormatACommandDoesNotWriteIsOneSentence() {
        CliRun run = CliRun.of(
            "fleet",
            "--scenario",
            "x.json",
            "--policy",
            "wisp",
            "--devices",
            "2",
            "--format",
            "csv"
        );
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--format csv is not written by this command"), run.err());
    }

    @Test
    void recommendWritesCsvWithTheSweepColumns() {
        CliRun run = CliRun.onPaper("recommend", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(
            "recommendation," +
                String.join(",", io.configspec.model.service.ConfigurationColumn.names()) +
                ",reason",
            lines.getFirst()
        );
        assertEquals(5, lines.size());
    }
}
