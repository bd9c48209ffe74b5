package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.model.testing.SampleFiles;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 acceptance 2 in the explorer: a scenario with a workload mix and a routed set shows, in
 * the recommendations strip, whether the set beats the single best drafter; the line follows the
 * what-if sliders; a scenario without routes shows none.
 */
class RoutedDraftingViewModelTest {

    @Test
    void aRoutedSetIsComparedWithTheSingleBestDrafterAndFollowsTheSliders() {
        ExplorerViewModel model = Samples.loaded(
            SampleFiles.root().resolve("scenarios/illustrative-workload-mix.json")
        );
        assertEquals(1, model.routedVerdicts().size(), model.statusProperty().get());
        String line = model.routedVerdicts().getFirst();
        assertTrue(line.startsWith("✔ ") || line.startsWith("✘ "), line);
        assertTrue(line.contains("routed set 0.5b-adapters (adapters, "), line);
        assertTrue(line.contains("the single best drafter qwen2.5-"), line);
        assertEquals(line.startsWith("✔ "), line.contains(", beats the single best drafter"), line);

        model.whatIf().set("verifySeconds", 0.05);
        assertEquals(1, model.routedVerdicts().size());
        assertNotEquals(line, model.routedVerdicts().getFirst());
    }

    @Test
    void aScenarioWithoutRoutesShowsNoRoutedLine() {
        ExplorerViewModel model = Samples.loaded(Samples.paperScenario());
        assertEquals(0, model.routedVerdicts().size());
    }
}
