package io.configspec.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServingExportsTest {

    private static final ServingExports.Request QWEN = new ServingExports.Request(
        "Qwen/Qwen2.5-7B-Instruct",
        "Qwen/Qwen2.5-0.5B-Instruct",
        6,
        "Highest goodput: 5.1 tokens/s"
    );

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void vllmIsTheSpeculativeConfigJsonWithTheDraftModelMethod() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ServingExports.vllmSpeculativeConfig(QWEN));
        assertEquals("draft_model", json.get("method").asText());
        assertEquals("Qwen/Qwen2.5-0.5B-Instruct", json.get("model").asText());
        assertEquals(6, json.get("num_speculative_tokens").asInt());
        assertEquals(3, json.size());
    }

    @Test
    void llamaServerCurrentDialectUsesDraftMaxAndTurnsOffEarlyStopping() {
        String text = ServingExports.llamaServerCommand(QWEN, ServingExports.LlamaCppDialect.CURRENT);
        assertEquals(
            "llama-server -m Qwen/Qwen2.5-7B-Instruct -md Qwen/Qwen2.5-0.5B-Instruct --draft-max 6 --draft-min 0 --draft-p-min 0.0",
            lastLine(text)
        );
        assertTrue(text.startsWith("# Highest goodput: 5.1 tokens/s\n"), text);
    }

    @Test
    void llamaServerLegacyDialectUsesDraft() {
        String text = ServingExports.llamaServerCommand(
            new ServingExports.Request("target.gguf", "draft q4.gguf", 3, ""),
            ServingExports.LlamaCppDialect.LEGACY
        );
        assertEquals("llama-server -m target.gguf -md 'draft q4.gguf' --draft 3", lastLine(text));
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
    void tensorRtLlmYamlHasTheDraftTargetSpeculativeConfig() {
        String yaml = ServingExports.tensorRtLlmYaml(QWEN);
        assertTrue(
            yaml.endsWith(
                "speculative_config:\n" +
                    "  decoding_type: DraftTarget\n" +
                    "  max_draft_len: 6\n" +
                    "  speculative_model_dir: Qwen/Qwen2.5-0.5B-Instruct\n"
            ),
            yaml
        );
        assertTrue(yaml.contains("--extra_llm_api_options"), yaml);
    }

    @Test
    void ortGenAiHasTheSpeculativeModelTypeAndMaxDraftTokens() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ServingExports.ortGenAiConfig(QWEN));
        assertEquals("speculative", json.get("model").get("type").asText());
        assertTrue(json.get("model").has("draft"));
        assertEquals(6, json.get("speculative").get("max_draft_tokens").asInt());
    }

    @Test
    void ortGenAiRejectsKAboveSixteen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            ServingExports.ortGenAiConfig(new ServingExports.Request("t", "d", 17, ""))
        );
        assertTrue(e.getMessage().startsWith("k: "), e.getMessage());
    }

    @Test
    void shellQuotingSurvivesSpacesAndQuotes() {
        assertEquals("a 'b c' 'it'\\''s'", ServingExports.shell(List.of("a", "b c", "it's")));
    }

    @Test
    void everyStackHasAnExportAndACliName() {
        for (ServingStack stack : ServingStack.values()) {
            assertTrue(ServingExports.export(stack, QWEN).endsWith("\n"), stack.name());
            assertEquals(stack, ServingStack.fromCliName(stack.cliName()).orElseThrow());
        }
    }

    @Test
    void requestRejectsBlankModelsAndKBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new ServingExports.Request(" ", "d", 2, ""));
        assertThrows(IllegalArgumentException.class, () -> new ServingExports.Request("t", "d", 0, ""));
    }
}
