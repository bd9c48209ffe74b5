package io.configspec.app.explorer;

import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.LibraryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** The four files of one real {@code configspec profile} run, copied into {@code dir} (see the README beside them). */
    public static java.util.List<Path> profileRun(Path dir) {
        try {
            java.util.List<Path> out = new java.util.ArrayList<>();
            for (String name : java.util.List.of(
                "models.json",
                "server.json",
                "alignment.json",
                "device.json"
            )) {
                try (var in = Samples.class.getResourceAsStream("/imports/profile-run/" + name)) {
                    Path file = dir.resolve(name);
                    Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    out.add(file);
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first device of a loaded explorer's library (with the paper scenario: its first board). */
    public static LibraryEntry firstDevice(ExplorerViewModel model) {
        return model
            .library()
            .entries()
            .stream()
            .filter(e -> e.group().equals("Devices"))
            .findFirst()
            .orElseThrow();
    }

    /** A device entry's drafting speeds (its {@code tokensPerSecond} fields) in file order: what the edit tests change. */
    public static List<LibraryEntry.EditableField> speeds(LibraryEntry device) {
        return device
            .fields()
            .stream()
            .filter(f -> f.label().endsWith("tokensPerSecond"))
            .toList();
    }
}
