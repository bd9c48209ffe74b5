package io.configspec.model.analysis;

import java.util.Arrays;
import java.util.Optional;

/** How verification is billed (DESIGN §4). */
public enum PricingMode {
    /** $ per verified position, K + 1 positions per round (the ConfigSpec paper's mode). */
    TOKEN("token"),
    /** $ per GPU-hour, the device's share T_v(K, B) / B of a batch. */
    GPU_TIME("gpu-time");

    private final String jsonName;

    PricingMode(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<PricingMode> fromJsonName(String name) {
        return Arrays.stream(values())
            .filter(m -> m.jsonName.equals(name))
            .findFirst();
    }
}
