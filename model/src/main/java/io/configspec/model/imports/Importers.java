package io.configspec.model.imports;

import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one way files enter the profile library, for the command line ({@code configspec import})
 * and the explorer (File › Import, drag and drop) alike: finds each file's {@link Importer} (named,
 * or detected from the file's beginning), reads each file once, and settles a batch into profile
 * documents ({@link #readAll}). Stateless; callers choose the thread.
 */
public final class Importers {

    /** Every format the library imports; a new one is one line here (docs/architecture.md). */
    public static final List<Importer> ALL = List.of(
        new ProfileImporter(),
        new LlamaBenchImporter(),
        new LlamaServerImporter(),
        new VllmMetricsImporter(),
        new TegrastatsImporter(),
        new JtopImporter(),
        new LatencyProfilerImporter()
    );

    /** Characters of a file's beginning that detection looks at. */
    public static final int HEAD_CHARS = 64 * 1024;

    private Importers() {}

    /** The importer named {@code id} (the command line's {@code --from}). */
    public static Optional<Importer> byId(String id) {
        return ALL.stream()
            .filter(i -> i.id().equals(id))
            .findFirst();
    }

    /** The ids of every importer, for messages and help. */
    public static String ids() {
        return ALL.stream().map(Importer::id).collect(Collectors.joining(", "));
    }

    /**
     * The importer whose format {@code file} is in, judged from the beginning of {@code text} (the
     * file's content). A JSON file that no format claims is read as a profile, so that its errors
     * are a profile's.
     *
     * @throws ProfileException when no importer or more than one recognises it
     */
    public static Importer detect(Path file, String text) throws ProfileException {
        String head = text.length() > HEAD_CHARS ? text.substring(0, HEAD_CHARS) : text;
        List<Importer> found = ALL.stream()
            .filter(i -> i.detects(file, head))
            .toList();
        if (found.size() == 1) {
            return found.getFirst();
        }
        if (found.isEmpty()) {
            if (ProfileImporter.isJson(file)) {
                return ALL.getFirst();
            }
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
                found.stream().map(Importer::id).collect(Collectors.joining(" or ")) +
                ": name the format with --from",
            null
        );
    }

    /** What {@code file} gives, read once by the named importer or, when {@code format} is empty, the detected one. */
    public static Imported read(Path file, Optional<String> format) throws ProfileException {
        String text = JsonInput.readText(file);
        return importerOf(file, format, text).read(file, text);
    }

    private static Importer importerOf(Path file, Optional<String> format, String text)
        throws ProfileException {
        if (format.isEmpty()) {
            return detect(file, text);
        }
        return byId(format.get()).orElseThrow(() ->
            ProfileException.ofFile(
                file,
                "cannot be read as \"" + format.get() + "\": no such format (known: " + ids() + ")",
                null
            )
        );
    }

    /**
     * The profile documents under {@code roots} (folders or files), for an import that joins them
     * (the command line's {@code --library}); scenarios and other non-profile JSON are skipped.
     */
    public static List<Map.Entry<Path, ProfileDocument>> library(List<Path> roots) throws ProfileException {
        List<Map.Entry<Path, ProfileDocument>> known = new ArrayList<>();
        for (Path file : ProfileLoader.expand(roots)) {
            var tree = JsonInput.readTree(file);
            if (ProfileCodec.kindOf(tree).filter(ProfileLoader.NOT_PROFILES::contains).isEmpty()) {
                known.add(Map.entry(file, ProfileCodec.read(file, tree)));
            }
        }
        return known;
    }

    /**
     * Reads a batch of files and settles what it adds to {@code library}: references between the
     * files resolve in any order (a {@code models.json} in the batch defines the drafter that its
     * {@code device.json} and {@code alignment.json} name), tools' measurements are assembled into
     * profiles with the profiles of the batch and the library known, and the whole is cross-checked
     * with the library. A file that cannot be read, or whose documents do not fit, is left out with
     * one sentence (file, field or line, what is wrong) and the rest is settled without it. Nothing
     * is written; {@code library} is not changed.
     *
     * @param files the files, in the order given (a file given twice is read once)
     * @param format the importer for every file, or empty to detect each file's
     * @param options names the user gives to tools' measurements
     * @param library the documents the import joins (file and content)
     */
    public static ImportPlan readAll(
        List<Path> files,
        Optional<String> format,
        ImportOptions options,
        List<Map.Entry<Path, ProfileDocument>> library
    ) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an import needs at least one file");
        }
        Map<Path, Imported> read = new LinkedHashMap<>();
        Map<Path, String> formats = new LinkedHashMap<>();
        Map<Path, ProfileException> problems = new LinkedHashMap<>();
        for (Path file : files.stream().distinct().toList()) {
            try {
                String text = JsonInput.readText(file);
                Importer importer = importerOf(file, format, text);
                formats.put(file, importer.id());
                Imported imported = importer.read(file, text);
                if (
                    imported instanceof Imported.Profile p &&
                    ProfileLoader.NOT_PROFILES.contains(p.document().kind())
                ) {
                    throw ProfileException.atField(
                        file,
                        "kind",
                        "is \"" +
                            p.document().kind() +
                            "\": a scenario is opened (File › Open scenario, --scenario), not imported as a profile"
                    );
                }
                read.put(file, imported);
            } catch (ProfileException e) {
                problems.put(file, e);
            }
        }
        while (true) {
            List<Imported.Profile> profiles = new ArrayList<>();
            List<ImportedMeasurements> facts = new ArrayList<>();
            for (Imported imported : read.values()) {
                if (problems.containsKey(imported.file())) continue;
                switch (imported) {
                    case Imported.Profile p -> profiles.add(p);
                    case Imported.Measurements m -> facts.add(m.facts());
                }
            }
            List<Map.Entry<Path, ProfileDocument>> known = new ArrayList<>(library);
            profiles.forEach(p -> known.add(Map.entry(p.file(), p.document())));
            try {
                ImportPlan assembled;
                if (facts.isEmpty()) {
                    ProfileLoader.assemble(known);
                    assembled = new ImportPlan(List.of(), List.of(), List.of());
                } else {
                    assembled = ProfileAssembler.plan(facts, options, known);
                }
                return settled(files, read, formats, problems, profiles, assembled);
            } catch (ProfileException e) {
                List<Path> blamed = read
                    .keySet()
                    .stream()
                    .filter(f -> !problems.containsKey(f) && same(f, e.file()))
                    .toList();
                if (blamed.isEmpty()) {
                    // The fault lies in what the measurements were assembled into, or between the
                    // batch and the library: every file that took part is left out with it.
                    blamed = (facts.isEmpty()
                        ? profiles.stream().map(Imported::file)
                        : facts.stream().map(ImportedMeasurements::file)).toList();
                }
                blamed.forEach(f -> problems.put(f, e));
            }
        }
    }

    private static boolean same(Path a, Path b) {
        return b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static ImportPlan settled(
        List<Path> files,
        Map<Path, Imported> read,
        Map<Path, String> formats,
        Map<Path, ProfileException> problems,
        List<Imported.Profile> profiles,
        ImportPlan assembled
    ) {
        List<ImportPlan.FileOutcome> outcomes = new ArrayList<>();
        for (Path file : files.stream().distinct().toList()) {
            Optional<String> format = Optional.ofNullable(formats.get(file));
            ProfileException problem = problems.get(file);
            List<String> gives = problem != null
                ? List.of()
                : switch (read.get(file)) {
                      case Imported.Profile p -> List.of(ProfileImporter.describe(p.document()));
                      case Imported.Measurements m -> List.of(m.facts().summary());
                  };
            outcomes.add(new ImportPlan.FileOutcome(file, format, gives, Optional.ofNullable(problem)));
        }
        List<ImportPlan.PlannedFile> planned = new ArrayList<>();
        for (Imported.Profile p : profiles) {
            planned.add(
                new ImportPlan.PlannedFile(
                    Path.of(ProfileImporter.folder(p.document()), p.file().getFileName().toString()),
                    p.document(),
                    ProfileImporter.describe(p.document()),
                    Optional.of(p)
                )
            );
        }
        planned.addAll(assembled.files());
        List<ImportPlan.FileOutcome> leftOut = new ArrayList<>();
        for (Path file : problems.keySet()) {
            outcomes
                .stream()
                .filter(o -> o.file().equals(file))
                .forEach(leftOut::add);
        }
        return new ImportPlan(outcomes, leftOut, assembled.inputs(), planned, assembled.notes());
    }
}
