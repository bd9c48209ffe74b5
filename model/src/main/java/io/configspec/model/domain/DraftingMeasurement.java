package io.configspec.model.domain;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * How fast, and at what power, one device drafts with one drafter at one quantisation.
 *
 * <p>Drafting time for K tokens at context length c: {@code o + K × (1 + s × c / 1000) / r},
 * where r = {@link #tokensPerSecond()}, o = {@link #roundOverheadSeconds()} and s = {@link
 * #contextSlowdownPerThousandTokens()} (the relative slowdown of one drafted token per 1000 tokens
 * of context; 0 if unknown).
 *
 * @param drafter id of the drafter model
 * @param quantization quantisation name, one of the drafter's
 * @param tokensPerSecond decode throughput r at short context, tokens/s, &gt; 0
 * @param roundOverheadSeconds fixed per-round cost o (prefill of accepted tokens, sampling), s, ≥ 0
 * @param contextSlowdownPerThousandTokens relative slowdown s per 1000 context tokens, ≥ 0
 * @param powerWatts board power while drafting, W, &gt; 0; empty when not measured (the device is then
 *     left out of energy objectives with that reason, never given an invented watt)
 * @param provenance where the numbers come from
 * @param fieldProvenance per-field overrides
 */
public record DraftingMeasurement(
    String drafter,
    String quantization,
    double tokensPerSecond,
    double roundOverheadSeconds,
    double contextSlowdownPerThousandTokens,
    OptionalDouble powerWatts,
    Provenance provenance,
    Map<String, Provenance> fieldProvenance
) implements HasProvenance {
    public DraftingMeasurement {
        FieldChecks.text("drafter", drafter);
        FieldChecks.text("quantization", quantization);
        FieldChecks.positive("tokensPerSecond", tokensPerSecond);
        FieldChecks.nonNegative("roundOverheadSeconds", roundOverheadSeconds);
        FieldChecks.nonNegative("contextSlowdownPerThousandTokens", contextSlowdownPerThousandTokens);
        powerWatts = FieldChecks.positive("powerWatts", powerWatts);
        fieldProvenance = FieldChecks.provenance(DraftingMeasurement.class, provenance, fieldProvenance);
    }

    /** A measurement with its drafting power known. */
    public DraftingMeasurement(
        String drafter,
        String quantization,
        double tokensPerSecond,
        double roundOverheadSeconds,
        double contextSlowdownPerThousandTokens,
        double powerWatts,
        Provenance provenance,
        Map<String, Provenance> fieldProvenance
    ) {
        this(
            drafter,
            quantization,
            tokensPerSecond,
            roundOverheadSeconds,
            contextSlowdownPerThousandTokens,
            OptionalDouble.of(powerWatts),
            provenance,
            fieldProvenance
        );
    }

    /** Effective drafting throughput at a context of {@code contextTokens} tokens, tokens/s. */
    public double tokensPerSecondAt(double contextTokens) {
        return tokensPerSecond / (1.0 + (contextSlowdownPerThousandTokens * contextTokens) / 1000.0);
    }
}
