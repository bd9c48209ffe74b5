package io.configspec.app.cli;

import io.configspec.model.domain.Configuration;
import io.configspec.model.export.ServingExports;
import io.configspec.model.export.ServingStack;
import io.configspec.model.io.ProfileException;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.service.ConfigurationRowWriter;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
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
 * {@code configspec export}: a recommended configuration ({@link ScenarioEvaluation#recommendations()}) as a serving
 * stack's speculative-decoding settings ({@link ServingExports}) or as a JSON/CSV row.
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
        description = "llama.cpp flags: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; legacy writes --draft K)."
    )
    ServingExports.LlamaCppDialect dialect = ServingExports.LlamaCppDialect.CURRENT;

    @Override
    public Integer call() throws ProfileException, IOException {
        if (output.given() == null) {
            throw new UserInputException(
                "export: --format is required (" + ServingStack.cliNames() + ", json or csv)"
            );
        }
        OutputFormat format = output.given();
        boolean rows = !format.serving();
        if (format == OutputFormat.TEXT) {
            throw new UserInputException(
                "--format text is not written by export (it writes " +
                    ServingStack.cliNames() +
                    ", json, csv)"
            );
        }
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
            throw new UserInputException(
                scenario.scenarioFile() +
                    ": no configuration meets the constraints " +
                    evaluation.rows().constraints() +
                    ", so there is nothing to export"
            );
        }
        String text = rows ? null : serving(format.stack(), chosen.getFirst());
        output.write(spec.commandLine().getOut(), spec.commandLine().getErr(), writer -> {
            if (rows) {
                ConfigurationRowWriter.writeRecommendations(format.rows(), writer, evaluation, chosen);
            } else {
                writer.write(text);
            }
        });
        return ConfigSpecCli.OK;
    }

    private String serving(ServingStack stack, Recommendation r) {
        Configuration c = r.configuration();
        boolean placeholders = draftModel == null || targetModel == null;
        String draft = draftModel != null
            ? draftModel
            : stack == ServingStack.LLAMA_CPP
                ? c.drafter() + "-" + c.quantization() + ".gguf"
                : c.drafter();
        String target = targetModel != null
            ? targetModel
            : stack == ServingStack.LLAMA_CPP
                ? c.target() + ".gguf"
                : c.target();
        String summary = "ConfigSpec " + r.kind().jsonName() + ": " + c + ". " + r.reason();
        ServingExports.Request request;
        try {
            request = new ServingExports.Request(target, draft, c.k(), summary);
            String text = stack == ServingStack.LLAMA_CPP
                ? ServingExports.llamaServerCommand(request, dialect)
                : ServingExports.export(stack, request);
            if (placeholders) {
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
            return text;
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--format " + stack.cliName() + ": " + e.getMessage());
        }
    }
}
