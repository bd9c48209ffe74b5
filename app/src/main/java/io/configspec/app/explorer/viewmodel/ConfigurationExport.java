package io.configspec.app.explorer.viewmodel;

import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.model.analysis.Objective;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.service.ConfigurationRowWriter;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The explorer's export of configuration rows: the model's {@link ConfigurationRowWriter} (the
 * columns, units and number format of {@code configspec sweep}, {@code pareto} and {@code
 * recommend}), written atomically. CSV when the file name ends in {@code .csv}, JSON otherwise.
 */
public final class ConfigurationExport {

    /** Which rows to export. */
    public enum Scope {
        /** Every configuration, as {@code configspec sweep} writes them. */
        ALL,
        /** The goodput/cost/energy front, best goodput first, as {@code configspec pareto} writes it. */
        FRONT,
        /** The recommendations with their reasons, as {@code configspec recommend} writes them. */
        RECOMMENDED,
        /** The selected configuration. */
        SELECTED,
    }

    private ConfigurationExport() {}

    /** The format of {@code file}: CSV for {@code *.csv}, else JSON. */
    public static ConfigurationRowWriter.Format formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
            ? ConfigurationRowWriter.Format.CSV
            : ConfigurationRowWriter.Format.JSON;
    }

    /**
     * Writes the rows of {@code scope} to {@code file} atomically. Not on the UI thread; the
     * evaluation's arrays must not be reused while this runs.
     *
     * @param selectedRow the selected row (for {@link Scope#SELECTED})
     * @return the number of rows written
     */
    public static int write(ScenarioEvaluation evaluation, Scope scope, int selectedRow, Path file)
        throws IOException {
        FxThreadGuard.requireBackground("exporting configurations");
        ConfigurationRowWriter.Format format = formatOf(file);
        int[] count = { 0 };
        AtomicFiles.write(file, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            switch (scope) {
                case ALL -> {
                    ConfigurationRowWriter.writeAllRows(format, writer, evaluation);
                    count[0] = evaluation.size();
                }
                case FRONT -> {
                    int[] rows = evaluation.frontBestFirst(Objective.GOODPUT_COST_ENERGY);
                    ConfigurationRowWriter.writeRows(format, writer, evaluation, rows);
                    count[0] = rows.length;
                }
                case RECOMMENDED -> {
                    ConfigurationRowWriter.writeRecommendations(
                        format,
                        writer,
                        evaluation,
                        evaluation.recommendations()
                    );
                    count[0] = evaluation.recommendations().size();
                }
                case SELECTED -> {
                    ConfigurationRowWriter.writeRows(format, writer, evaluation, new int[] { selectedRow });
                    count[0] = 1;
                }
            }
            writer.flush();
        });
        return count[0];
    }
}
