package io.configspec.app.cli;

import io.configspec.model.analysis.Objective;
import io.configspec.model.io.ProfileException;
import io.configspec.model.service.ConfigurationRowWriter;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code configspec pareto}: the feasible configurations that no other feasible configuration
 * beats on every chosen objective (2 or 3 of them), best first on the first objective.
 */
@Command(
    name = "pareto",
    description = "Print the Pareto-optimal configurations of a scenario over 2 or 3 objectives (after constraints)."
)
final class ParetoCommand extends ScenarioCommand {

    @Mixin
    OutputOptions output;

    @Option(
        names = "--objectives",
        paramLabel = "LIST",
        split = ",",
        description = "2 or 3 comma-separated objectives of: goodput, cost, energy, tpot, dollars-per-mtok, " +
            "joules-per-token (default: goodput,cost,energy)."
    )
    List<String> objectiveNames = List.of("goodput", "cost", "energy");

    @Override
    public Integer call() throws ProfileException, IOException {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.CSV);
        List<Objective> objectives = parseObjectives(objectiveNames);
        // streamed: the front is found block by block, so a space of any size is answered
        ScenarioEvaluation evaluation = scenario.scan(List.of(objectives));
        int[] rows = evaluation.frontBestFirst(objectives);
        if (format == OutputFormat.TEXT && output.out() == null) {
            spec
                .commandLine()
                .getOut()
                .println(
                    "Pareto front over " +
                        objectives
                            .stream()
                            .map(
                                o ->
                                    o.cliName() +
                                    " (" +
                                    o.unit() +
                                    ", " +
                                    (o.maximize() ? "max" : "min") +
                                    ")"
                            )
                            .collect(Collectors.joining(", ")) +
                        ": " +
                        rows.length +
                        " of " +
                        evaluation.feasibleCount() +
                        " feasible configurations; normalised hypervolume " +
                        String.format(
                            java.util.Locale.ROOT,
                            "%.3f",
                            evaluation.normalisedHypervolume(objectives)
                        ) +
                        " (share of the box between the worst and best feasible values that the front dominates)."
                );
            if (
                objectives
                    .stream()
                    .anyMatch(o -> o == Objective.TOKENS_PER_JOULE || o == Objective.JOULES_PER_TOKEN)
            ) {
                evaluation.energyNotMeasured().ifPresent(spec.commandLine().getOut()::println);
            }
        }
        // the rows' "pareto" column keeps sweep's meaning (goodput/cost/energy front) in every command
        output.write(spec.commandLine().getOut(), spec.commandLine().getErr(), writer ->
            ConfigurationRowWriter.writeRows(format.rows(), writer, evaluation, rows)
        );
        return ConfigSpecCli.OK;
    }

    /**
     * The objectives named on the command line.
     *
     * @throws UserInputException naming the option when a name is unknown or repeated, or there
     *     are not 2 or 3
     */
    static List<Objective> parseObjectives(List<String> names) {
        List<Objective> objectives = new ArrayList<>();
        for (String name : names) {
            Objective objective = Objective.fromCliName(name).orElseThrow(() ->
                new UserInputException(
                    "--objectives: unknown objective \"" +
                        name.strip() +
                        "\" (known: " +
                        Objective.cliNames() +
                        ")"
                )
            );
            if (objectives.contains(objective)) {
                throw new UserInputException("--objectives: " + objective.cliName() + " is listed twice");
            }
            objectives.add(objective);
        }
        if (objectives.size() < 2 || objectives.size() > 3) {
            throw new UserInputException(
                "--objectives: give 2 or 3 objectives, got " +
                    objectives.size() +
                    " (" +
                    String.join(",", names) +
                    ")"
            );
        }
        return objectives;
    }
}
