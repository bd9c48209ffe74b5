package io.configspec.app.cli;

import io.configspec.app.report.JFreeChartRenderer;
import io.configspec.model.io.ProfileException;
import io.configspec.model.report.ScenarioReport;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code configspec report}: one self-contained HTML file about a scenario ({@link ScenarioReport}),
 * charts drawn without a display ({@link JFreeChartRenderer}).
 */
@Command(
    name = "report",
    description = "Write one self-contained HTML report of a scenario: settings, what-ifs, Pareto charts, " +
        "recommendations with their reasons and serving-stack exports, the front, and every profile's provenance."
)
final class ReportCommand extends ScenarioCommand {

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The HTML file to write (atomically: an existing file stays whole if writing fails)."
    )
    Path out;

    @Override
    public Integer call() throws ProfileException, IOException {
        if (Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " is a folder; give the HTML file to write");
        }
        ScenarioEvaluation evaluation = scenario.evaluate();
        ScenarioReport.write(out, evaluation, new JFreeChartRenderer(), Instant.now());
        spec
            .commandLine()
            .getErr()
            .println("Wrote " + out + " (" + Math.max(1, Files.size(out) / 1024) + " KiB, self-contained).");
        return ConfigSpecCli.OK;
    }
}
