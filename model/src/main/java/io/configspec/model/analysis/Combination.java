package io.configspec.model.analysis;

import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.ServedTarget;
import java.util.List;

/**
 * One (device, drafter, quantisation, target) of a configuration space with the profile records
 * behind its numbers (for details and provenance); K varies over the space's range.
 */
public record Combination(
    DeviceProfile device,
    LanguageModel drafter,
    String quantization,
    LanguageModel target,
    DraftingMeasurement drafting,
    AlignmentProfile alignment,
    ServedTarget served
) {
    /** Where the drafting speed comes from. */
    public Provenance draftingSource() {
        return drafting.provenanceOf("tokensPerSecond");
    }

    /** Where the drafting power comes from. */
    public Provenance powerSource() {
        return drafting.provenanceOf("powerWatts");
    }

    /** Where the acceptance rate α (or the per-K table α(K)) comes from. */
    public Provenance acceptanceSource() {
        return alignment.provenanceOf(alignment.hasAcceptanceByK() ? "acceptanceByK" : "acceptanceRate");
    }

    /** Where the verification latency T_v comes from (not its price). */
    public Provenance verificationSource() {
        return served.provenanceOf("verification");
    }

    /** The four sources above, in that order: drafting speed, power, acceptance, verification. */
    public List<Provenance> sources() {
        return List.of(draftingSource(), powerSource(), acceptanceSource(), verificationSource());
    }

    /** Whether any number behind this combination is an illustrative placeholder. */
    public boolean illustrative() {
        return sources()
            .stream()
            .anyMatch(p -> p instanceof Provenance.Illustrative);
    }
}
