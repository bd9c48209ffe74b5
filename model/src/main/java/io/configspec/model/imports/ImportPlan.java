package io.configspec.model.imports;

import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an import will add, before anything is written: the profile files (checked against their
 * schema and against each other and the library they join), what each holds in words, and what the
 * files held that no profile takes (prefill rates, goodput runs). The command line prints it, the
 * explorer's import dialog previews it; {@link #write} writes it.
 *
 * @param inputs the facts read from each input file, in the order given
 * @param files the profile files, in the order to load them (models, alignment, devices)
 * @param notes what was read but not made into profiles, and the choices the import made
 */
public record ImportPlan(List<ImportedMeasurements> inputs, List<PlannedFile> files, List<String> notes) {
    public ImportPlan {
        inputs = List.copyOf(inputs);
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /**
     * One profile file of an import.
     *
     * @param relative its path inside the output folder, e.g. {@code devices/raspberry-pi-5.json}
     * @param document its content
     * @param summary what it holds, one line for people
     */
    public record PlannedFile(Path relative, ProfileDocument document, String summary) {
        public PlannedFile {
            Objects.requireNonNull(relative, "relative");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * Writes every file under {@code directory} (created if missing), each atomically; a file
     * already there is replaced.
     *
     * @return the files written, in load order
     */
    public List<Path> write(Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        for (PlannedFile file : files) {
            Path target = directory.resolve(file.relative());
            Files.createDirectories(target.getParent());
            ProfileCodec.write(target, file.document());
            written.add(target);
        }
        return written;
    }

    /** The goodput runs the inputs measured (llama-server timings), for predicted-against-measured checks. */
    public List<ImportedMeasurements.Goodput> goodput() {
        return inputs
            .stream()
            .flatMap(m -> m.goodput().stream())
            .toList();
    }
}
