package io.configspec.app.cli;

import io.configspec.model.export.LlamaCppDialect;
import io.configspec.model.export.ServingConfigurationExport;
import io.configspec.model.export.ServingStack;
import io.configspec.model.io.ProfileException;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.service.ConfigurationRowWriter;
import io.configspec.model.service.ScenarioEvaluation;
import io.configspec.model.workload.RoutedComparison;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code configspec export}: a recommended configuration ({@link ScenarioEvaluation#recommendations()}) as a serving
 * stack's speculative-decoding settings ({@link ServingConfigurationExport}) or as a JSON/CSV row.
 */
@Command(
    name = "export",
    description = "Export a recommended configuration for a serving stack (vLLM, llama.cpp, SGLang, TensorRT-LLM, " +
        "ONNX Runtime GenAI) or as JSON/CSV."
)
final class ExportCommand extends ScenarioCommand {

    /** {@code --format} (a serving stack, json or csv; required) and {@code --out}. */
    @Mixin
    OutputOptions output;

    @Option(
        names = "--objective",
        paramLabel = "OBJECTIVE",
        description = "Which recommendation: goodput, cost, energy or balanced; json and csv also take all " +
            "(default: ${DEFAULT-VALUE})."
    )
    String objective = "goodput";

    @Option(
        names = "--draft-model",
        paramLabel = "REF",
        description = "Draft model as the serving stack names it (Hugging Face id, path, or GGUF file); " +
            "default: the drafter's profile id (a placeholder)."
    )
    String draftModel;

    @Option(
        names = "--target-model",
        paramLabel = "REF",
        description = "Target model as the serving stack names it; default: the target's profile id (a placeholder)."
    )
    String targetModel;

    @Option(
        names = "--llamacpp-dialect",
        paramLabel = "DIALECT",
        description = "llama.cpp flag spelling: spec-type (newest, --spec-type draft-simple), draft-max " +
            "(llama-server 2024-11 to 2026-04) or draft (oldest --draft N); default: spec-type."
    )
    String dialectName = LlamaCppDialect.newest().cliName();

    @Override
    public Integer call() throws ProfileException, IOException {
        OutputFormat format = output.given();
        if (format == null || format.equals(OutputFormat.TEXT)) {
            throw new UserInputException(
                "export: --format must be a serving stack (" + ServingStack.cliNames() + "), json or csv"
            );
        }
        boolean rows = !format.serving();
        LlamaCppDialect dialect = LlamaCppDialect.fromCliName(dialectName).orElseThrow(() ->
            new UserInputException(
                "--llamacpp-dialect: unknown dialect \"" +
                    dialectName +
                    "\" (known: " +
                    LlamaCppDialect.cliNames() +
                    ")"
            )
        );
        String wanted = objective.strip().toLowerCase(Locale.ROOT);
        List<String> known = Arrays.stream(Recommendation.Kind.values())
            .map(Recommendation.Kind::jsonName)
            .toList();
        if (!known.contains(wanted) && !(rows && wanted.equals("all"))) {
            throw new UserInputException(
                "--objective: unknown \"" +
                    objective +
                    "\" (known: " +
                    String.join(", ", known) +
                    (rows ? ", all" : "") +
                    ")"
            );
        }
        ScenarioEvaluation evaluation = scenario.evaluate();
        List<Recommendation> chosen = evaluation
            .recommendations()
            .stream()
            .filter(r -> wanted.equals("all") || r.kind().jsonName().equals(wanted))
            .toList();
        if (chosen.isEmpty()) {
            throw nothingMeetsTheConstraints(evaluation, "export");
        }
        String text = rows ? null : serving(format.stack(), dialect, chosen.getFirst(), evaluation);
        output.write(spec.commandLine().getOut(), spec.commandLine().getErr(), writer -> {
            if (rows) {
                ConfigurationRowWriter.writeRecommendations(format.rows(), writer, evaluation, chosen);
            } else {
                writer.write(text);
            }
        });
        return ConfigSpecCli.OK;
    }

    private String serving(
        ServingStack stack,
        LlamaCppDialect dialect,
        Recommendation r,
        ScenarioEvaluation evaluation
    ) {
        String summary = "ConfigSpec " + r.kind().jsonName() + ": " + r.configuration() + ". " + r.reason();
        try {
            ServingConfigurationExport.Result result = ServingConfigurationExport.export(
                evaluation.rows(),
                r.row(),
                new ServingConfigurationExport.Options(stack, dialect, targetModel, draftModel),
                java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(summary),
                    evaluation.routedComparisons().stream().map(RoutedComparison::exportNote)
                ).toList()
            );
            if (!result.placeholders().isEmpty()) {
                spec
                    .commandLine()
                    .getErr()
                    .println(
                        "Note: model references are profile ids (placeholders); pass --draft-model and --target-model " +
                            "with the names your " +
                            stack.cliName() +
                            " setup uses."
                    );
            }
            return result.text();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--format " + stack.cliName() + ": " + e.getMessage());
        }
    }
}
