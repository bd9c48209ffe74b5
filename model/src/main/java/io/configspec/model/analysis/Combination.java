package io.configspec.model.analysis;

import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DrafterModel;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.TargetModel;

/**
 * One (device, drafter, quantisation, target) of a configuration space with the profile records
 * behind its numbers (for details and provenance); K varies over the space's range.
 */
public record Combination(
    DeviceProfile device,
    DrafterModel drafter,
    String quantization,
    TargetModel target,
    DraftingMeasurement drafting,
    AlignmentProfile alignment,
    ServedTarget served
) {}
