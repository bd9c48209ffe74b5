package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.WhatIf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View-model behaviour without a JavaFX toolkit: the synchronous executor runs everything inline. */
class ExplorerViewModelTest {

    private final ExplorerViewModel model = Samples.loaded(Samples.paperScenario());

    @Test
    void theStatusLineCountsTheConfigurationsAnEnergyAxisCannotDraw() {
        // The paper has no power figure for the Raspberry Pi 4B: its 117 configurations have no energy.
        assertFalse(model.statusProperty().get().contains("not drawn"), model.statusProperty().get());
        model.viewSettings().xObjective().set(Objective.JOULES_PER_TOKEN);
        String status = model.statusProperty().get();
        assertTrue(
            status.startsWith(
                "351 of 351 configurations meet the constraints " +
                    "(117 not drawn: their energy per token is not measured); 4 on the front"
            ),
            status
        );
        int missing = 0;
        for (double v : model.getEvaluation().chart().x()) if (!Double.isFinite(v)) missing++;
        assertEquals(117, missing, "the chart leaves out exactly the rows the status line counts");
        model.viewSettings().xObjective().set(Objective.GOODPUT);
        assertFalse(model.statusProperty().get().contains("not drawn"), model.statusProperty().get());
    }

    @Test
    void loadingTheSamplesEvaluatesEveryConfigurationAndFillsTheCards() {
        Evaluation e = model.getEvaluation();
        assertNotNull(e);
        assertTrue(e.size() > 100, "the paper scenario has many configurations");
        assertTrue(e.front().length > 0);
        assertEquals(RecommendationKind.values().length, model.recommendations().size());
        assertTrue(
            model
                .recommendations()
                .stream()
                .allMatch(c -> c.row() >= 0)
        );
        assertEquals(e.size(), model.chartDataProperty().get().size());
    }

