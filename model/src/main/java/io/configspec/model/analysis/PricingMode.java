package io.configspec.model.analysis;

import io.configspec.model.domain.JsonNamed;

/** How verification is billed (DESIGN §4). */
public enum PricingMode implements JsonNamed {
    /** $ per verified position, K + 1 positions per round (the ConfigSpec paper's mode): {@code token}. */
    TOKEN,
    /** $ per GPU-hour, the device's share T_v(K, B) / B of a batch: {@code gpu-time}. */
    GPU_TIME,
}
