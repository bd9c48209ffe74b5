package io.configspec.model.imports;

import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import will add, before anything is written or changed ({@link Importers#readAll}): per
 * input file what it gives or why it is left out, the profile documents (checked against their
 * schema, against each other and against the library they join), and what the files held that no
 * profile takes (prefill rates, goodput runs). The command line prints it, the explorer's import
 * preview shows it; {@link #write} writes it.
 *
 * @param outcomes one per input file, in the order given
 * @param leftOut the outcomes of the files left out, in the order their problems were found (a
 *     file that cannot be read before one whose documents do not fit the rest)
 * @param inputs the facts read from each tool's file, in the order given (profile files have none)
 * @param files the profile documents, in the order to load them (profile files as given, then the
 *     assembled models, alignment and devices)
 * @param notes what was read but not made into profiles, and the choices the import made
 */
public record ImportPlan(
    List<FileOutcome> outcomes,
    List<FileOutcome> leftOut,
    List<ImportedMeasurements> inputs,
    List<PlannedFile> files,
    List<String> notes
) {
    public ImportPlan {
        outcomes = List.copyOf(outcomes);
        leftOut = List.copyOf(leftOut);
        inputs = List.copyOf(inputs);
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** A plan of assembled documents alone (before the batch's outcomes are known). */
    ImportPlan(List<ImportedMeasurements> inputs, List<PlannedFile> files, List<String> notes) {
        this(List.of(), List.of(), inputs, files, notes);
    }

    /**
     * What one input file gives, or why it is left out.
     *
     * @param file the input file
     * @param format the importer that read it (its {@link Importer#id()}), or empty when none could
     * @param gives what it holds, one line each (empty when left out)
     * @param problem why it is left out: one sentence naming the file, the field or line, and what
     *     is wrong; empty when it is taken
     */
    public record FileOutcome(
        Path file,
        Optional<String> format,
        List<String> gives,
        Optional<ProfileException> problem
    ) {
        public FileOutcome {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(format, "format");
            gives = List.copyOf(gives);
            Objects.requireNonNull(problem, "problem");
        }

        /** Whether the import leaves this file out. */
        public boolean leftOut() {
            return problem.isPresent();
        }

        /** The sentence saying why it is left out, or empty. */
        public Optional<String> reason() {
            return problem.map(ProfileException::getMessage);
        }
    }

    /**
     * One profile document of an import.
     *
     * @param relative its path inside the output folder, e.g. {@code devices/raspberry-pi-5.json}
     * @param document its content
     * @param summary what it holds, one line for people
     * @param profile the profile file it is, as read (its path and JSON tree), when the input was
     *     one of our own profile files; empty for a document assembled from tools' measurements
     */
    public record PlannedFile(
        Path relative,
        ProfileDocument document,
        String summary,
        Optional<Imported.Profile> profile
    ) {
        public PlannedFile {
            Objects.requireNonNull(relative, "relative");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(profile, "profile");
        }

        /** A document assembled from measurements. */
        public PlannedFile(Path relative, ProfileDocument document, String summary) {
            this(relative, document, summary, Optional.empty());
        }
    }

    /**
     * This plan when every file is taken; else the first left-out file's sentence, for callers
     * that change nothing unless all of a batch is good (the command line).
     */
    public ImportPlan requireAll() throws ProfileException {
        if (!leftOut.isEmpty()) {
            throw leftOut.getFirst().problem().orElseThrow();
        }
        return this;
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
