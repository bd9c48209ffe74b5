package io.configspec.model.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.io.ProfileDocument;
import java.nio.file.Path;
import java.util.Objects;

/** What one file gave an {@link Importer}: a profile document as it is, or a tool's measurements. */
public sealed interface Imported {
    /** The file it came from. */
    Path file();

    /**
     * One of our own profile files.
     *
     * @param tree the file's JSON as written (kept for in-place edits, which point into it)
     * @param document its validated content
     */
    record Profile(Path file, ObjectNode tree, ProfileDocument document) implements Imported {
        public Profile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(tree, "tree");
            Objects.requireNonNull(document, "document");
        }
    }

    /** Another tool's output: facts that become profiles together with the rest of the batch. */
    record Measurements(ImportedMeasurements facts) implements Imported {
        public Measurements {
            Objects.requireNonNull(facts, "facts");
        }

        @Override
        public Path file() {
            return facts.file();
        }
    }
}
