package io.configspec.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.Configuration;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.pareto.Recommendations;
import io.configspec.model.testing.SampleFiles;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServingConfigurationExportTest {

    private static EvaluatedSpace space;
    private static Recommendation goodput;

    @BeforeAll
    static void load() throws Exception {
        ScenarioLoader.LoadedScenario loaded = ScenarioLoader.load(SampleFiles.paperScenario());
        space = loaded.space().evaluate(WhatIf.NONE);
        goodput = Recommendations.of(space).get(0);
    }

    @ParameterizedTest
    @EnumSource(ServingStack.class)
    void everyStackSaysWhatItCannotExpressAndCarriesTheConfigurationsK(ServingStack stack) {
        Configuration c = goodput.configuration();
        String device = space.combination(goodput.row()).device().name();
        String text = ServingConfigurationExport.export(
            space,
            goodput.row(),
            ServingConfigurationExport.Options.of(stack),
            List.of("ConfigSpec goodput: " + c)
        ).text();
        assertTrue(text.startsWith("# "), text);
        assertTrue(text.contains("# ConfigSpec goodput: " + c + "\n"), text);
        assertTrue(text.contains("Not expressed: drafting on " + device), text);
        assertTrue(text.contains("per-device K in a fleet"), text);
        assertTrue(text.contains("dynamic drafting thresholds"), text);
        assertTrue(text.contains("K = " + c.k()), text);
    }

    @Test
    void theModelProfilesNamesAreWrittenAndWhatItLacksIsAPlaceholder() {
        // The paper's model profile names Hugging Face repositories and the drafters' GGUF files,
        // but no GGUF file for the target.
        var c = space.combination(goodput.row());
        ServingConfigurationExport.Result llama = ServingConfigurationExport.export(
            space,
            goodput.row(),
            ServingConfigurationExport.Options.of(ServingStack.LLAMA_CPP),
            List.of()
        );
        String gguf = c.drafter().quantization(c.quantization()).orElseThrow().ggufFile().orElseThrow();
        assertEquals(List.of(c.target().id() + ".gguf"), llama.placeholders());
        assertTrue(llama.text().contains("--spec-draft-model " + gguf + " "), llama.text());
        assertTrue(
            llama
                .text()
                .contains("# Placeholders: " + c.target().id() + ".gguf is a profile id, not a model "),
            llama.text()
        );
        for (ServingStack stack : List.of(
            ServingStack.VLLM,
            ServingStack.SGLANG,
            ServingStack.TENSORRT_LLM
        )) {
            ServingConfigurationExport.Result r = ServingConfigurationExport.export(
                space,
                goodput.row(),
                ServingConfigurationExport.Options.of(stack),
                List.of()
            );
            assertEquals(List.of(), r.placeholders(), stack.name());
            assertTrue(r.text().contains(c.target().huggingFaceRepository().orElseThrow()), r.text());
            assertTrue(r.text().contains(c.drafter().huggingFaceRepository().orElseThrow()), r.text());
            assertFalse(r.text().contains("Placeholders"), r.text());
        }
    }

    @Test
    void profileIdsOfModelsWithoutNamesAreListedAndSaidToBePlaceholders() throws Exception {
        ScenarioLoader.LoadedScenario loaded = ScenarioLoader.load(SampleFiles.illustrativeScenario());
        EvaluatedSpace illustrative = loaded.space().evaluate(WhatIf.NONE);
        Recommendation best = Recommendations.of(illustrative).get(0);
        Configuration c = best.configuration();
        ServingConfigurationExport.Result result = ServingConfigurationExport.export(
            illustrative,
            best.row(),
            ServingConfigurationExport.Options.of(ServingStack.LLAMA_CPP),
            List.of()
        );
        assertEquals(
            List.of(c.target() + ".gguf", c.drafter() + "-" + c.quantization() + ".gguf"),
            result.placeholders()
        );
        assertTrue(result.text().contains("# Placeholders: " + c.target() + ".gguf and "), result.text());
        assertTrue(result.text().contains(" are profile ids, not models "), result.text());
    }

    @Test
    void givenReferencesAreWrittenAndAreNoPlaceholders() {
        ServingConfigurationExport.Result result = ServingConfigurationExport.export(
            space,
            goodput.row(),
            new ServingConfigurationExport.Options(
                ServingStack.VLLM,
                null,
                "Qwen/Qwen2.5-7B-Instruct",
                " Qwen/Qwen2.5-0.5B-Instruct "
            ),
            List.of()
        );
        assertEquals(List.of(), result.placeholders());
        assertFalse(result.text().contains("Placeholders"), result.text());
        assertTrue(
            result.text().contains("vllm serve Qwen/Qwen2.5-7B-Instruct --speculative-config"),
            result.text()
        );
        assertTrue(result.text().contains("\"model\":\"Qwen/Qwen2.5-0.5B-Instruct\""), result.text());
    }

    @Test
    void llamaCppNamesTheGgufOfTheConfigurationsQuantisationAndNoQuantisationCaveat() {
        Configuration c = goodput.configuration();
        String text = ServingConfigurationExport.export(
            space,
            goodput.row(),
            ServingConfigurationExport.Options.of(ServingStack.LLAMA_CPP),
            List.of()
        ).text();
        assertTrue(
            text.contains("--spec-draft-model " + c.drafter() + "-" + c.quantization() + ".gguf"),
            text
        );
        assertFalse(text.contains("profile quantisation"), text);
    }

    @Test
    void aKTheStackCannotTakeIsRefusedInOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            ServingConfigurationExport.export(
                space.combination(goodput.row()),
                17,
                ServingConfigurationExport.Options.of(ServingStack.ORT_GENAI),
                List.of()
            )
        );
        assertEquals(1, e.getMessage().lines().count());
    }
}
