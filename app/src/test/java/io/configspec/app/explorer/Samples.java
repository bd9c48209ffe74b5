package io.configspec.app.explorer;

import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.LibraryEntry;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The explorer tests' fixtures on top of the one samples locator ({@link SampleFiles}, from the
 * model's test jar): the bundled scenarios, a real profile run, and the library entries the edit
 * tests change.
 */
public final class Samples {

    private Samples() {}

    public static Path root() {
        return SampleFiles.root();
    }

    public static Path paperScenario() {
        return SampleFiles.paperScenario();
    }

    /** The workload-mix scenario: a Raspberry Pi 5 with domain adapters under 40 % code, 40 % chat, 20 % maths. */
    public static Path workloadMixScenario() {
        return root().resolve("scenarios/illustrative-workload-mix.json");
    }

    /**
     * A view model that runs its work inline ({@code SynchronousTaskExecutor}) with {@code scenario}
     * loaded and evaluated: what the view-model tests start from.
     */
    public static ExplorerViewModel loaded(Path scenario) {
        ExplorerViewModel model = new ExplorerViewModel(
            new io.configspec.app.explorer.concurrent.SynchronousTaskExecutor(),
            new io.configspec.app.explorer.viewmodel.AnalysisService()
        );
        model.loadScenario(scenario).join();
        return model;
    }

    public static Path illustrativeScenario() {
        return SampleFiles.illustrativeScenario();
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
