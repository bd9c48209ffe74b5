package io.configspec.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
        Path source = root();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk
                .filter(p -> {
                    String rel = source.relativize(p).toString();
                    return rel.isEmpty() || rel.startsWith("profiles") || rel.startsWith("scenarios");
                })
                .toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
