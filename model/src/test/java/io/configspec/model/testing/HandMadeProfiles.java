package io.configspec.model.testing;

import io.configspec.model.analysis.EnergyMode;
import io.configspec.model.analysis.PricingMode;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.TokenBilling;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.VerificationLatency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

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

    /** Model {@code id} of {@code family}, drafter or target, naming no Hugging Face repository. */
    public static LanguageModel model(
        String id,
        String name,
        String family,
        long parameterCount,
        List<QuantizationVariant> quantizations
    ) {
        return new LanguageModel(
            id,
            name,
            family,
            parameterCount,
            quantizations,
            ILLUSTRATIVE,
            Map.of(),
            Optional.empty()
        );
    }

    /**
     * Scenario {@code id} over every profile beside it ({@code "."}): every device, drafter,
     * quantisation and target, verified on server {@code s}, K from {@code kMin} to 8, the default
     * objectives, no constraints or what-if, K + 1 positions billed per round, one prompt set for all
     * traffic. A test sets a mix and routes with {@link Scenario#withMix} and {@link
     * Scenario#withRoutes}.
     */
    public static Scenario scenario(
        String id,
        Optional<String> network,
        int kMin,
        PricingMode pricing,
        EnergyMode energy,
        int contextTokens,
        int batchSize,
        OptionalInt requestTokens
    ) {
        return new Scenario(
            id,
            id,
            "",
            List.of("."),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "s",
            network,
            kMin,
            8,
            List.of(),
            List.of(),
            WhatIf.NONE,
            pricing,
            TokenBilling.DRAFTS_AND_BONUS,
            energy,
            contextTokens,
            batchSize,
            List.of(),
            requestTokens,
            List.of()
        );
    }
}
