package io.configspec.model.io;

import io.configspec.model.analysis.Scenario;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.FieldChecks;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.ServerProfile;
import java.util.List;

/** The content of one profile or scenario file; {@link #kind()} is its JSON {@code kind}. */
public sealed interface ProfileDocument {
    /** The file's {@code kind}: {@code device}, {@code models}, {@code alignment}, {@code server}, {@code network}, {@code scenario} or {@code fleet-scenario}. */
    default String kind() {
        return switch (this) {
            case DeviceDocument d -> "device";
            case ModelsDocument m -> "models";
            case AlignmentDocument a -> "alignment";
            case ServerDocument s -> "server";
            case NetworkDocument n -> "network";
            case ScenarioDocument s -> "scenario";
            case FleetScenarioDocument f -> "fleet-scenario";
        };
    }

    /** The file's {@code id}. */
    default String id() {
        return switch (this) {
            case DeviceDocument(DeviceProfile device) -> device.id();
            case ModelsDocument models -> models.id();
            case AlignmentDocument alignment -> alignment.id();
            case ServerDocument(ServerProfile server) -> server.id();
            case NetworkDocument(NetworkProfile network) -> network.id();
            case ScenarioDocument(Scenario scenario) -> scenario.id();
            case FleetScenarioDocument(FleetScenarioSpec spec) -> spec.id();
        };
    }

    /** A device profile with its drafting measurements. */
    record DeviceDocument(DeviceProfile device) implements ProfileDocument {}

    /** A catalogue of drafter and target models. */
    record ModelsDocument(
        String id,
        Provenance provenance,
        List<LanguageModel> drafters,
        List<LanguageModel> targets
    ) implements ProfileDocument {
        public ModelsDocument {
            FieldChecks.text("id", id);
            FieldChecks.present("provenance", provenance);
            drafters = FieldChecks.list("drafters", drafters);
            targets = FieldChecks.list("targets", targets);
            if (drafters.isEmpty() && targets.isEmpty()) {
                throw new InvalidFieldException(
                    "drafters",
                    "is missing (a models file lists drafters, targets or both)"
                );
            }
            unique("drafters", drafters.stream().map(LanguageModel::id).toList(), "drafter");
            unique("targets", targets.stream().map(LanguageModel::id).toList(), "target");
        }
    }

    /** A set of alignment (acceptance-rate) profiles. */
    record AlignmentDocument(String id, Provenance provenance, List<AlignmentProfile> entries) implements
        ProfileDocument {
        public AlignmentDocument {
            FieldChecks.text("id", id);
            FieldChecks.present("provenance", provenance);
            entries = FieldChecks.list("entries", entries);
            for (int i = 0; i < entries.size(); i++) {
                AlignmentProfile e = entries.get(i);
                for (int j = 0; j < i; j++) {
                    AlignmentProfile earlier = entries.get(j);
                    if (
                        earlier.drafter().equals(e.drafter()) &&
                        earlier.quantization().equals(e.quantization()) &&
                        earlier.target().equals(e.target()) &&
                        earlier.domain().equals(e.domain())
                    ) {
                        throw new InvalidFieldException(
                            "entries[" + i + "]",
                            "repeats " +
                                e.drafter() +
                                " " +
                                e.quantization() +
                                " → " +
                                e.target() +
                                e
                                    .domain()
                                    .map(d -> " (domain " + d + ")")
                                    .orElse("") +
                                " of entries[" +
                                j +
                                "]"
                        );
                    }
                }
            }
        }
    }

    /** A verification server. */
    record ServerDocument(ServerProfile server) implements ProfileDocument {}

    /** A network link. */
    record NetworkDocument(NetworkProfile network) implements ProfileDocument {}

    /** A scenario (its profiles are not loaded; see {@link ScenarioLoader}). */
    record ScenarioDocument(Scenario scenario) implements ProfileDocument {}

    /**
     * A fleet scenario ({@code "kind": "fleet-scenario"}); {@code
     * io.configspec.model.fleet.FleetScenarioFile} resolves its profile references.
     */
    record FleetScenarioDocument(FleetScenarioSpec spec) implements ProfileDocument {}

    /** Ids within one list that must be unique: the second occurrence is the field at fault. */
    private static void unique(String field, List<String> ids, String what) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.indexOf(ids.get(i)) != i) {
                throw new InvalidFieldException(
                    field + "[" + i + "].id",
                    "repeats " + what + " '" + ids.get(i) + "'"
                );
            }
        }
    }
}
