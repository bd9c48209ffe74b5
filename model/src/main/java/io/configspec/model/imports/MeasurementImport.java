package io.configspec.model.imports;

import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Imports other tools' measurements (docs/importing.md): finds the importer of each file (named,
 * or detected from the file's beginning) and reads it into {@link ImportedMeasurements}.
 */
public final class MeasurementImport {

    /** Every tool format; a new one is one line here. */
    public static final List<MeasurementImporter> IMPORTERS = List.of(
        new LlamaBenchImporter(),
        new LlamaServerImporter(),
        new VllmMetricsImporter(),
        new TegrastatsImporter(),
        new JtopImporter(),
        new LatencyProfilerImporter()
    );

    /** Characters of a file's beginning that detection looks at. */
    public static final int HEAD_CHARS = 64 * 1024;

    private MeasurementImport() {}

    /** The importer named {@code id} (the command line's {@code --from}). */
    public static Optional<MeasurementImporter> importer(String id) {
        return IMPORTERS.stream()
            .filter(i -> i.id().equals(id))
            .findFirst();
    }

    /** The ids of every importer, for messages and help. */
    public static String ids() {
        return IMPORTERS.stream().map(MeasurementImporter::id).collect(Collectors.joining(", "));
    }

    /**
     * The importer whose format {@code file} is in, judged from its beginning.
     *
     * @throws ProfileException when the file cannot be read, or no importer or more than one
     *     recognises it (then {@code --from} must say)
     */
    public static MeasurementImporter detect(Path file) throws ProfileException {
        String text = ProfileCodec.readText(file);
        String head = text.length() > HEAD_CHARS ? text.substring(0, HEAD_CHARS) : text;
        List<MeasurementImporter> found = IMPORTERS.stream()
            .filter(i -> i.detects(file, head))
            .toList();
        if (found.size() == 1) {
            return found.getFirst();
        }
        if (found.isEmpty()) {
            throw ProfileException.ofFile(
                file,
                "is in no format ConfigSpec imports that it can recognise (name it with --from: " +
                    ids() +
                    ")",
                null
            );
        }
        throw ProfileException.ofFile(
            file,
            "could be " +
                found.stream().map(MeasurementImporter::id).collect(Collectors.joining(" or ")) +
                ": name the format with --from",
            null
        );
    }

    /**
     * Reads {@code files} (each with the named importer, or the detected one when {@code format}
     * is empty) and merges what they hold into the profile files the import would write, checked
     * against their schemas, against each other and against {@code library} (the profile folders or
     * files the import joins; models already there are not repeated). Nothing is written.
     *
     * @throws ProfileException one sentence naming the file (and line or field) at fault
     */
    public static ImportPlan plan(
        List<Path> files,
        Optional<String> format,
        ImportOptions options,
        List<Path> library
    ) throws ProfileException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an import needs at least one file");
        }
        List<ImportedMeasurements> inputs = new java.util.ArrayList<>();
        for (Path file : files) {
            inputs.add(measure(file, format));
        }
        List<java.util.Map.Entry<Path, io.configspec.model.io.ProfileDocument>> known =
            new java.util.ArrayList<>();
        for (Path file : io.configspec.model.io.ProfileLoader.expand(library)) {
            var tree = ProfileCodec.readTree(file);
            if (
                ProfileCodec.kindOf(tree)
                    .filter(io.configspec.model.io.ProfileLoader.NOT_PROFILES::contains)
                    .isEmpty()
            ) {
                known.add(java.util.Map.entry(file, ProfileCodec.read(file, tree)));
            }
        }
        return ProfileAssembler.plan(inputs, options, known);
    }

    /** The facts in {@code file}, read by the named importer or, when {@code format} is empty, the detected one. */
    public static ImportedMeasurements measure(Path file, Optional<String> format) throws ProfileException {
        MeasurementImporter importer;
        if (format.isPresent()) {
            importer = importer(format.get()).orElseThrow(() ->
                ProfileException.ofFile(
                    file,
                    "cannot be read as \"" + format.get() + "\": no such format (known: " + ids() + ")",
                    null
                )
            );
        } else {
            importer = detect(file);
        }
        return importer.measure(file);
    }
}
