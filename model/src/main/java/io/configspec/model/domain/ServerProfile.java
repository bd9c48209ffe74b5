package io.configspec.model.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verification server and the targets it serves.
 *
 * @param id unique id, e.g. {@code a100-fixed-0.5s}
 * @param name display name
 * @param gpu GPU description, e.g. {@code 4 × NVIDIA A100 80GB}
 * @param targets served targets, at least one, each target at most once
 * @param provenance where the numbers come from
 * @param fieldProvenance per-field overrides
 */
public record ServerProfile(
    String id,
    String name,
    String gpu,
    List<ServedTarget> targets,
    Provenance provenance,
    Map<String, Provenance> fieldProvenance
) implements HasProvenance {
    public ServerProfile {
        FieldChecks.text("id", id);
        FieldChecks.text("name", name);
        FieldChecks.text("gpu", gpu);
        targets = FieldChecks.nonEmptyList("targets", targets, "served target");
        FieldChecks.distinct("targets", targets, "target", "target", ServedTarget::target);
        fieldProvenance = FieldChecks.provenance(ServerProfile.class, provenance, fieldProvenance);
    }

    public Optional<ServedTarget> served(String targetId) {
        return targets
            .stream()
            .filter(t -> t.target().equals(targetId))
            .findFirst();
    }
}
