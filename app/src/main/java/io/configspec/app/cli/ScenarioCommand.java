package io.configspec.app.cli;

import io.configspec.model.service.ScenarioEvaluation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that evaluates a scenario file shares ({@code sweep}, {@code pareto},
 * {@code recommend}, {@code export}, {@code report}): its picocli spec and the {@link
 * ScenarioOptions} mixin, declared once. A subclass adds its own options (and {@link OutputOptions}
 * where it prints a result).
 */
abstract class ScenarioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    /** The refusal when {@code evaluation} has no configuration within the constraints to {@code use}. */
    UserInputException nothingMeetsTheConstraints(ScenarioEvaluation evaluation, String use) {
        return new UserInputException(
            scenario.scenarioFile() +
                ": no configuration meets the constraints " +
                evaluation.rows().constraints() +
                ", so there is nothing to " +
                use
        );
    }
}
