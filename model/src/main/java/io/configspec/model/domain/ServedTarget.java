package io.configspec.model.domain;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * One target model as served by a verification server: its latency, its price and its plain
 * decoding speed (for the cloud-only baseline).
 *
 * @param target target model id
 * @param verification verification latency model
 * @param dollarsPerMillionVerifiedTokens token pricing, $ per 1M verified positions, if offered
 * @param dollarsPerGpuHour GPU-time pricing, $ per GPU-hour, if offered
 * @param targetStepSeconds one autoregressive decoding step of the target alone, s &gt; 0; empty when
 *     not known (the cloud-only baseline and speedup are then not computed)
 * @param provenance where the numbers come from
 * @param fieldProvenance per-field overrides
 */
public record ServedTarget(
    String target,
    VerificationLatency verification,
    OptionalDouble dollarsPerMillionVerifiedTokens,
    OptionalDouble dollarsPerGpuHour,
    OptionalDouble targetStepSeconds,
    Provenance provenance,
    Map<String, Provenance> fieldProvenance
) implements HasProvenance {
    public ServedTarget {
        FieldChecks.text("target", target);
        FieldChecks.present("verification", verification);
        dollarsPerMillionVerifiedTokens = FieldChecks.present(
            "dollarsPerMillionVerifiedTokens",
            dollarsPerMillionVerifiedTokens
        );
        dollarsPerGpuHour = FieldChecks.present("dollarsPerGpuHour", dollarsPerGpuHour);
        if (dollarsPerMillionVerifiedTokens.isEmpty() && dollarsPerGpuHour.isEmpty()) {
            throw new InvalidFieldException(
                "dollarsPerMillionVerifiedTokens",
                "is missing (give it or dollarsPerGpuHour)"
            );
        }
        dollarsPerMillionVerifiedTokens.ifPresent(v ->
            FieldChecks.positive("dollarsPerMillionVerifiedTokens", v)
        );
        dollarsPerGpuHour.ifPresent(v -> FieldChecks.positive("dollarsPerGpuHour", v));
        targetStepSeconds = FieldChecks.positive("targetStepSeconds", targetStepSeconds);
        fieldProvenance = FieldChecks.provenance(ServedTarget.class, provenance, fieldProvenance);
    }

    /** A served target whose plain decoding step is known. */
    public ServedTarget(
        String target,
        VerificationLatency verification,
        OptionalDouble dollarsPerMillionVerifiedTokens,
        OptionalDouble dollarsPerGpuHour,
        double targetStepSeconds,
        Provenance provenance,
        Map<String, Provenance> fieldProvenance
    ) {
        this(
            target,
            verification,
            dollarsPerMillionVerifiedTokens,
            dollarsPerGpuHour,
            OptionalDouble.of(targetStepSeconds),
            provenance,
            fieldProvenance
        );
    }
}
