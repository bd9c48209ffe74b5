package io.configspec.app.explorer.validation;

import io.configspec.app.explorer.concurrent.BackgroundWork;
import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.imports.PredictionValidation;
import io.configspec.model.io.ScenarioLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The Validation view's state (issue 10): measured runs ({@code goodput-sweep} reports of {@code
 * configspec measure}, the board agent, imports with goodput) against the model's predictions.
 * Predictions come from the open scenario when it has the measured configurations, otherwise from
 * the measured folder's own profiles (as {@code configspec validate-predictions} without {@code
 * --scenario}). Reading and evaluating run off the FX thread.
 */
public final class ValidationViewModel {

    private final TaskExecutor executor;
    private final Supplier<ScenarioLoader.LoadedScenario> scenario;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    /** Reading and comparing; its message line is the view's status line. */
    private final BackgroundWork work = new BackgroundWork(
        "Open a folder with measurements (configspec measure --out DIR, the board agent's runs) to compare them with the model's predictions."
    );

    /**
     * @param executor where reading and evaluating run
     * @param scenario the open scenario, or null when none is open
     */
    public ValidationViewModel(TaskExecutor executor, Supplier<ScenarioLoader.LoadedScenario> scenario) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    /** What was compared and where the predictions came from, once a folder was opened (else null). */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * Reading and comparing (running while busy); its message is one line for the user: what to do,
     * what is being read, or what went wrong.
     */
    public BackgroundWork work() {
        return work;
    }

    /** Reads the measurements under {@code roots} and compares them with the predictions, in the background. */
    public void open(List<Path> roots) {
        work.start(
            "Reading " +
                roots
                    .stream()
                    .map(Path::toString)
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("") +
                " …"
        );
        ScenarioLoader.LoadedScenario open = scenario.get();
        executor
            .submit(() -> compare(roots, open))
            .whenComplete((compared, failure) ->
                executor.runOnUi(() -> {
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        work.end(cause.getMessage());
                        return;
                    }
                    result.set(compared);
                    work.end(summary(compared.report()));
                })
            );
    }

    /**
     * One comparison of measured runs with predictions.
     *
     * @param report the comparison
     * @param source where the predictions came from, in words
     */
    public record Result(PredictionValidation.Report report, String source) {}

    private static Result compare(List<Path> roots, ScenarioLoader.LoadedScenario open) throws Exception {
        List<PredictionValidation.MeasuredRun> runs = PredictionValidation.measuredRuns(roots);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(PredictionValidation.noReportsIn(roots));
        }
        if (open != null) {
            EvaluatedSpace rows = open.space().evaluate(open.scenario().whatIf());
            Set<io.configspec.model.domain.Configuration> have = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                have.add(rows.configuration(i));
            }
            if (runs.stream().anyMatch(r -> have.contains(r.configuration()))) {
                return new Result(
                    PredictionValidation.compare(rows, runs),
                    "predicted by scenario " + open.scenario().id()
                );
            }
        }
        return new Result(
            PredictionValidation.compare(PredictionValidation.predictionsOf(roots, runs), runs),
            "predicted from the measured folder's own profiles (its device, alignment and server)"
        );
    }

    /** The medians and 90th percentiles in words. */
    public static String summary(PredictionValidation.Report r) {
        String text = String.format(
            java.util.Locale.ROOT,
            "Goodput error over %d measured configurations: median %.1f %%, p90 %.1f %%",
            r.comparisons().size(),
            100 * r.medianGoodputError(),
            100 * r.p90GoodputError()
        );
        if (Double.isFinite(r.medianAcceptanceError())) {
            text += String.format(
                java.util.Locale.ROOT,
                "; acceptance error: median %.3f, p90 %.3f",
                r.medianAcceptanceError(),
                r.p90AcceptanceError()
            );
        }
        if (!r.unmatched().isEmpty()) {
            text += "; " + r.unmatched().size() + " measured configurations not predicted";
        }
        return text + ".";
    }
}
