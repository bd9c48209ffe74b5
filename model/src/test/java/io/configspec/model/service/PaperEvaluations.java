package io.configspec.model.service;

import io.configspec.model.analysis.WhatIf;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.SampleFiles;

/** The bundled paper scenario, evaluated for the tests of what reads an evaluation. */
final class PaperEvaluations {

    private PaperEvaluations() {}

    /** The paper scenario evaluated with its K range cut at {@code kMax} (a smaller table). */
    static ScenarioEvaluation withKMax(int kMax) throws Exception {
        ScenarioLoader.LoadedScenario paper = ScenarioLoader.load(SampleFiles.paperScenario());
        return ScenarioEvaluation.evaluate(paper, WhatIf.NONE.with("kMax", Integer.toString(kMax)));
    }
}
