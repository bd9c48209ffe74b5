package io.configspec.model.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.Configuration;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Past a combination's settled K ({@link ConfigurationSpace#settledK}) E[N] keeps its bits and no
 * objective improves, so a streamed pass may skip most of a long K range: it must still answer
 * exactly as an evaluation of every row (issue 20, acceptance 2: {@code recommend --set
 * kMax=1000000}).
 */
class SettledTailTest {

    /** Long enough that the illustrative combinations settle well inside it (α = 0.9 settles at K = 329). */
    private static final int K_MAX = 1500;

    private static ScenarioLoader.LoadedScenario loaded;
    private static WhatIf longRange;

    @BeforeAll
    static void load() throws Exception {
        loaded = ScenarioLoader.load(SampleFiles.illustrativeScenario());
        longRange = loaded.scenario().whatIf().with("kMax", Integer.toString(K_MAX));
    }

    @Test
    void pastTheSettledKTheExpectedTokensKeepTheirBitsAndNoObjectiveImproves() {
        ConfigurationSpace space = loaded.space();
        for (WhatIf whatIf : List.of(
            longRange,
            longRange.with("alphaScale", "0.7"),
            longRange.with("pricing", "gpu-time"),
            longRange.with("verifySeconds", "0.05")
        )) {
            EvaluatedSpace whole = space.evaluate(whatIf);
            int kCount = whole.kCount();
            int settledCombinations = 0;
            for (int c = 0; c < space.combinations().size(); c++) {
                int settled = space.settledK(whatIf, c);
                if (settled < 0) {
                    continue;
                }
                settledCombinations++;
                int first = c * kCount + (settled - whole.kMin());
                double tokens = whole.expectedTokensPerRound(first);
                for (int row = first + 1; row < (c + 1) * kCount; row++) {
                    String where = whatIf.settings() + " " + whole.configuration(row);
                    assertEquals(
                        Double.doubleToRawLongBits(tokens),
                        Double.doubleToRawLongBits(whole.expectedTokensPerRound(row)),
                        where
                    );
                    for (Objective objective : Objective.values()) {
                        double before = whole.value(objective, row - 1);
                        double now = whole.value(objective, row);
                        if (Double.isNaN(before)) {
                            assertTrue(Double.isNaN(now), where + " " + objective);
                        } else {
                            assertTrue(!objective.better(now, before), where + " " + objective);
                        }
                    }
                }
            }
            // the sample's α are below 1, so every combination settles far below kMax
            assertEquals(space.combinations().size(), settledCombinations, whatIf.settings().toString());
        }
    }

    @Test
    void noTailIsSkippedWhereTheArgumentDoesNotHold() {
        ConfigurationSpace space = loaded.space();
        for (WhatIf whatIf : List.of(
            longRange.with("energy", "whole-round"), // subtracts drafting time from the round time
            longRange.with("alphaScale", "100") // α × scale clamped to 1: E[N] = K + 1 never settles
        )) {
            for (int c = 0; c < space.combinations().size(); c++) {
                assertEquals(-1, space.settledK(whatIf, c), whatIf.settings() + " combination " + c);
            }
        }
    }

    @Test
    void aStreamedPassSkippingSettledTailsAnswersAsEveryRowEvaluated() throws IOException {
        ConfigurationSpace space = loaded.space();
        EvaluatedSpace own = space.evaluate(longRange);
        int kCount = own.kCount();
        // thresholds taken deep inside a settled tail, so that the feasible stretch of a tail
        // starts or ends there: constraints of both directions on maximised and minimised objectives
        int deep = 3 * kCount + 700;
        List<WhatIf> whatIfs = new ArrayList<>(
            List.of(
                longRange,
                longRange.with("alphaScale", "0.7"),
                longRange.with("alphaScale", "1.3"), // some combinations reach α = 1, some settle
                longRange.with("pricing", "gpu-time"),
                longRange.with("energy", "whole-round"),
                longRange.with("minGoodput", "3"),
                longRange.with("minGoodput", "1000000") // nothing feasible
            )
        );
        whatIfs.add(longRange.with("maxGoodput", number(own.value(Objective.GOODPUT, deep))));
        whatIfs.add(longRange.with("minTimePerToken", number(own.value(Objective.TIME_PER_TOKEN, deep))));
        whatIfs.add(
            longRange
                .with("minTokensPerDollar", number(own.value(Objective.TOKENS_PER_DOLLAR, deep)))
                .with("maxJoulesPerToken", number(own.value(Objective.JOULES_PER_TOKEN, deep + 200)))
        );
        whatIfs.add(
            longRange
                .with("maxTokensPerJoule", number(own.value(Objective.TOKENS_PER_JOULE, deep)))
                .with("minGoodput", number(own.value(Objective.GOODPUT, deep + 300)))
        );
        List<List<Objective>> lists = List.of(
            List.of(Objective.GOODPUT, Objective.JOULES_PER_TOKEN),
            List.of(Objective.TIME_PER_TOKEN, Objective.DOLLARS_PER_MILLION_TOKENS),
            List.of(Objective.TOKENS_PER_DOLLAR)
        );
        for (WhatIf whatIf : whatIfs) {
            ScenarioEvaluation whole = ScenarioEvaluation.evaluate(loaded, whatIf);
            ScenarioEvaluation streamed = ScenarioEvaluation.scan(
                loaded,
                whatIf,
                ConfigurationFilter.ALL,
                lists
            );
            String where = whatIf.settings().toString();
            assertEquals(whole.configurationCount(), streamed.configurationCount(), where);
            assertEquals(whole.feasibleCount(), streamed.feasibleCount(), where);
            List<List<Objective>> all = new ArrayList<>(lists);
            all.add(Objective.GOODPUT_COST_ENERGY);
            for (List<Objective> objectives : all) {
                assertEquals(
                    configurations(whole, whole.frontBestFirst(objectives)),
                    configurations(streamed, streamed.frontBestFirst(objectives)),
                    where + " front " + objectives
                );
                if (objectives.size() > 1) {
                    assertEquals(
                        whole.normalisedHypervolume(objectives),
                        streamed.normalisedHypervolume(objectives),
                        1e-12,
                        where + " hypervolume " + objectives
                    );
                }
            }
            for (ConfigurationRowWriter.Format format : ConfigurationRowWriter.Format.values()) {
                assertEquals(
                    written(whole, format),
                    written(streamed, format),
                    where + " recommendations as " + format
                );
            }
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.17g", value);
    }

    private static List<Configuration> configurations(ScenarioEvaluation e, int[] rows) {
        return Arrays.stream(rows).mapToObj(e::configuration).toList();
    }

    private static String written(ScenarioEvaluation e, ConfigurationRowWriter.Format format)
        throws IOException {
        StringWriter writer = new StringWriter();
        ConfigurationRowWriter.writeRecommendations(format, writer, e, e.recommendations());
        return e.recommendations().size() + " " + writer;
    }
}
