package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine's subcommands: output contracts, exit codes and one-sentence errors (acceptance 6). */
class EngineCommandsTest {

    @TempDir
    static Path dir;

    private static Path models;
    private static String target;
    private static String drafter;
    private static String prompt;

    @BeforeAll
    static void generateFamily() throws Exception {
        models = dir.resolve("models");
        CliRun run = CliRun.of("models", "generate", "--out", models.toString());
        assertEquals(0, run.exitCode(), run.err());
        target = SampleFamily.targetName(SampleFamily.Spec.defaults());
        drafter = SampleFamily.drafterName(2, Precision.INT8);
        prompt = Files.readAllLines(models.resolve("prompts.txt")).getFirst();
    }

    /** {@code generate --format json} of 12 tokens of the first sample prompt ({@code draft} null: the target alone). */
    private static CliRun generateTwelveTokensAsJson(String draft, int k) {
        return CliRun.ofPair(
            "generate",
            models,
            draft,
            target,
            "--k",
            String.valueOf(k),
            "--prompt",
            prompt,
            "--max-tokens",
            "12",
            "--format",
            "json"
        );
    }

    private static void assertOneSentenceError(CliRun run) {
        run.assertBadInput();
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void modelsListJsonNamesEveryModelWithRolePrecisionAndParameters() throws Exception {
        CliRun run = CliRun.of("models", "list", "--models", models.toString(), "--format", "json");
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
        CliRun speculative = generateTwelveTokensAsJson(drafter, 4);
        CliRun alone = generateTwelveTokensAsJson(null, 0);
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
        CliRun run = CliRun.ofPair(
            "generate",
            models,
            drafter,
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
        Path out = dir.resolve("measured");
        CliRun run = CliRun.measureQuickly(models, drafter, target, out);
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
        CliRun check = CliRun.of("validate", out.toString());
        assertEquals(0, check.exitCode(), check.err());
    }

    /** Copies {@code files} of the sample target into {@code model}. */
    private static void copyFromTarget(Path model, String... files) throws IOException {
        for (String f : files) {
            Files.copy(models.resolve(target).resolve(f), model.resolve(f));
        }
    }

    /** Writes a damaged model into an empty model directory. */
    @FunctionalInterface
    interface ModelDamage {
        void writeInto(Path model) throws IOException;
    }

    /** Model directories damaged one way each, and what the one sentence must name (all: exit 2). */
    static Stream<Arguments> damagedModels() {
        return Stream.of(
            Arguments.of(
                "broken",
                (ModelDamage) model -> {
                    Files.writeString(model.resolve("model.onnx"), "hello");
                    copyFromTarget(model, "tokenizer.json");
                },
                "not a loadable ONNX model"
            ),
            Arguments.of(
                "half",
                (ModelDamage) model -> {
                    byte[] bytes = Files.readAllBytes(models.resolve(target).resolve("model.onnx"));
                    Files.write(model.resolve("model.onnx"), Arrays.copyOf(bytes, bytes.length / 2));
                    copyFromTarget(model, "tokenizer.json");
                },
                "" // truncated: any one sentence
            ),
            Arguments.of(
                "bare",
                (ModelDamage) model -> copyFromTarget(model, "model.onnx"),
                "tokenizer.json is missing"
            ),
            Arguments.of(
                "encoder",
                (ModelDamage) model -> {
                    var g = io.configspec.engine.onnx.OnnxGraphWriter.inline("encoder");
                    g.input("pixels", io.configspec.engine.onnx.OnnxGraphWriter.ElementType.FLOAT, 1L, 4L);
                    g.output("logits", io.configspec.engine.onnx.OnnxGraphWriter.ElementType.FLOAT, 1L, 4L);
                    g.node("Identity", List.of("pixels"), List.of("logits"), java.util.Map.of());
                    g.write(model.resolve("model.onnx"));
                    copyFromTarget(model, "tokenizer.json");
                },
                "missing input 'input_ids'"
            )
        );
    }

    /** Not ONNX, truncated, no tokenizer, wrong inputs: the target alone (K 0) is refused in one sentence. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedModels")
    void aDamagedModelIsExitTwoWithOneSentence(String name, ModelDamage damage, String named)
        throws Exception {
        Path model = Files.createDirectories(dir.resolve("damaged-" + name).resolve(name));
        damage.writeInto(model);
        CliRun run = CliRun.ofPair("generate", model.getParent(), null, name, "--k", "0", "--prompt", prompt);
        assertOneSentenceError(run);
        assertTrue(run.err().contains(named), run.err());
    }

    @Test
    void mismatchedVocabulariesAreExitTwoWithOneSentence() throws Exception {
        Path mixed = dir.resolve("mixed");
        SampleFamily.generate(
            mixed,
            new SampleFamily.Spec(7, 64, 4, 2, 16, 64, 2, List.of(1), List.of(Precision.INT8), 3.0, 0.4)
        );
        Path big = Files.createDirectories(mixed.resolve("big"));
        copyFromTarget(big, "model.onnx", "tokenizer.json", "config.json");
        CliRun run = CliRun.ofPair("generate", mixed, "draft-1l-int8", "big", "--prompt", prompt);
        assertOneSentenceError(run);
        assertTrue(run.err().contains("does not share"), run.err());
    }

    @Test
    void unknownModelAndBadKRangeAreExitTwo() {
        assertOneSentenceError(
            CliRun.of(
                "generate",
                "--models",
                models.toString(),
                "--target",
                "nope",
                "--k",
                "0",
                "--prompt",
                "x"
            )
        );
        assertOneSentenceError(
            CliRun.ofPair(
                "measure",
                models,
                drafter,
                target,
                "--k-range",
                "5..2",
                "--prompts",
                "x",
                "--out",
                dir.toString()
            )
        );
        assertEquals(2, CliRun.of("generate", "--bogus-option").exitCode());
    }
}
