package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import io.configspec.model.domain.DomainShare;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Scenario tab's workload-mix sliders: rescaling the shares, re-evaluating, and keeping the mix in a workspace. */
class WorkloadMixEditTest {

    private static final List<DomainShare> FILE_MIX = List.of(
        new DomainShare("code", 0.4),
        new DomainShare("chat", 0.4),
        new DomainShare("maths", 0.2)
    );

    @TempDir
    Path dir;

    /** The best goodput shown, tokens/s. */
    private static double bestGoodput(ExplorerViewModel model) {
        Evaluation e = model.getEvaluation();
        return e.space().goodputTokensPerSecond(e.recommendedRow(RecommendationKind.BEST_GOODPUT));
    }

    private static double sum(List<DomainShare> mix) {
        return mix.stream().mapToDouble(DomainShare::weight).sum();
    }

    @Test
    void movingOneShareRescalesTheOthersInTheirProportions() {
        List<DomainShare> mix = MixShares.withShare(FILE_MIX, "code", 0.7);

        assertEquals(List.of("code", "chat", "maths"), mix.stream().map(DomainShare::domain).toList());
        assertEquals(0.7, mix.get(0).weight(), 1e-12);
        assertEquals(0.2, mix.get(1).weight(), 1e-12);
        assertEquals(0.1, mix.get(2).weight(), 1e-12);
        assertEquals(1.0, sum(mix), 1e-12);
    }

    @Test
    void everyDomainKeepsAShareAndAnUnknownDomainIsRefused() {
        List<DomainShare> all = MixShares.withShare(FILE_MIX, "maths", 1.0);
        assertEquals(0.98, all.get(2).weight(), 1e-12);
        assertTrue(all.stream().allMatch(d -> d.weight() > 0), all.toString());
        assertEquals(1.0, sum(all), 1e-12);

        List<DomainShare> none = MixShares.withShare(FILE_MIX, "chat", 0);
        assertEquals(MixShares.MIN_SHARE, none.get(1).weight(), 1e-12);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            MixShares.withShare(FILE_MIX, "poetry", 0.5)
        );
        assertEquals("the workload mix has no domain 'poetry'", e.getMessage());
    }

    @Test
    void aNewMixIsEvaluatedAtOnceAndChangesTheRoutedVerdict() {
        ExplorerViewModel model = Samples.loaded(Samples.workloadMixScenario());
        assertEquals(FILE_MIX, model.loadedProperty().get().scenario().mix());
        List<String> verdictsBefore = List.copyOf(model.routedVerdicts());
        double bestBefore = bestGoodput(model);

        List<DomainShare> maths = MixShares.withShare(FILE_MIX, "maths", 0.9);
        assertTrue(model.changeMix(maths).join());

        assertEquals(maths, model.loadedProperty().get().scenario().mix());
        assertEquals(
            maths,
            model.getEvaluation().request().loaded().scenario().mix(),
            "the shown evaluation uses the new mix"
        );
        double bestAfter = bestGoodput(model);
        assertNotEquals(bestBefore, bestAfter, 1e-9);
        assertNotEquals(verdictsBefore, List.copyOf(model.routedVerdicts()));
    }

    @Test
    void aMixTheScenarioRefusesChangesNothingAndSaysWhy() {
        ExplorerViewModel model = Samples.loaded(Samples.workloadMixScenario());
        var before = model.loadedProperty().get();

        boolean applied = model
            .changeMix(List.of(new DomainShare("code", 0.5), new DomainShare("chat", 0.4)))
            .join();

        assertFalse(applied);
        assertTrue(
            model.statusProperty().get().startsWith("Mix not applied: "),
            model.statusProperty().get()
        );
        assertTrue(model.statusProperty().get().contains("sum to 0.9"), model.statusProperty().get());
        assertEquals(before, model.loadedProperty().get());
    }

    @Test
    void aWorkspaceKeepsTheMixAndTheSelection() throws Exception {
        WorkspaceStore store = new WorkspaceStore(dir.resolve("user"));
        ExplorerViewModel model = Samples.loaded(Samples.workloadMixScenario());
        WorkspaceViewModel workspace = new WorkspaceViewModel(model, store);
        List<DomainShare> code = MixShares.withShare(FILE_MIX, "code", 0.8);
        assertTrue(model.changeMix(code).join());
        var selection = ScenarioSelection.of(model.loadedProperty().get().scenario()).withQuantizations(
            List.of("q4_k_m")
        );
        assertTrue(model.changeSelection(selection).join());
        Path file = dir.resolve("mix.cswork");
        workspace.save(file).join();

        ExplorerViewModel other = new ExplorerViewModel(new SynchronousTaskExecutor(), new AnalysisService());
        new WorkspaceViewModel(other, store).open(file).join();

        var scenario = other.loadedProperty().get().scenario();
        assertEquals(code, scenario.mix());
        assertEquals(List.of("q4_k_m"), scenario.quantizations());
        assertEquals(code, other.getEvaluation().request().loaded().scenario().mix());
    }
}