    @Test
    void theChartFrontIsExactlyTheNonDominatedFeasibleRows() {
        Evaluation e = model.getEvaluation();
        double[] x = e.space().column(e.xObjective());
        double[] y = e.space().column(e.yObjective());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            if (!e.space().feasible(i) || Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
            boolean dominated = false;
            for (int j = 0; j < e.size() && !dominated; j++) {
                if (!e.space().feasible(j) || Double.isNaN(x[j]) || Double.isNaN(y[j])) continue;
                dominated = x[j] >= x[i] && y[j] >= y[i] && (x[j] > x[i] || y[j] > y[i]);
            }
            if (!dominated) expected.add(i);
        }
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), e.front());
        assertArrayEquals(e.front(), model.chartDataProperty().get().front());
    }

    @Test
    void verificationLatencySliderMovesTheGoodputRecommendationAsTheModelPredicts() {
        var loaded = model.loadedProperty().get();
        for (double verify : new double[] { 0.05, 0.5, 2.0 }) {
            model.whatIf().set("verifySeconds", verify);
            EvaluatedSpace reference = loaded
                .space()
                .evaluate(loaded.scenario().whatIf().with("verifySeconds", verify));
            int best = reference.best(Objective.GOODPUT);
            RecommendationCard card = model.recommendations().getFirst();
            assertEquals(RecommendationKind.BEST_GOODPUT, card.kind());
            assertEquals(
                reference.configuration(best),
                model.getEvaluation().space().configuration(card.row()),
                "T_v " + verify
            );
        }
    }

    @Test
    void aShorterVerificationLowersKStarAndSaysSo() {
        model.whatIf().set("verifySeconds", 2.0);
        var before = model.getEvaluation().kStarByDevice();
        model.whatIf().set("verifySeconds", 0.02);
        var after = model.getEvaluation().kStarByDevice();
        assertNotEquals(before, after);
        String device = before
            .keySet()
            .stream()
            .filter(d -> !before.get(d).equals(after.get(d)))
            .findFirst()
            .orElseThrow();
        assertTrue(after.get(device) < before.get(device), "less time per round favours a shorter draft");
        assertTrue(
            model
                .changes()
                .contains("K* for " + device + ": " + before.get(device) + " → " + after.get(device)),
            model.changes().toString()
        );
    }

    @Test
    void resetReturnsToTheScenario() {
        int best = model.recommendations().getFirst().row();
        model.whatIf().set("verifySeconds", 0.02);
        model.whatIf().reset();
        assertEquals(best, model.recommendations().getFirst().row());
        assertEquals(model.loadedProperty().get().scenario().whatIf(), model.whatIf().whatIf());
    }

    @Test
    void selectingARowFillsTheDetails() {
        int best = model.getEvaluation().recommendedRow(RecommendationKind.BEST_GOODPUT);
        assertEquals(
            best,
            model.selectedRowProperty().get(),
            "a load selects the best-goodput configuration"
        );
        model.selectedRowProperty().set(-1);
        assertNull(model.detailsProperty().get());
        int row = model.getEvaluation().front()[0];
        model.selectedRowProperty().set(row);
        ConfigurationDetails d = model.detailsProperty().get();
        assertNotNull(d);
        EvaluatedSpace s = model.getEvaluation().space();
        assertEquals(s.roundTimeSeconds(row), d.roundSeconds(), 1e-12);
        assertEquals(s.goodputTokensPerSecond(row), d.goodputTokensPerSecond(), 1e-12);
        assertTrue(d.verdict().startsWith("On the front"), d.verdict());
        assertEquals(s.kCount(), d.kValues().length);
        assertFalse(d.provenance().isEmpty());
    }

    @Test
    void selectionFollowsTheConfigurationWhenTheKRangeChanges() {
        int row = model.getEvaluation().front()[0];
        model.selectedRowProperty().set(row);
        var configuration = model.getEvaluation().space().configuration(row);
        model.whatIf().set("kMax", configuration.k() + 1);
        assertEquals(
            model.getEvaluation().space().kCount(),
            configuration.k() + 1 - model.getEvaluation().space().kMin() + 1
        );
        assertTrue(model.selectedRowProperty().get() >= 0);
        assertEquals(
            configuration,
            model.getEvaluation().space().configuration(model.selectedRowProperty().get())
        );
    }

    @Test
    void narrowingKPastTheSelectionSelectsTheSameCombinationAtTheNearestK() {
        var selected = selectAtK(8);
        model.whatIf().set("kMax", 6);
        assertEquals(6, model.getEvaluation().space().kMin() + model.getEvaluation().space().kCount() - 1);
        var expected = new io.configspec.model.domain.Configuration(
            selected.device(),
            selected.drafter(),
            selected.quantization(),
            selected.target(),
            6
        );
        assertEquals(expected, model.selectedConfigurationValue());
        ConfigurationDetails d = model.detailsProperty().get();
        assertNotNull(d, "the Details pane shows the configuration at K=6");
        assertEquals(expected, d.configuration());
        assertEquals(model.selectedRowProperty().get(), d.row());

        // raising "K from" past it moves it up to the new smallest K
        model.whatIf().set("kMin", 4);
        model.whatIf().set("kMax", 10);
        selectAtK(5);
        model.whatIf().set("kMin", 7);
        assertEquals(7, model.selectedConfigurationValue().k());
        assertNotNull(model.detailsProperty().get());
    }

    @Test
    void wideningKAgainReturnsTheSelectionToTheKTheUserPicked() {
        var picked = selectAtK(8);
        model.whatIf().set("kMax", 6);
        assertEquals(6, model.selectedConfigurationValue().k());
        model.whatIf().set("kMax", 7);
        assertEquals(7, model.selectedConfigurationValue().k(), "still as near as the range allows");

        model.whatIf().set("kMax", 10);
        assertEquals(picked, model.selectedConfigurationValue(), "back at the K the user picked");
        assertEquals(picked, model.detailsProperty().get().configuration());

        // a pick made while narrowed is the new one to come back to
        model.whatIf().set("kMax", 6);
        var second = selectAtK(3);
        model.whatIf().set("kMin", 5);
        assertEquals(5, model.selectedConfigurationValue().k());
        model.whatIf().set("kMin", 2);
        assertEquals(second, model.selectedConfigurationValue());
    }

    @Test
    void whenTheSelectedCombinationLeavesTheSpaceNothingIsSelected() {
        var selected = selectAtK(8);
        var loaded = model.loadedProperty().get();
        List<String> others = loaded
            .library()
            .devices()
            .stream()
            .map(d -> d.id())
            .filter(id -> !id.equals(selected.device()))
            .toList();
        assertTrue(model.changeSelection(ScenarioSelection.of(loaded.scenario()).withDevices(others)).join());
        assertEquals(-1, model.selectedRowProperty().get());
        assertNull(model.selectedConfigurationValue());
        assertNull(model.detailsProperty().get());
    }

    /** Selects the best-goodput configuration's combination at {@code k} and returns it. */
    private io.configspec.model.domain.Configuration selectAtK(int k) {
        Evaluation e = model.getEvaluation();
        var best = e.space().configuration(e.recommendedRow(RecommendationKind.BEST_GOODPUT));
        var wanted = new io.configspec.model.domain.Configuration(
            best.device(),
            best.drafter(),
            best.quantization(),
            best.target(),
            k
        );
        int row = ExplorerViewModel.rowOf(e, wanted);
        assertTrue(row >= 0, wanted + " is in the space");
        model.selectedRowProperty().set(row);
        assertEquals(wanted, model.selectedConfigurationValue());
        return wanted;
    }

    @Test
    void aMalformedProfileShowsItsErrorAndChangesNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken-device.json");
        Files.writeString(bad, "{ \"schemaVersion\": 1, \"kind\": \"device\", \"id\": \"x\", ");
        var entries = List.copyOf(model.library().entries());
        Evaluation before = model.getEvaluation();
        model.library().importFiles(List.of(bad)).join();
        assertEquals(1, model.library().problems().size());
        assertTrue(
            model.library().problems().getFirst().message().contains("broken-device.json"),
            model.library().problems().getFirst().message()
        );
        assertEquals(entries, model.library().entries());
        assertEquals(before, model.getEvaluation());
    }

    @Test
    void anEditChangesTheEvaluationAndUndoRestoresIt() {
        LibraryEntry device = Samples.firstDevice(model);
        LibraryEntry.EditableField speed = Samples.speeds(device).getFirst();
        double before = sumGoodput();
        assertTrue(model.library().edit(device.file(), speed.pointer(), speed.value() * 3).join());
        assertTrue(sumGoodput() > before);
        assertTrue(model.library().editStateProperty().get().dirty());
        assertTrue(model.library().undo().join());
        assertEquals(before, sumGoodput(), 1e-9);
        assertTrue(model.library().redo().join());
        assertTrue(sumGoodput() > before);
    }

    @Test
    void anInvalidEditIsRefusedWithItsReason() {
        LibraryEntry device = Samples.firstDevice(model);
        LibraryEntry.EditableField speed = Samples.speeds(device).getFirst();
        Evaluation before = model.getEvaluation();
        assertFalse(model.library().edit(device.file(), speed.pointer(), -3).join());
        assertEquals(before, model.getEvaluation());
        String message = model.library().problems().getFirst().message();
        assertTrue(
            message.contains(device.file().getFileName().toString()) && message.contains("tokensPerSecond"),
            message
        );
    }

    private double sumGoodput() {
        double sum = 0;
        for (double v : model.getEvaluation().space().column(Objective.GOODPUT)) sum += v;
        return sum;
    }

    @Test
    void evaluationRefusesToRunOnTheUiThread() {
        var loaded = model.loadedProperty().get();
        FxThreadGuard.registerUiThread();
        try {
            var request = new EvaluationRequest(
                loaded,
                SpaceIndex.of(loaded.space()),
                WhatIf.NONE,
                Objective.GOODPUT,
                Objective.TOKENS_PER_DOLLAR,
                ColourBy.DEVICE
            );
            assertThrows(IllegalStateException.class, () -> new AnalysisService().evaluate(request, null));
        } finally {
            FxThreadGuard.clearRegistration();
        }
    }

    @Test
    void aConstraintFadesTheRowsThatViolateItAndKeepsThemOffTheFront() {
        String key = WhatIf.constraintKey(
            io.configspec.model.analysis.Constraint.Bound.AT_LEAST,
            Objective.GOODPUT
        );
        model.whatIf().set(key, 3.0);
        Evaluation e = model.getEvaluation();
        assertTrue(e.space().feasibleCount() < e.size());
        var data = model.chartDataProperty().get();
        assertNotNull(data.dimmed());
        for (int row : e.front()) {
            assertTrue(e.space().goodputTokensPerSecond(row) >= 3.0);
            assertFalse(data.dimmed()[row]);
        }
        model.whatIf().slider(key).overridden().set(false);
        assertEquals(model.getEvaluation().size(), model.getEvaluation().space().feasibleCount());
    }

    @Test
    void leavingADeviceOutReEnumeratesTheSpace() {
        var loaded = model.loadedProperty().get();
        String first = loaded.library().devices().iterator().next().id();
        List<String> others = loaded
            .library()
            .devices()
            .stream()
            .map(d -> d.id())
            .filter(id -> !id.equals(first))
            .toList();
        int before = model.getEvaluation().size();
        assertTrue(model.changeSelection(ScenarioSelection.of(loaded.scenario()).withDevices(others)).join());
        assertTrue(model.getEvaluation().size() < before);
        for (int i = 0; i < model.getEvaluation().size(); i++) {
            assertNotEquals(first, model.getEvaluation().space().configuration(i).device());
        }
    }

    @Test
    void leavingEverythingOutIsRefusedWithAReason() {
        var loaded = model.loadedProperty().get();
        Evaluation before = model.getEvaluation();
        assertFalse(
            model
                .changeSelection(
                    ScenarioSelection.of(loaded.scenario()).withDevices(List.of("no-such-device"))
                )
                .join()
        );
        assertEquals(before, model.getEvaluation());
        assertTrue(
            model.statusProperty().get().startsWith("Selection not applied"),
            model.statusProperty().get()
        );
    }

    @Test
    void colouringByKGivesOneCategoryPerK() {
        model.viewSettings().colourBy().set(ColourBy.K);
        var data = model.chartDataProperty().get();
        assertEquals(model.getEvaluation().space().kCount(), data.categoryNames().size());
        assertEquals("K=" + model.getEvaluation().space().kMin(), data.categoryNames().getFirst());
    }
}
