package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.io.ScenarioLoader;
import java.util.Objects;

/**
 * One evaluation the explorer wants: a loaded scenario under a what-if, with the chart's axes and
 * colour. Immutable, so a slider drag can hand a burst of them to the coalescer.
 */
public record EvaluationRequest(
    ScenarioLoader.LoadedScenario loaded,
    SpaceIndex index,
    WhatIf whatIf,
    Objective xObjective,
    Objective yObjective,
    ColourBy colourBy
) {
    public EvaluationRequest {
        Objects.requireNonNull(loaded, "loaded");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(whatIf, "whatIf");
        Objects.requireNonNull(xObjective, "xObjective");
        Objects.requireNonNull(yObjective, "yObjective");
        Objects.requireNonNull(colourBy, "colourBy");
        // refuses here, on the caller's thread, a K range the space cannot evaluate (e.g. outside a
        // per-K acceptance table): InvalidFieldException with one sentence the caller shows
        loaded.space().size(whatIf);
    }

    /** The configuration space evaluated. */
    public ConfigurationSpace space() {
        return loaded.space();
    }
}
