package io.configspec.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.domain.Provenance;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileException;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.pareto.Recommendations;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec recommend}: the best feasible configuration for goodput, for cost (tokens per
 * dollar) and for energy (tokens per joule), and a balanced one (the knee of their Pareto front),
 * each with a one-line reason ({@link Recommendations}).
 */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = "Recommend the best configuration for goodput, cost and energy, and a balanced one, each with a reason."
)
final class RecommendCommand implements Callable<Integer> {

    /** Output formats of this command. */
    enum Format {
        text,
        json,
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})."
    )
    Format format = Format.text;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write to FILE (atomically: the old file stays intact if writing fails) instead of standard output."
    )
    Path out;

    @Override
    public Integer call() throws ProfileException, IOException {
        ScenarioOptions.Evaluation evaluation = scenario.evaluate();
        EvaluatedSpace space = evaluation.space();
        List<Recommendation> recommendations = Recommendations.of(space);
        if (recommendations.isEmpty()) {
            throw new UserInputException(
                scenario.scenarioFile() +
                    ": no configuration meets the constraints " +
                    space.constraints() +
                    ", so there is nothing to recommend"
            );
        }
        boolean[] front = FrontMask.of(space, FrontMask.GOODPUT_COST_ENERGY);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            write(stdout, evaluation, recommendations, front);
            stdout.flush();
        } else {
            AtomicFiles.write(out, stream -> {
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                write(writer, evaluation, recommendations, front);
                writer.flush();
            });
            spec.commandLine().getErr().println("Wrote " + out + ".");
        }
        return ConfigSpecCli.OK;
    }

    private void write(
        Writer writer,
        ScenarioOptions.Evaluation evaluation,
        List<Recommendation> recommendations,
        boolean[] front
    ) throws IOException {
        if (format == Format.json) {
            ObjectNode root = ProfileCodec.mapper().createObjectNode();
            root.set("scenario", ConfigurationRowWriter.scenarioJson(evaluation));
            ArrayNode array = root.putArray("recommendations");
            for (Recommendation r : recommendations) {
                ObjectNode node = array.addObject();
                node.put("objective", r.kind().jsonName());
                node.set(
                    "configuration",
                    ConfigurationRowWriter.rowJson(evaluation.space(), r.row(), front[r.row()])
                );
                node.put("reason", r.reason());
            }
            ProfileCodec.mapper()
                .writer()
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(writer, root);
            writer.write(System.lineSeparator());
            return;
        }
        EvaluatedSpace space = evaluation.space();
        writer.write(
            "Scenario " +
                evaluation.loaded().scenario().id() +
                ": " +
                space.feasibleCount() +
                " of " +
                space.size() +
                " configurations meet the constraints.\n"
        );
        boolean illustrative = false;
        for (Recommendation r : recommendations) {
            writer.write("\n" + title(r.kind()) + ": " + r.configuration() + "\n  " + r.reason() + "\n");
            Combination combination = space.combination(r.row());
            List<Provenance> sources = List.of(
                combination.drafting().provenanceOf("tokensPerSecond"),
                combination.drafting().provenanceOf("powerWatts"),
                combination.alignment().provenanceOf("acceptanceRate"),
                combination.served().provenanceOf("verification")
            );
            writer.write(
                "  Figures from: drafting speed " +
                    source(sources.get(0)) +
                    ", power " +
                    source(sources.get(1)) +
                    ", α " +
                    source(sources.get(2)) +
                    ", verification " +
                    source(sources.get(3)) +
                    ".\n"
            );
            illustrative |= sources.stream().anyMatch(p -> p instanceof Provenance.Illustrative);
        }
        if (illustrative) {
            writer.write(
                "\nIllustrative figures are placeholders, not measurements: measure your board with" +
                    " 'configspec profile' or 'configspec measure' before relying on them.\n"
            );
        }
    }

    /** A provenance in a few words: the kind, with the source or tool where it has one. */
    private static String source(Provenance provenance) {
        return provenance instanceof Provenance.Illustrative ? provenance.kind() : provenance.label();
    }

    private static String title(Recommendation.Kind kind) {
        return switch (kind) {
            case GOODPUT -> "Best goodput";
            case COST -> "Best cost";
            case ENERGY -> "Best energy";
            case BALANCED -> "Balanced";
        };
    }
}
