package io.configspec.model.testing;

import io.configspec.model.imports.ImportOptions;
import io.configspec.model.imports.ImportPlan;
import io.configspec.model.imports.Importers;
import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The tool-output fixtures under {@code src/test/resources/imports/} (see its README: which tool,
 * which build, where the format comes from). Tests in other modules get them through the model's
 * test jar, so they are copied to a folder rather than used in place.
 */
public final class ImportFixtures {

    private ImportFixtures() {}

    /** Copies fixture {@code name} (e.g. {@code llama-bench/b5163-raspberry-pi-5.json}) into {@code dir}; returns the copy. */
    public static Path copy(String name, Path dir) {
        Path target = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no import fixture " + name);
            }
            Files.createDirectories(dir);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** The batch through the one import path, every file required (as the command line does). */
    public static ImportPlan plan(
        java.util.List<Path> files,
        Optional<String> format,
        ImportOptions options,
        java.util.List<Path> library
    ) throws ProfileException {
        return Importers.readAll(files, format, options, Importers.library(library)).requireAll();
    }

    /** The files {@code configspec measure} wrote for draft-1l-int8 → target-12l-fp32 of the sample family (K 1..6). */
    public static final java.util.List<String> MEASURED_SAMPLE_FAMILY = java.util.List.of(
        "alignment-draft-1l-int8-target-12l-fp32.json",
        "device-this-machine-draft-1l-int8.json",
        "goodput-sweep-draft-1l-int8-target-12l-fp32.json",
        "models-draft-1l-int8-target-12l-fp32.json",
        "server-this-machine-target-12l-fp32.json"
    );

    /** Copies the sample family's measured folder ({@link #MEASURED_SAMPLE_FAMILY}) into {@code dir}; returns dir. */
    public static Path measuredSampleFamily(Path dir) {
        for (String name : MEASURED_SAMPLE_FAMILY) {
            copy("measured/draft-1l-int8/" + name, dir);
        }
        return dir;
    }
}
