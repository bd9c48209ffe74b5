package io.configspec.app.explorer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the bundled samples from a test (the working directory is the module, app/). */
public final class Samples {

    private Samples() {}

    public static Path root() {
        for (Path p : new Path[] { Path.of("samples"), Path.of("../samples") }) {
            if (Files.isDirectory(p.resolve("scenarios"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("samples/ not found from " + Path.of("").toAbsolutePath());
    }

    public static Path paperScenario() {
        return root().resolve("scenarios/configspec-paper.json");
    }

    /** One acceptance rate per pair, so any K range evaluates (large-output tests). */
    public static Path illustrativeScenario() {
        return root().resolve("scenarios/illustrative-edge.json");
    }
}
