package io.configspec.model.imports;

import io.configspec.model.io.ProfileException;
import java.nio.file.Path;

/**
 * Turns one file into what the profile library holds (docs/architecture.md "How to add an
 * importer"). Our own profile files give their document at once ({@link ProfileImporter}); other
 * tools' outputs give measurements ({@link MeasurementImporter}) that {@link Importers#readAll}
 * assembles with the rest of the batch into profile documents. Implementations are stateless and
 * may run on any thread; each file is read once, by {@link Importers}, and handed over as text.
 */
public interface Importer {
    /** The name on the command line ({@code --from}), e.g. {@code llama-bench} or {@code profile}. */
    String id();

    /** What it reads, for people, e.g. {@code llama-bench results (JSON, JSONL, CSV, markdown)}. */
    String name();

    /**
     * Whether {@code file} is in this format, judged by its name and its beginning ({@code head}:
     * the first characters of the file, at most {@link Importers#HEAD_CHARS}). Only a content
     * signature unique to the format counts, so at most one importer detects a file.
     */
    boolean detects(Path file, String head);

    /**
     * What {@code file} gives.
     *
     * @param text the whole file, already read (strict UTF-8, size-limited)
     * @throws ProfileException one sentence naming the file, the line (or field) and the problem
     */
    Imported read(Path file, String text) throws ProfileException;
}
