package io.configspec.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.samplemodels.SampleFamily;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code configspec models list|generate}: the ONNX models the engine can run. */
@Command(
    name = "models",
    description = "List or generate ONNX decoder models (Optimum layout).",
    subcommands = { ModelsCommand.ListCommand.class, ModelsCommand.GenerateCommand.class }
)
public final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EngineCommandSupport.BAD_INPUT;
    }

    /** {@code configspec models list --models DIR [--format json]}. */
    @Command(name = "list", description = "List the models in a models directory.")
    public static final class ListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ModelsDirectoryOption directory;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
            java.io.StringWriter buffer = new java.io.StringWriter();
            PrintWriter out = new PrintWriter(buffer);
            return EngineCommandSupport.guarded(spec.commandLine().getErr(), () -> {
                List<ModelCatalog.Entry> entries = ModelCatalog.scan(directory.models).entries();
                if (format == OutputFormat.JSON) {
                    ObjectNode root = new ObjectMapper().createObjectNode();
                    ArrayNode list = root.putArray("models");
                    for (ModelCatalog.Entry e : entries) {
                        ObjectNode node = list.addObject();
                        node.put("name", e.name());
                        node.put("role", e.role());
                        node.put("precision", e.precision());
                        node.put("parameters", e.parameters());
                    }
                    out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
                } else {
                    out.printf("%-22s %-8s %-9s %12s%n", "NAME", "ROLE", "PRECISION", "PARAMETERS");
                    for (ModelCatalog.Entry e : entries) {
                        out.printf(
                            "%-22s %-8s %-9s %12d%n",
                            e.name(),
                            e.role(),
                            e.precision(),
                            e.parameters()
                        );
                    }
                }
                out.flush();
                output.write(spec.commandLine().getOut(), spec.commandLine().getErr(), w ->
                    w.write(buffer.toString())
                );
                return EngineCommandSupport.OK;
            });
        }
    }

    /** {@code configspec models generate --out DIR [--seed S]}. */
    @Command(
        name = "generate",
        description = "Generate the sample model family (one target, drafters in several precisions) from a seed; no network."
    )
    public static final class GenerateCommand extends EngineCommand {

        @Option(
            names = "--out",
            defaultValue = "samples/models",
            description = "Output directory (default: ${DEFAULT-VALUE})."
        )
        Path out;

        @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of language, corpus and weights (default: ${DEFAULT-VALUE})."
        )
        long seed;

        @Override
        int run(PrintWriter stdout, PrintWriter err) throws IOException {
            long start = System.nanoTime();
            List<SampleFamily.Member> members = SampleFamily.generate(
                out,
                SampleFamily.Spec.defaults().withSeed(seed)
            );
            for (SampleFamily.Member m : members) {
                stdout.printf(
                    "%-22s %-8s %-5s %10d parameters%n",
                    m.name(),
                    m.role(),
                    m.precision().cliName(),
                    m.parameters()
                );
            }
            stdout.printf(
                "generated %d models in %s (%.1f s); prompts in %s%n",
                members.size(),
                out,
                (System.nanoTime() - start) / 1e9,
                out.resolve("prompts.txt")
            );
            stdout.flush();
            return EngineCommandSupport.OK;
        }
    }
}
