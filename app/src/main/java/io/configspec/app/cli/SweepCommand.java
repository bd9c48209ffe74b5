package io.configspec.app.cli;

import io.configspec.model.io.ProfileException;
import io.configspec.model.service.ConfigurationRowWriter;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code configspec sweep}: evaluates every configuration of a scenario and prints them all. */
@Command(
    name = "sweep",
    description = "Evaluate every configuration of a scenario (goodput, tokens per $, tokens per J, ...) and print them" +
        " (or write them as CSV, JSON or an Apache Arrow file)."
)
final class SweepCommand extends ScenarioCommand {

    @Mixin
    OutputOptions output;

    /** Where the free room of {@code --out}'s file system comes from (a test gives a small figure). */
    OutputRoom.UsableSpace usableSpace = OutputRoom.FILE_STORE;

    @Override
    public Integer call() throws ProfileException, IOException {
        OutputFormat format = output.format(
            OutputFormat.TEXT,
            OutputFormat.JSON,
            OutputFormat.CSV,
            OutputFormat.ARROW
        );
        if (format == OutputFormat.ARROW) {
            output.requireFile(); // a missing --out is said at once, before the evaluation
            ScenarioEvaluation evaluation = scenario.scan(List.of());
            output.writeFile(
                spec.commandLine().getErr(),
                roomChecked(format, evaluation, ArrowRowWriter::write)
            );
            return ConfigSpecCli.OK;
        }
        // csv and json are written block by block as rows are evaluated (any size in constant
        // memory); text aligns its columns over every row, so it holds the space
        ScenarioEvaluation evaluation = format.rows() == ConfigurationRowWriter.Format.TEXT
            ? scenario.evaluate()
            : scenario.scan(List.of());
        OutputRoom.RowsWriter rows = (stream, e) ->
            ConfigurationRowWriter.writeAllRows(format.rows(), stream, e);
        output.write(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            writer -> ConfigurationRowWriter.writeAllRows(format.rows(), writer, evaluation),
            roomChecked(format, evaluation, rows)
        );
        return ConfigSpecCli.OK;
    }

    /**
     * The {@code --out} file's content: first a refusal when its file system clearly has no room
     * for it, then {@code rows}. Checked as the write begins, so a destination that is no regular
     * file (a folder, a device) is refused for what it is first; a refusal writes no byte and
     * leaves no temporary file (the atomic write removes its own).
     */
    private OutputOptions.ByteContent roomChecked(
        OutputFormat format,
        ScenarioEvaluation evaluation,
        OutputRoom.RowsWriter rows
    ) {
        return stream -> {
            String what = String.format(
                Locale.ROOT,
                "the sweep's %,d configurations as %s",
                evaluation.configurationCount(),
                format.name()
            );
            OutputRoom.require(output.out(), OutputRoom.estimateBytes(evaluation, rows), what, usableSpace);
            rows.write(stream, evaluation);
        };
    }
}
