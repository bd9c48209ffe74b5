package io.configspec.model.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.SampleFiles;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecommendationsTest {

    private static final Objective[] THREE = {
        Objective.GOODPUT,
        Objective.TOKENS_PER_DOLLAR,
        Objective.TOKENS_PER_JOULE,
    };

    private static ScenarioLoader.LoadedScenario paper;
    private static EvaluatedSpace space;
    private static List<Recommendation> recommendations;

    @BeforeAll
    static void evaluatePaperScenario() throws Exception {
        paper = ScenarioLoader.load(SampleFiles.paperScenario());
        space = paper.space().evaluate(WhatIf.NONE);
        recommendations = Recommendations.of(space);
    }

    private static double[][] columns(EvaluatedSpace s) {
        return Arrays.stream(THREE).map(s::column).toArray(double[][]::new);
    }

    @Test
    void givesGoodputCostEnergyAndBalancedInThatOrder() {
        assertEquals(
            List.of(
                Recommendation.Kind.GOODPUT,
                Recommendation.Kind.COST,
                Recommendation.Kind.ENERGY,
                Recommendation.Kind.BALANCED
            ),
            recommendations.stream().map(Recommendation::kind).toList()
        );
    }

    @Test
    void eachBestHasTheBestFeasibleValueOfItsObjective() {
        for (int j = 0; j < 3; j++) {
            Recommendation r = recommendations.get(j);
            assertEquals(space.value(THREE[j], space.best(THREE[j])), space.value(THREE[j], r.row()));
            assertEquals(space.configuration(r.row()), r.configuration());
        }
    }

    @Test
    void everyRecommendationIsOnTheParetoFront() {
        int[] front = ParetoFront.nonDominated(
            columns(space),
            new boolean[] { true, true, true },
            space.feasibleMask()
        );
        for (Recommendation r : recommendations) {
            assertTrue(
                Arrays.binarySearch(front, r.row()) >= 0,
                r.kind() + " row " + r.row() + " not on the front"
            );
        }
    }

    @Test
    void balancedIsTheKneeOfTheFront() {
        boolean[] maximize = { true, true, true };
        int[] front = ParetoFront.nonDominated(columns(space), maximize, space.feasibleMask());
        assertEquals(KneePoint.select(columns(space), maximize, front), recommendations.get(3).row());
    }

    @Test
    void costAndEnergyOptimaUseTheSmallestK() {
        // the paper's finding under token pricing and drafting-only energy
        assertEquals(2, recommendations.get(1).configuration().k());
        assertEquals(2, recommendations.get(2).configuration().k());
    }

    @Test
    void reasonsAreOneLineWithNumbersAndUnits() {
        String[] units = { "tokens/s", "tokens/$", "tokens/J", "tokens/s" };
        for (int i = 0; i < 4; i++) {
            String reason = recommendations.get(i).reason();
            assertTrue(reason.contains(units[i]), reason);
            assertTrue(reason.matches(".*\\d.*"), reason);
            assertTrue(!reason.contains("\n"), reason);
            assertTrue(reason.contains("K=" + recommendations.get(i).configuration().k()), reason);
        }
        // the paper states no plain decoding time for its targets, so no cloud-only baseline is invented
        Recommendation goodput = recommendations.get(0);
        assertEquals(
            Double.isFinite(space.speedupOverCloudOnly(goodput.row())),
            goodput.reason().contains("× cloud-only"),
            goodput.reason()
        );
    }

    @Test
    void reasonsGiveTheAcceptanceSpreadAndSayWhenTheRunnerUpOverlaps() {
        for (int j = 0; j < 3; j++) {
            Recommendation r = recommendations.get(j);
            double[] interval = space.interval(THREE[j], r.row());
            assertTrue(interval[0] < space.value(THREE[j], r.row()), r.reason());
            assertTrue(interval[1] > space.value(THREE[j], r.row()), r.reason());
            assertTrue(r.reason().contains("α(K) ± 1 s.d."), r.reason());
            assertTrue(r.reason().contains("the runner-up"), r.reason());
        }
        // best goodput: Jetson AGX Orin, Llama-3.2-1B-Instruct at K=8 (7.65 tokens/s) against the
        // same drafter at K=9 (7.60 tokens/s): one standard deviation of α(K) spans both
        assertTrue(recommendations.get(0).reason().contains("overlaps it"), recommendations.get(0).reason());
    }

    @Test
    void disjointIntervalsAreSaidNotToOverlap() {
        // two rows far apart: the fastest goodput row and the slowest one
        int fast = space.best(Objective.GOODPUT);
        int slow = 0;
        for (int i = 0; i < space.size(); i++) {
            if (space.goodputTokensPerSecond(i) < space.goodputTokensPerSecond(slow)) {
                slow = i;
            }
        }
        boolean[] onlyThese = new boolean[space.size()];
        onlyThese[fast] = true;
        onlyThese[slow] = true;
        String note = Recommendations.spreadNote(space, Objective.GOODPUT, fast, onlyThese);
        assertTrue(space.interval(Objective.GOODPUT, slow)[1] < space.interval(Objective.GOODPUT, fast)[0]);
        assertTrue(note.contains("does not overlap it"), note);
        assertTrue(note.contains("K=" + space.k(slow)), note);
    }

    @Test
    void nothingIsRecommendedWhenNoConfigurationIsFeasible() {
        EvaluatedSpace none = paper.space().evaluate(WhatIf.NONE.with("minGoodput", "1e9"));
        assertEquals(List.of(), Recommendations.of(none));
    }

    @Test
    void tiesOnTheObjectiveGoToTheBestOfTheOtherObjectives() {
        double[][] columns = { { 5, 5, 5 }, { 1, 3, 2 }, { 9, 1, 9 } };
        assertEquals(1, Recommendations.bestWithTieBreak(columns, 0, new boolean[] { true, true, true }));
        assertEquals(2, Recommendations.bestWithTieBreak(columns, 0, new boolean[] { true, false, true }));
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({ "12.41, 12.4", "0.12345, 0.123", "12345.6, '12,346'", "1234567, 1.23 million", "0, 0" })
    void numbersForPeopleHaveThreeSignificantDigitsOrSeparators(double value, String shown) {
        assertEquals(shown, Recommendations.number(value));
    }
}
