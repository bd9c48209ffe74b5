package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's subcommands: output contracts, exit codes and one-sentence errors (acceptance 6). */
class EngineCommandsTest {

    @TempDir
    static Path dir;

    private static Path models;
    private static String target;
    private static String drafter;
    private static String prompt;

    record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void generateFamily() throws Exception {
        models = dir.resolve("models");
        Run run = run("models", "generate", "--out", models.toString());
        assertEquals(0, run.exitCode(), run.err());
        target = SampleFamily.targetName(SampleFamily.Spec.defaults());
        drafter = SampleFamily.drafterName(2, Precision.INT8);
        prompt = Files.readAllLines(models.resolve("prompts.txt")).getFirst();
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConfigSpecCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertOneSentenceError(Run run) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void modelsListJsonNamesEveryModelWithRolePrecisionAndParameters() throws Exception {
        Run run = run("models", "list", "--models", models.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode list = new ObjectMapper().readTree(run.out()).get("models");
        assertEquals(7, list.size());
        assertEquals(target, list.get(0).get("name").asText());
        assertEquals("target", list.get(0).get("role").asText());
        for (JsonNode m : list) {
            assertTrue(m.get("parameters").asLong() > 0);
            assertTrue(List.of("fp32", "int8").contains(m.get("precision").asText()));
        }
    }

    @Test
    void generateJsonHasTheContractFieldsAndGreedyEqualsTheTargetAlone() throws Exception {
        Run speculative = run(
            "generate",
            "--models",
            models.toString(),
            "--draft",
            drafter,
            "--target",
            target,
            "--k",
            "4",
            "--prompt",
            prompt,
            "--max-tokens",
            "12",
            "--format",
            "json"
        );
        Run alone = run(
            "generate",
            "--models",
            models.toString(),
            "--target",
            target,
            "--k",
            "0",
            "--prompt",
            prompt,
            "--max-tokens",
            "12",
            "--format",
            "json"
        );
        assertEquals(0, speculative.exitCode(), speculative.err());
        assertEquals(0, alone.exitCode(), alone.err());
        JsonNode s = new ObjectMapper().readTree(speculative.out());
        JsonNode a = new ObjectMapper().readTree(alone.out());
        for (String field : List.of(
            "text",
            "tokens",
            "rounds",
            "acceptanceRate",
            "expectedTokensPerRound",
            "goodputTokensPerSecond",
            "draftSeconds",
            "verifySeconds"
        )) {
            assertTrue(s.has(field), field);
        }
        assertEquals(a.get("text").asText(), s.get("text").asText());
        assertEquals(12, s.get("tokens").asInt());
        assertEquals(12, a.get("rounds").asInt());
        assertTrue(a.get("acceptanceRate").isNull());
        assertTrue(s.get("expectedTokensPerRound").asDouble() >= 1);
    }

    @Test
    void generateTextStreamsTheContinuation() {
        Run run = run(
            "generate",
            "--models",
            models.toString(),
            "--draft",
            drafter,
            "--target",
            target,
            "--prompt",
            prompt,
            "--max-tokens",
            "8",
            "--temperature",
            "0.8",
            "--top-p",
            "0.9",
            "--seed",
            "5"
        );
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(8, run.out().strip().split(" +").length, run.out());
        assertTrue(run.err().contains("tokens/s (measured)"), run.err());
    }

    @Test
    void measureWritesProfilesAndPredictions() throws Exception {
        Path prompts = Files.write(
            dir.resolve("few-prompts.txt"),
            Files.readAllLines(models.resolve("prompts.txt")).subList(0, 3)
        );
        Path out = dir.resolve("measured");
        Run run = run(
            "measure",
            "--models",
            models.toString(),
            "--draft",
            drafter,
            "--target",
            target,
            "--k-range",
            "1..3",
            "--prompts",
            prompts.toString(),
            "--out",
            out.toString(),
            "--max-tokens",
            "8"
        );
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("median |error|"), run.out());
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files
                .map(p -> p.getFileName().toString())
                .sorted()
                .toList();
            assertEquals(5, names.size(), names.toString());
            assertTrue(
                names.stream().anyMatch(n -> n.startsWith("alignment-draft-2l-int8")),
                names.toString()
            );
            assertTrue(names.stream().anyMatch(n -> n.startsWith("models-")), names.toString());
        }
        // The folder is a profile library of its own: drafter and target are named in it.
        Run check = run("validate", out.toString());
        assertEquals(0, check.exitCode(), check.err());
    }

