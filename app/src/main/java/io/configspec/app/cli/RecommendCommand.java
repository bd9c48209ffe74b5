package io.configspec.app.cli;

import io.configspec.model.io.ProfileException;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.service.ConfigurationRowWriter;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code configspec recommend}: the best feasible configuration for goodput, for cost (tokens per
 * dollar) and for energy (tokens per joule), and a balanced one (the knee of their Pareto front),
 * each with a one-line reason ({@link ScenarioEvaluation#recommendations()}).
 */
@Command(
    name = "recommend",
    description = "Recommend the best configuration for goodput, cost and energy, and a balanced one, each with a reason."
)
final class RecommendCommand extends ScenarioCommand {

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws ProfileException, IOException {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.CSV);
        // streamed: the recommendations are found block by block, so a space of any size is answered
        ScenarioEvaluation evaluation = scenario.scan(List.of());
        List<Recommendation> recommendations = evaluation.recommendations();
        if (recommendations.isEmpty()) {
            throw nothingMeetsTheConstraints(evaluation, "recommend");
        }
        output.write(spec.commandLine().getOut(), spec.commandLine().getErr(), writer ->
            ConfigurationRowWriter.writeRecommendations(format.rows(), writer, evaluation, recommendations)
        );
        return ConfigSpecCli.OK;
    }
}
