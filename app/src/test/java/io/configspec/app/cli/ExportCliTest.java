package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.pareto.Recommendations;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportCliTest {

    private static final String PAPER = SampleFiles.paperScenario().toString();
    private static List<Recommendation> recommendations;

    @BeforeAll
    static void recommend() throws Exception {
        recommendations = Recommendations.of(
            ScenarioLoader.load(SampleFiles.paperScenario()).space().evaluate(WhatIf.NONE)
        );
    }

    @Test
    void vllmExportIsTheSpeculativeConfigOfTheGoodputRecommendation() throws Exception {
        CliRun run = CliRun.onPaper(
            "export",
            "--format",
            "vllm",
            "--draft-model",
            "Qwen/Qwen2.5-0.5B-Instruct",
            "--target-model",
            "Qwen/Qwen2.5-7B-Instruct"
        );
        assertEquals(0, run.exitCode(), run.err());
        String command = run
            .out()
            .lines()
            .filter(l -> l.startsWith("vllm serve "))
            .findFirst()
            .orElseThrow();
        assertTrue(command.startsWith("vllm serve Qwen/Qwen2.5-7B-Instruct --speculative-config '"), command);
        JsonNode json = ProfileCodec.mapper().readTree(
            command.substring(command.indexOf('\'') + 1, command.length() - 1)
        );
        assertEquals("Qwen/Qwen2.5-0.5B-Instruct", json.get("model").asText());
        assertEquals(recommendations.get(0).configuration().k(), json.get("num_speculative_tokens").asInt());
        assertEquals("", run.err());
    }

    @Test
    void llamaCppExportUsesTheChosenObjectiveAndDialect() throws Exception {
        Recommendation cost = recommendations.get(1);
        CliRun run = CliRun.onPaper(
            "export",
            "--format",
            "llamacpp",
            "--objective",
            "cost",
            "--llamacpp-dialect",
            "draft"
        );
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("--draft " + cost.configuration().k()), run.out());
        // The drafter's GGUF file as the paper's models profile names it; the target has none.
        assertTrue(run.out().contains("-md " + gguf(cost) + " --draft "), run.out());
        assertTrue(run.out().contains("-m " + cost.configuration().target() + ".gguf "), run.out());
        assertTrue(run.err().contains("placeholders"), run.err());
    }

    private static String gguf(Recommendation r) throws Exception {
        var loaded = io.configspec.model.io.ScenarioLoader.load(Path.of(PAPER));
        var c = r.configuration();
        return loaded
            .library()
            .drafter(c.drafter())
            .orElseThrow()
            .quantization(c.quantization())
            .orElseThrow()
            .ggufFile()
            .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = { "sglang", "trtllm", "ortgenai" })
    void everyServingStackExportsTheBalancedK(String format) {
        CliRun run = CliRun.onPaper("export", "--format", format, "--objective", "balanced");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
            run.out().contains(Integer.toString(recommendations.get(3).configuration().k())),
            run.out()
        );
    }

    @Test
    void jsonExportOfAllGivesTheFourRecommendedRows() throws Exception {
        CliRun run = CliRun.onPaper("export", "--format", "json", "--objective", "all");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode rows = ProfileCodec.mapper().readTree(run.out()).get("recommendations");
        assertEquals(4, rows.size());
        for (int i = 0; i < 4; i++) {
            JsonNode row = rows.get(i).get("configuration");
            assertEquals(recommendations.get(i).kind().jsonName(), rows.get(i).get("objective").asText());
            assertEquals(recommendations.get(i).configuration().k(), row.get("k").asInt());
            assertEquals(recommendations.get(i).configuration().device(), row.get("device").asText());
        }
    }

    @Test
    void csvExportWritesAtomicallyToOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("best.csv");
        CliRun run = CliRun.onPaper("export", "--format", "csv", "--out", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("recommendation,device,drafter,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("goodput,"), lines.get(1));
    }

    @ParameterizedTest
    @ValueSource(
        strings = { "--format=onnx", "--objective=speed", "--objective=all", "--llamacpp-dialect=legacy" }
    )
    void badFormatOrObjectiveIsBadInputInOneSentence(String option) {
        CliRun run = option.startsWith("--format")
            ? CliRun.onPaper("export", option)
            : CliRun.onPaper("export", "--format", "vllm", option);
        run.assertBadInput();
    }

    @Test
    void exportHasHelp() {
        CliRun run = CliRun.of("export", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: configspec export"), run.out());
    }
}
