package io.configspec.model.imports;

import io.configspec.model.io.ProfileException;
import java.nio.file.Path;

/**
 * Reads one tool's output (llama-bench results, a llama-server log, vLLM metrics, a tegrastats
 * log…) into the {@link ImportedMeasurements} it holds. A new format is one class implementing
 * this and one line in {@link MeasurementImport#IMPORTERS}; merging the facts of several files into
 * profiles is {@link MeasurementImport}'s job, not the importer's.
 */
public interface MeasurementImporter {
    /** The name on the command line ({@code --from}), e.g. {@code llama-bench}. */
    String id();

    /** What it reads, for people, e.g. {@code llama-bench results (JSON, JSONL, CSV, markdown)}. */
    String name();

    /**
     * Whether {@code file} is in this format, judged by its name and its beginning ({@code head}:
     * the first characters of the file, at most {@link MeasurementImport#HEAD_CHARS}). Only a
     * content signature unique to the tool counts, so at most one importer detects a file.
     */
    boolean detects(Path file, String head);

    /**
     * The facts in {@code file}.
     *
     * @throws ProfileException one sentence naming the file, the line (or field) and the problem
     */
    ImportedMeasurements measure(Path file) throws ProfileException;
}
