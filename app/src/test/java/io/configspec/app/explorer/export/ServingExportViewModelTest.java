package io.configspec.app.explorer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.export.LlamaCppDialect;
import io.configspec.model.export.ServingStack;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.Recommendations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export dialog's state, without a toolkit. */
class ServingExportViewModelTest {

    private static EvaluatedSpace space;
    private static int row;

    @BeforeAll
    static void load() throws Exception {
        space = ScenarioLoader.load(Samples.paperScenario()).space().evaluate(WhatIf.NONE);
        row = Recommendations.of(space).get(0).row();
    }

    private static ServingExportViewModel model() {
        return new ServingExportViewModel(
            space,
            row,
            List.of("ConfigSpec Explorer: test"),
            new SynchronousTaskExecutor()
        );
    }

    @Test
    void startsWithVllmAndFollowsTheChosenStackAndDialect() {
        ServingExportViewModel model = model();
        assertTrue(model.getText().contains("\nvllm serve "), model.getText());
        model.stackProperty().set(ServingStack.LLAMA_CPP);
        assertTrue(model.getText().contains("--spec-type draft-simple"), model.getText());
        model.dialectProperty().set(LlamaCppDialect.DRAFT_MAX);
        assertTrue(model.getText().contains("--draft-max " + space.k(row)), model.getText());
        assertTrue(model.getText().startsWith("# "), model.getText());
        assertTrue(model.getText().contains("# ConfigSpec Explorer: test\n"), model.getText());
    }

    @Test
    void saysWhenTheModelNamesAreProfileIds() {
        ServingExportViewModel model = model();
        // vLLM: the paper's models profile names both Hugging Face repositories.
        assertEquals("", model.messageProperty().get());
        // llama.cpp: it names the drafter's GGUF file but none for the target.
        model.stackProperty().set(ServingStack.LLAMA_CPP);
        assertTrue(model.messageProperty().get().contains("profile ids"), model.messageProperty().get());
        assertTrue(model.messageProperty().get().contains(".gguf;"), model.messageProperty().get());
        assertTrue(model.exportableProperty().get());
    }

    @Test
    void savesTheTextAtomicallyAndSaysWhere(@TempDir Path dir) throws Exception {
        ServingExportViewModel model = model();
        model.stackProperty().set(ServingStack.TENSORRT_LLM);
        Path file = dir.resolve("trtllm-config.yaml");
        Files.writeString(file, "old");
        model.save(file).join();
        assertEquals(model.getText(), Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(
            "Saved the TensorRT-LLM (trtllm-serve) text to " + file + ".",
            model.messageProperty().get()
        );
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    @Test
    void aFailedSaveSaysSoAndLeavesNoFile(@TempDir Path dir) throws Exception {
        ServingExportViewModel model = model();
        Path blocked = dir.resolve("not-a-folder");
        Files.writeString(blocked, "a file where a folder should be");
        Path file = blocked.resolve("vllm-serve.sh");
        model
            .save(file)
            .exceptionally(e -> null)
            .join();
        assertTrue(
            model.messageProperty().get().startsWith("Not saved: " + file),
            model.messageProperty().get()
        );
        assertFalse(Files.exists(file));
        assertEquals("a file where a folder should be", Files.readString(blocked));
    }

    @Test
    void aRowOutsideTheSpaceIsRefused() {
        assertThrows(IllegalArgumentException.class, () ->
            new ServingExportViewModel(space, space.size(), List.of(), new SynchronousTaskExecutor())
        );
    }
}
