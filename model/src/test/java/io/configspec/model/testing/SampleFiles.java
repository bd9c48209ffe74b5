package io.configspec.model.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code samples/} folder from a module's working directory, and copies it for tests that change files. */
public final class SampleFiles {

    private SampleFiles() {}

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("samples").resolve("scenarios");
            if (Files.isDirectory(candidate)) {
                return dir.resolve("samples");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
    }

    public static Path paperScenario() {
        return root().resolve("scenarios").resolve("configspec-paper.json");
    }

    /** The illustrative edge scenario: one acceptance rate per pair, so any K range evaluates (large-space tests). */
    public static Path illustrativeScenario() {
        return root().resolve("scenarios").resolve("illustrative-edge.json");
    }

    /** Copies {@code samples/profiles} and {@code samples/scenarios} into {@code target}; returns target. */
    public static Path copyTo(Path target) {
        return FileTrees.copy(
            root(),
            target,
            relative -> {
                String rel = relative.toString();
                return rel.isEmpty() || rel.startsWith("profiles") || rel.startsWith("scenarios");
            },
            name -> name
        );
    }
}
