package io.configspec.model.testing;

import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.VerificationLatency;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Profiles that tests build in code, with illustrative provenance and none per field. */
public final class HandMadeProfiles {

    public static final Provenance ILLUSTRATIVE = new Provenance.Illustrative();

    private HandMadeProfiles() {}

    /** Single-board computer {@code d} ("D"): a CPU, no GPU, 8 GiB, 2 W idle, drafting as given. */
    public static DeviceProfile device(List<DraftingMeasurement> drafting) {
        return new DeviceProfile(
            "d",
            "D",
            DeviceKind.SINGLE_BOARD_COMPUTER,
            "cpu",
            "",
            8,
            2,
            drafting,
            ILLUSTRATIVE,
            Map.of()
        );
    }

    /** {@code target} as a server serves it: its verification latency, prices in $, target step in s. */
    public static ServedTarget served(
        String target,
        VerificationLatency latency,
        OptionalDouble dollarsPerMillionVerifiedTokens,
        OptionalDouble dollarsPerGpuHour,
        double targetStepSeconds
    ) {
        return new ServedTarget(
            target,
            latency,
            dollarsPerMillionVerifiedTokens,
            dollarsPerGpuHour,
            targetStepSeconds,
            ILLUSTRATIVE,
            Map.of()
        );
    }
}
