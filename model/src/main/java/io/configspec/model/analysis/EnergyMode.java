package io.configspec.model.analysis;

import java.util.Arrays;
import java.util.Optional;

/** Which device energy counts per round (DESIGN §4). */
public enum EnergyMode {
    /** P_draft × drafting time (the ConfigSpec paper's mode). */
    DRAFTING_ONLY("drafting-only"),
    /** Drafting energy plus P_idle × the rest of the round (network and verification wait). */
    WHOLE_ROUND("whole-round");

    private final String jsonName;

    EnergyMode(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<EnergyMode> fromJsonName(String name) {
        return Arrays.stream(values())
            .filter(m -> m.jsonName.equals(name))
            .findFirst();
    }
}
