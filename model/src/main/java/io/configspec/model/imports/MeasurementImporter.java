package io.configspec.model.imports;

import io.configspec.model.io.ProfileException;
import java.nio.file.Path;

/**
 * An {@link Importer} of one tool's output (llama-bench results, a llama-server log, vLLM
 * metrics, a tegrastats log…): it reads the {@link ImportedMeasurements} the file holds. A new
 * format is one class implementing this and one line in {@link Importers#ALL}; merging the facts
 * of several files into profiles is {@link Importers#readAll}'s job, not the importer's.
 */
public interface MeasurementImporter extends Importer {
    @Override
    default Imported read(Path file, String text) throws ProfileException {
        return new Imported.Measurements(measure(file, text));
    }

    /**
     * The facts in {@code file}, whose whole content is {@code text}.
     *
     * @throws ProfileException one sentence naming the file, the line (or field) and the problem
     */
    ImportedMeasurements measure(Path file, String text) throws ProfileException;
}
