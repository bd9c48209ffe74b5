package io.configspec.model.io;

import io.configspec.model.analysis.Scenario;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DrafterModel;
import io.configspec.model.domain.FieldChecks;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.TargetModel;
import java.util.List;

/** The content of one profile or scenario file; {@link #kind()} is its JSON {@code kind}. */
public sealed interface ProfileDocument {
    /** The file's {@code kind}: {@code device}, {@code models}, {@code alignment}, {@code server}, {@code network}, {@code scenario} or {@code fleet-scenario}. */
    String kind();

    /** The file's {@code id}. */
    String id();

    /** A device profile with its drafting measurements. */
    record DeviceDocument(DeviceProfile device) implements ProfileDocument {
        public String kind() {
            return "device";
        }

        public String id() {
            return device.id();
        }
    }

    /** A catalogue of drafter and target models. */
    record ModelsDocument(
        String id,
        Provenance provenance,
        List<DrafterModel> drafters,
        List<TargetModel> targets
    ) implements ProfileDocument {
        public ModelsDocument {
            drafters = FieldChecks.list("drafters", drafters);
            targets = FieldChecks.list("targets", targets);
        }

        public String kind() {
            return "models";
        }
    }

    /** A set of alignment (acceptance-rate) profiles. */
    record AlignmentDocument(String id, Provenance provenance, List<AlignmentProfile> entries) implements
        ProfileDocument {
        public AlignmentDocument {
            entries = FieldChecks.list("entries", entries);
        }

        public String kind() {
            return "alignment";
        }
    }

    /** A verification server. */
    record ServerDocument(ServerProfile server) implements ProfileDocument {
        public String kind() {
            return "server";
        }

        public String id() {
            return server.id();
        }
    }

    /** A network link. */
    record NetworkDocument(NetworkProfile network) implements ProfileDocument {
        public String kind() {
            return "network";
        }

        public String id() {
            return network.id();
        }
    }

    /** A scenario (its profiles are not loaded; see {@link ScenarioLoader}). */
    record ScenarioDocument(Scenario scenario) implements ProfileDocument {
        public String kind() {
            return "scenario";
        }

        public String id() {
            return scenario.id();
        }
    }

    /**
     * A fleet scenario ({@code "kind": "fleet-scenario"}). The codec keeps its fields as JSON;
     * {@code io.configspec.model.fleet.FleetScenarioFile} validates them and resolves its profile
     * references.
     *
     * @param content every field except {@code schemaVersion} and {@code kind}
     */
    record FleetScenarioDocument(String id, com.fasterxml.jackson.databind.node.ObjectNode content) implements
        ProfileDocument {
        public String kind() {
            return "fleet-scenario";
        }
    }
}