    @Test
    void notOnnxModelIsExitTwoWithOneSentence() throws Exception {
        Path bad = dir.resolve("bad-models");
        Path model = bad.resolve("broken");
        Files.createDirectories(model);
        Files.writeString(model.resolve("model.onnx"), "hello");
        Files.copy(models.resolve(target).resolve("tokenizer.json"), model.resolve("tokenizer.json"));
        Run run = run(
            "generate",
            "--models",
            bad.toString(),
            "--target",
            "broken",
            "--k",
            "0",
            "--prompt",
            prompt
        );
        assertOneSentenceError(run);
        assertTrue(run.err().contains("not a loadable ONNX model"), run.err());
    }

    @Test
    void truncatedModelIsExitTwoWithOneSentence() throws Exception {
        Path bad = dir.resolve("truncated-models");
        Path model = bad.resolve("half");
        Files.createDirectories(model);
        byte[] bytes = Files.readAllBytes(models.resolve(target).resolve("model.onnx"));
        Files.write(model.resolve("model.onnx"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.copy(models.resolve(target).resolve("tokenizer.json"), model.resolve("tokenizer.json"));
        assertOneSentenceError(
            run("generate", "--models", bad.toString(), "--target", "half", "--k", "0", "--prompt", prompt)
        );
    }

    @Test
    void missingTokenizerIsExitTwoWithOneSentence() throws Exception {
        Path bad = dir.resolve("no-tokenizer");
        Path model = bad.resolve("bare");
        Files.createDirectories(model);
        Files.copy(models.resolve(target).resolve("model.onnx"), model.resolve("model.onnx"));
        Run run = run(
            "generate",
            "--models",
            bad.toString(),
            "--target",
            "bare",
            "--k",
            "0",
            "--prompt",
            prompt
        );
        assertOneSentenceError(run);
        assertTrue(run.err().contains("tokenizer.json is missing"), run.err());
    }

    @Test
    void wrongInputsAreExitTwoWithOneSentence() throws Exception {
        Path bad = dir.resolve("wrong-inputs");
        Path model = bad.resolve("encoder");
        Files.createDirectories(model);
        var g = io.configspec.engine.onnx.OnnxGraphWriter.inline("encoder");
        g.input("pixels", io.configspec.engine.onnx.OnnxGraphWriter.ElementType.FLOAT, 1L, 4L);
        g.output("logits", io.configspec.engine.onnx.OnnxGraphWriter.ElementType.FLOAT, 1L, 4L);
        g.node("Identity", List.of("pixels"), List.of("logits"), java.util.Map.of());
        g.write(model.resolve("model.onnx"));
        Files.copy(models.resolve(target).resolve("tokenizer.json"), model.resolve("tokenizer.json"));
        Run run = run(
            "generate",
            "--models",
            bad.toString(),
            "--target",
            "encoder",
            "--k",
            "0",
            "--prompt",
            prompt
        );
        assertOneSentenceError(run);
        assertTrue(run.err().contains("missing input 'input_ids'"), run.err());
    }

    @Test
    void mismatchedVocabulariesAreExitTwoWithOneSentence() throws Exception {
        Path mixed = dir.resolve("mixed");
        SampleFamily.generate(
            mixed,
            new SampleFamily.Spec(7, 64, 4, 2, 16, 64, 2, List.of(1), List.of(Precision.INT8), 3.0, 0.4)
        );
        Path big = mixed.resolve("big");
        Files.createDirectories(big);
        for (String f : List.of("model.onnx", "tokenizer.json", "config.json")) {
            Files.copy(models.resolve(target).resolve(f), big.resolve(f));
        }
        Run run = run(
            "generate",
            "--models",
            mixed.toString(),
            "--draft",
            "draft-1l-int8",
            "--target",
            "big",
            "--prompt",
            prompt
        );
        assertOneSentenceError(run);
        assertTrue(run.err().contains("does not share"), run.err());
    }

    @Test
    void unknownModelAndBadKRangeAreExitTwo() {
        assertOneSentenceError(
            run("generate", "--models", models.toString(), "--target", "nope", "--k", "0", "--prompt", "x")
        );
        assertOneSentenceError(
            run(
                "measure",
                "--models",
                models.toString(),
                "--draft",
                drafter,
                "--target",
                target,
                "--k-range",
                "5..2",
                "--prompts",
                "x",
                "--out",
                dir.toString()
            )
        );
        assertEquals(2, run("generate", "--bogus-option").exitCode());
    }
}
