package io.configspec.model.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.ParetoFront;
import io.configspec.model.pareto.Recommendations;
import io.configspec.model.testing.SampleFiles;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScenarioEvaluationTest {

    private static ScenarioLoader.LoadedScenario paper;

    @BeforeAll
    static void load() throws Exception {
        paper = ScenarioLoader.load(SampleFiles.paperScenario());
    }

    @Test
    void theFrontAndTheRecommendationsAreThoseOfTheModel() {
        ScenarioEvaluation e = ScenarioEvaluation.evaluate(paper, paper.scenario().whatIf());
        EvaluatedSpace rows = e.rows();
        double[][] columns = Objective.GOODPUT_COST_ENERGY.stream()
            .map(rows::column)
            .toArray(double[][]::new);
        int[] front = ParetoFront.nonDominated(
            columns,
            new boolean[] { true, true, true },
            rows.feasibleMask()
        );
        assertArrayEquals(front, e.paperFront());
        assertEquals(Recommendations.of(rows), e.recommendations());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(java.util.Arrays.binarySearch(front, i) >= 0, e.onPaperFront(i));
        }
    }

    @Test
    void aFrontIsComputedOncePerListOfObjectives() {
        ScenarioEvaluation e = ScenarioEvaluation.evaluate(paper, WhatIf.NONE);
        List<Objective> axes = List.of(Objective.GOODPUT, Objective.JOULES_PER_TOKEN);
        assertSame(e.front(axes), e.front(axes));
        assertSame(e.paperFront(), e.front(Objective.GOODPUT_COST_ENERGY));
        int[] best = e.front(List.of(Objective.GOODPUT, Objective.GOODPUT));
        assertEquals(1, best.length);
        assertEquals(rowsBest(e.rows(), Objective.GOODPUT), best[0]);
    }

    @Test
    void theNearestRowKeepsTheCombinationAndTakesTheClosestHeldK() {
        ScenarioEvaluation whole = ScenarioEvaluation.evaluate(paper, WhatIf.NONE);
        EvaluatedSpace rows = whole.rows();
        int kCount = rows.kCount();
        int kMin = rows.kMin();
        var base = whole.configuration(kCount); // the second combination at the smallest K
        var atK = (java.util.function.IntFunction<io.configspec.model.domain.Configuration>) k ->
            new io.configspec.model.domain.Configuration(
                base.device(),
                base.drafter(),
                base.quantization(),
                base.target(),
                k
            );
        int kMax = kMin + kCount - 1;
        assertEquals(whole.rowOf(atK.apply(kMin + 1)), whole.nearestRowOf(atK.apply(kMin + 1)));
        assertEquals(whole.rowOf(atK.apply(kMax)), whole.nearestRowOf(atK.apply(kMax + 5)));
        assertEquals(-1, whole.rowOf(atK.apply(kMax + 5)));

        // a selection holding this combination at kMin + 2 and kMin + 6 only
        ScenarioEvaluation two = whole.sample(new long[] { kCount + 2, kCount + 6 });
        assertEquals(atK.apply(kMin + 2), two.configuration(two.nearestRowOf(atK.apply(kMin + 4))), "tie");
        assertEquals(atK.apply(kMin + 6), two.configuration(two.nearestRowOf(atK.apply(kMin + 5))));
        assertEquals(atK.apply(kMin + 2), two.configuration(two.nearestRowOf(atK.apply(kMin))));
        assertEquals(-1, two.rowOf(atK.apply(kMin + 4)));
        assertEquals(-1, two.nearestRowOf(whole.configuration(0)), "another combination is not held");
        assertEquals(
            -1,
            whole.nearestRowOf(
                new io.configspec.model.domain.Configuration("no-such-device", "d", "q", "t", kMin)
            )
        );
    }

    private static int rowsBest(EvaluatedSpace rows, Objective objective) {
        return rows.best(objective);
    }

    @Test
    void theFilterKeepsOnlyTheNamedDevice() {
        ScenarioEvaluation e = ScenarioEvaluation.evaluate(
            paper,
            WhatIf.NONE,
            new ConfigurationFilter(List.of("raspberry-pi-5-paper"), List.of(), List.of()),
            null
        );
        assertTrue(e.size() > 0);
        for (int i = 0; i < e.size(); i++) {
            assertEquals("raspberry-pi-5-paper", e.configuration(i).device());
        }
        assertEquals("raspberry-pi-5-paper", e.recommendations().getFirst().configuration().device());
    }

    @Test
    void anUnknownIdInTheFilterNamesTheOptionAndTheKnownIds() {
        InvalidFieldException error = assertThrows(InvalidFieldException.class, () ->
            ScenarioEvaluation.evaluate(
                paper,
                WhatIf.NONE,
                new ConfigurationFilter(List.of(), List.of("no-such-drafter"), List.of()),
                null
            )
        );
        assertEquals("--drafter", error.field());
        assertTrue(error.problem().contains("qwen3-0.6b"), error.problem());
    }

    @Test
    void reusingAnEvaluationGivesTheSameRowsAsAFreshOne() {
        ScenarioEvaluation first = ScenarioEvaluation.evaluate(paper, WhatIf.NONE);
        WhatIf slower = WhatIf.NONE.with(WhatIf.VERIFY_SECONDS, 0.9);
        ScenarioEvaluation reused = ScenarioEvaluation.evaluate(
            paper,
            slower,
            ConfigurationFilter.ALL,
            first
        );
        ScenarioEvaluation fresh = ScenarioEvaluation.evaluate(paper, slower);
        assertSame(first.rows(), reused.rows());
        assertArrayEquals(fresh.rows().column(Objective.GOODPUT), reused.rows().column(Objective.GOODPUT));
        assertArrayEquals(fresh.paperFront(), reused.paperFront());
    }

    @Test
    void everyDeviceGetsItsBestGoodputK() {
        ScenarioEvaluation e = ScenarioEvaluation.evaluate(paper, WhatIf.NONE);
        List<ScenarioEvaluation.DeviceOptimum> optima = e.bestGoodputPerDevice();
        assertEquals(3, optima.size());
        for (ScenarioEvaluation.DeviceOptimum o : optima) {
            double g = e.rows().goodputTokensPerSecond(o.row());
            for (int i = 0; i < e.size(); i++) {
                if (e.configuration(i).device().equals(o.device().id())) {
                    assertTrue(e.rows().goodputTokensPerSecond(i) <= g);
                }
            }
            assertEquals(e.rows().k(o.row()), o.k());
        }
    }
}
