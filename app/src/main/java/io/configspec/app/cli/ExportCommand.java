package io.configspec.app.cli;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.export.LlamaCppDialect;
import io.configspec.model.export.ServingConfigurationExport;
import io.configspec.model.export.ServingStack;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.io.ProfileException;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.pareto.Recommendations;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec export}: a recommended configuration ({@link Recommendations}) as a serving
 * stack's speculative-decoding settings ({@link ServingConfigurationExport}) or as a JSON/CSV row.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export a recommended configuration for a serving stack (vLLM, llama.cpp, SGLang, TensorRT-LLM, " +
        "ONNX Runtime GenAI) or as JSON/CSV."
)
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(
        names = "--format",
        required = true,
        paramLabel = "FORMAT",
        description = "vllm, llamacpp, sglang, trtllm, ortgenai, json or csv."
    )
    String format;

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

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write to FILE (atomically: the old file stays intact if writing fails) instead of standard output."
    )
    Path out;

    @Override
    public Integer call() throws ProfileException, IOException {
        String chosenFormat = format.strip().toLowerCase(Locale.ROOT);
        boolean rows = chosenFormat.equals("json") || chosenFormat.equals("csv");
        ServingStack stack = rows
            ? null
            : ServingStack.fromCliName(chosenFormat).orElseThrow(() ->
                  new UserInputException(
                      "--format: unknown format \"" +
                          format +
                          "\" (known: " +
                          ServingStack.cliNames() +
                          ", json, csv)"
                  )
              );
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
        ScenarioOptions.Evaluation evaluation = scenario.evaluate();
        EvaluatedSpace space = evaluation.space();
        List<Recommendation> chosen = Recommendations.of(space)
            .stream()
            .filter(r -> wanted.equals("all") || r.kind().jsonName().equals(wanted))
            .toList();
        if (chosen.isEmpty()) {
            throw new UserInputException(
                scenario.scenarioFile() +
                    ": no configuration meets the constraints " +
                    space.constraints() +
                    ", so there is nothing to export"
            );
        }
        String text;
        if (rows) {
            int[] selected = chosen.stream().mapToInt(Recommendation::row).toArray();
            boolean[] front = FrontMask.of(space, FrontMask.GOODPUT_COST_ENERGY);
            java.io.StringWriter buffer = new java.io.StringWriter();
            ConfigurationRowWriter.write(
                OutputFormat.valueOf(chosenFormat),
                buffer,
                evaluation,
                selected,
                front
            );
            text = buffer.toString();
        } else {
            Recommendation r = chosen.get(0);
            text = serving(stack, dialect, r, evaluation.loaded().library());
        }
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
        } else {
            AtomicFiles.write(out, stream -> {
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                writer.write(text);
                writer.flush();
            });
            spec.commandLine().getErr().println("Wrote " + out + ".");
        }
        return ConfigSpecCli.OK;
    }

    private String serving(
        ServingStack stack,
        LlamaCppDialect dialect,
        Recommendation r,
        io.configspec.model.domain.ProfileLibrary library
    ) {
        String summary = "ConfigSpec " + r.kind().jsonName() + ": " + r.configuration() + ". " + r.reason();
        try {
            ServingConfigurationExport.Result result = ServingConfigurationExport.export(
                r.configuration(),
                library,
                new ServingConfigurationExport.Options(stack, dialect, targetModel, draftModel),
                List.of(summary)
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
