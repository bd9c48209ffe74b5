package io.configspec.app.cli;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.imports.PredictionValidation;
import io.configspec.model.imports.PredictionValidation.Comparison;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec validate-predictions --measured DIR [--scenario FILE]}: every configuration
 * that was measured ({@code goodput-sweep} reports of {@code configspec measure} and the board
 * agent) next to the model's prediction: goodput and acceptance, the error per configuration, its
 * median and 90th percentile.
 */
@Command(
    name = "validate-predictions",
    description = "Compare measured goodput and acceptance with the model's predictions (error per configuration, median, p90)."
)
final class ValidatePredictionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
        names = "--measured",
        required = true,
        arity = "1..*",
        paramLabel = "DIR",
        description = "Folders (or files) with goodput-sweep reports, e.g. what configspec measure wrote."
    )
    List<Path> measured;

    @Option(
        names = "--scenario",
        paramLabel = "FILE",
        description = "Scenario whose predictions to compare (default: the measured folders' own profiles with their server, no network)."
    )
    Path scenario;

    @Override
    public Integer call() throws ProfileException {
        List<PredictionValidation.MeasuredRun> runs = PredictionValidation.measuredRuns(measured);
        if (runs.isEmpty()) {
            throw new UserInputException(
                "validate-predictions: " + PredictionValidation.noReportsIn(measured)
            );
        }
        EvaluatedSpace rows = scenario != null
            ? ScenarioLoader.load(scenario).space().evaluate()
            : PredictionValidation.predictionsOf(measured, runs);
        PredictionValidation.Report report = PredictionValidation.compare(rows, runs);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            Locale.ROOT,
            "%-58s %12s %12s %8s %7s %7s%n",
            "configuration (device drafter quantisation -> target, K)",
            "measured",
            "predicted",
            "error",
            "α meas",
            "α pred"
        );
        out.printf(Locale.ROOT, "%-58s %12s %12s %8s %7s %7s%n", "", "tokens/s", "tokens/s", "%", "", "");
        for (Comparison c : report.comparisons()) {
            var conf = c.measured().configuration();
            out.printf(
                Locale.ROOT,
                "%-58s %12.3f %12.3f %+7.1f%% %7s %7.3f%n",
                conf.device() +
                    " " +
                    conf.drafter() +
                    " " +
                    conf.quantization() +
                    " -> " +
                    conf.target() +
                    ", K=" +
                    conf.k(),
                c.measured().goodputTokensPerSecond(),
                c.predictedGoodputTokensPerSecond(),
                100 * c.goodputError(),
                c.measured().acceptanceRate().isPresent()
                    ? String.format(Locale.ROOT, "%.3f", c.measured().acceptanceRate().getAsDouble())
                    : "-",
                c.predictedAcceptanceRate()
            );
        }
        for (String u : report.unmatched()) {
            out.println("not predicted: " + u);
        }
        out.printf(
            Locale.ROOT,
            "goodput error |predicted - measured| / measured over %d configurations: median %.1f %%, p90 %.1f %%%n",
            report.comparisons().size(),
            100 * report.medianGoodputError(),
            100 * report.p90GoodputError()
        );
        if (Double.isFinite(report.medianAcceptanceError())) {
            out.printf(
                Locale.ROOT,
                "acceptance error |predicted - measured| α: median %.3f, p90 %.3f%n",
                report.medianAcceptanceError(),
                report.p90AcceptanceError()
            );
        }
        out.flush();
        if (report.comparisons().isEmpty()) {
            throw new UserInputException(
                "validate-predictions: none of the " +
                    runs.size() +
                    " measured configurations is in the scenario (" +
                    report.unmatched().getFirst() +
                    ")"
            );
        }
        return ConfigSpecCli.OK;
    }
}
