package io.configspec.app.cli;

import io.configspec.model.io.ProfileException;
import io.configspec.model.service.ConfigurationRowWriter;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
import java.util.List;
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
            output.writeFile(spec.commandLine().getErr(), stream -> ArrowRowWriter.write(stream, evaluation));
            return ConfigSpecCli.OK;
        }
        // csv and json are written block by block as rows are evaluated (any size in constant
        // memory); text aligns its columns over every row, so it holds the space
        ScenarioEvaluation evaluation = format.rows() == ConfigurationRowWriter.Format.TEXT
            ? scenario.evaluate()
            : scenario.scan(List.of());
        output.write(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            writer -> ConfigurationRowWriter.writeAllRows(format.rows(), writer, evaluation),
            stream -> ConfigurationRowWriter.writeAllRows(format.rows(), stream, evaluation)
        );
        return ConfigSpecCli.OK;
    }
}
