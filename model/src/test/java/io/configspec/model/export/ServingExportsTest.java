package io.configspec.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServingExportsTest {

    private static final ServingExports.Request QWEN = new ServingExports.Request(
        "Qwen/Qwen2.5-7B-Instruct",
        "Qwen/Qwen2.5-0.5B-Instruct",
        6,
        List.of("ConfigSpec goodput: 5.1 tokens/s", "Per-device K in a fleet\ncannot be expressed")
    );

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void vllmIsAServeCommandWithTheDraftModelSpeculativeConfig() throws Exception {
        String text = ServingExports.vllmServeCommand(QWEN);
        assertEquals(
            "vllm serve Qwen/Qwen2.5-7B-Instruct --speculative-config " +
                "'{\"method\":\"draft_model\",\"model\":\"Qwen/Qwen2.5-0.5B-Instruct\",\"num_speculative_tokens\":6}'",
            lastLine(text)
        );
        JsonNode json = new ObjectMapper().readTree(ServingExports.vllmSpeculativeConfig(QWEN));
        assertEquals(3, json.size());
    }

    @Test
    void notesBecomeCommentLinesAtTheTopOneLineEach() {
        String text = ServingExports.vllmServeCommand(QWEN);
        List<String> lines = text.lines().toList();
        assertTrue(
            lines.get(0).startsWith("# vLLM: draft model Qwen/Qwen2.5-0.5B-Instruct proposes K = 6"),
            text
        );
        assertEquals("# ConfigSpec goodput: 5.1 tokens/s", lines.get(1));
        assertEquals("# Per-device K in a fleet cannot be expressed", lines.get(2));
    }

    /** The llama-server export of {@code request} in {@code dialect}, asserted to end in {@code command}. */
    private static String llamaServer(
        ServingExports.Request request,
        LlamaCppDialect dialect,
        String command
    ) {
        String text = ServingExports.llamaServerCommand(request, dialect);
        assertEquals(command, lastLine(text));
        return text;
    }

    @Test
    void llamaServerNewestDialectUsesSpecTypeDraftSimpleAndTurnsOffEarlyStop() {
        String text = llamaServer(
            QWEN,
            LlamaCppDialect.newest(),
            "llama-server -m Qwen/Qwen2.5-7B-Instruct --spec-type draft-simple --spec-draft-model " +
                "Qwen/Qwen2.5-0.5B-Instruct --spec-draft-n-max 6 --spec-draft-n-min 0 --spec-draft-p-min 0"
        );
        assertTrue(text.contains("# Flags for llama.cpp builds from May 2026 (PR #22964) onwards"), text);
    }

    @Test
    void llamaServerDraftMaxDialectSaysWhichBuildsItAppliesTo() {
        String text = llamaServer(
            new ServingExports.Request("target.gguf", "draft q4.gguf", 3),
            LlamaCppDialect.DRAFT_MAX,
            "llama-server -m target.gguf -md 'draft q4.gguf' --draft-max 3 --draft-min 0 --draft-p-min 0"
        );
        assertTrue(text.contains("PR #10455 (2024-11-25) up to PR #22397"), text);
    }

    @Test
    void llamaServerOldestDialectSaysKIsAMaximum() {
        String text = llamaServer(
            new ServingExports.Request("target.gguf", "draft.gguf", 3),
            LlamaCppDialect.DRAFT,
            "llama-server -m target.gguf -md draft.gguf --draft 3"
        );
        assertTrue(text.contains("K is a maximum"), text);
        assertTrue(
            text.startsWith("# llama.cpp llama-server: draft model draft.gguf drafts up to K = 3"),
            text
        );
    }

    @Test
    void sglangUsesAStandaloneChainOfKStepsVerifyingKPlusOneTokens() {
        assertEquals(
            "python -m sglang.launch_server --model-path Qwen/Qwen2.5-7B-Instruct --speculative-algorithm STANDALONE " +
                "--speculative-draft-model-path Qwen/Qwen2.5-0.5B-Instruct --speculative-num-steps 6 " +
                "--speculative-eagle-topk 1 --speculative-num-draft-tokens 7",
            lastLine(ServingExports.sglangLaunchCommand(QWEN))
        );
    }

    @Test
    void tensorRtLlmConfigUsesTheDraftTargetLiteralAndSpeculativeModel() {
        String yaml = ServingExports.tensorRtLlmConfig(QWEN);
        assertTrue(
            yaml.endsWith(
                "speculative_config:\n" +
                    "  decoding_type: Draft_Target\n" +
                    "  max_draft_len: 6\n" +
                    "  speculative_model: Qwen/Qwen2.5-0.5B-Instruct\n" +
                    "disable_overlap_scheduler: true\n"
            ),
            yaml
        );
        assertTrue(
            yaml.contains("# Serve with: trtllm-serve Qwen/Qwen2.5-7B-Instruct --config trtllm-config.yaml"),
            yaml
        );
    }

    @Test
    void tensorRtLlmQuotesAModelReferenceYamlWouldMisread() {
        String yaml = ServingExports.tensorRtLlmConfig(new ServingExports.Request("t", "yes", 2));
        assertTrue(yaml.contains("  speculative_model: \"yes\"\n"), yaml);
    }

    @Test
    void ortGenAiRejectsKAboveSixteenInOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            ServingExports.ortGenAiScript(new ServingExports.Request("t", "d", 17))
        );
        assertTrue(
            e
                .getMessage()
                .startsWith("k: ONNX Runtime GenAI accepts speculative.max_draft_tokens from 1 to 16")
        );
    }

    @Test
    void ortGenAiScriptNamesTheVersionThatHasADraftModel() {
        String script = ServingExports.ortGenAiScript(
            new ServingExports.Request("onnx/target", "onnx/draft", 4)
        );
        assertTrue(script.contains("commit 66e9b93 (PR #2233, 2026-08-07"), script);
        assertTrue(script.contains("releases up to v0.15.2 have no draft model"), script);
        assertFalse(script.contains("_configspec"), script);
    }

    /** Runs the script with jq on two minimal exports and reads the file it writes. */
    @Test
    void ortGenAiScriptBuildsTheCompositeConfigWithTheDraftsOwnDecoder(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("jq") && onPath("sh"), "needs jq and sh");
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(dir.resolve("exports/target"));
        Files.createDirectories(dir.resolve("exports/draft"));
        ObjectNode target = json.createObjectNode();
        target
            .putObject("model")
            .put("type", "qwen2")
            .putObject("decoder")
            .put("filename", "model.onnx")
            .put("hidden_size", 3584);
        target.putObject("search").put("max_length", 512);
        ObjectNode draft = json.createObjectNode();
        draft
            .putObject("model")
            .put("type", "qwen2")
            .putObject("decoder")
            .put("filename", "model.onnx")
            .put("hidden_size", 896);
        json.writeValue(dir.resolve("exports/target/genai_config.json").toFile(), target);
        json.writeValue(dir.resolve("exports/draft/genai_config.json").toFile(), draft);
        String script = ServingExports.ortGenAiScript(
            new ServingExports.Request("exports/target", "exports/draft", 5)
        );
        Files.writeString(dir.resolve("ort.sh"), script, StandardCharsets.UTF_8);
        for (int run = 0; run < 2; run++) {
            Process p = new ProcessBuilder("sh", "ort.sh")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(
                0,
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            );
        }
        JsonNode composite = json.readTree(dir.resolve("exports/target/genai_config.json").toFile());
        assertEquals("../draft/model.onnx", composite.at("/model/draft/filename").asText());
        assertEquals(896, composite.at("/model/draft/hidden_size").asInt());
        assertEquals(3584, composite.at("/model/decoder/hidden_size").asInt());
        assertEquals(5, composite.at("/speculative/max_draft_tokens").asInt());
        assertEquals(512, composite.at("/search/max_length").asInt());
        assertEquals(
            target,
            json.readTree(dir.resolve("exports/target/genai_config.target-only.json").toFile())
        );
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).anyMatch(
            d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program))
        );
    }

    @Test
    void shellQuotingSurvivesSpacesAndQuotes() {
        assertEquals("a 'b c' 'it'\\''s'", ServingExports.shell(List.of("a", "b c", "it's")));
    }

    @ParameterizedTest
    @EnumSource(ServingStack.class)
    void everyStackHasAnExportACliNameAndAFileName(ServingStack stack) {
        String text = ServingExports.export(stack, LlamaCppDialect.newest(), QWEN);
        assertTrue(text.endsWith("\n"), stack.name());
        assertTrue(text.contains("# Names follow " + stack.upstream()), text);
        assertEquals(stack, ServingStack.fromCliName(stack.cliName()).orElseThrow());
        assertFalse(stack.suggestedFileName().isBlank());
    }

    @Test
    void dialectsAreNamedOnTheCommandLineNewestFirst() {
        assertEquals("spec-type, draft-max, draft", LlamaCppDialect.cliNames());
        assertEquals(LlamaCppDialect.DRAFT_MAX, LlamaCppDialect.fromCliName(" Draft-Max ").orElseThrow());
        assertEquals(LlamaCppDialect.SPEC_TYPE, LlamaCppDialect.newest());
    }

    @Test
    void requestRejectsBlankModelsAndKBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new ServingExports.Request(" ", "d", 2));
        assertThrows(IllegalArgumentException.class, () -> new ServingExports.Request("t", "d", 0));
    }
}
