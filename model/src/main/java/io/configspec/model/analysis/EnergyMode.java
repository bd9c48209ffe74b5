package io.configspec.model.analysis;

import io.configspec.model.domain.JsonNamed;

/** Which device energy counts per round (DESIGN §4). */
public enum EnergyMode implements JsonNamed {
    /** P_draft × drafting time (the ConfigSpec paper's mode): {@code drafting-only}. */
    DRAFTING_ONLY,
    /**
     * Drafting energy plus P_idle × the rest of the round (network and verification wait): {@code
     * whole-round}.
     */
    WHOLE_ROUND,
}
