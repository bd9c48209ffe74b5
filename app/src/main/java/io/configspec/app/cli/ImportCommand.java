package io.configspec.app.cli;

import io.configspec.model.imports.ImportOptions;
import io.configspec.model.imports.ImportPlan;
import io.configspec.model.imports.Importers;
import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code configspec import [--from FORMAT] FILE... --out DIR}: turns other tools' measurements
 * (llama-bench, llama-server, vLLM metrics, tegrastats, jtop, the ConfigSpec profiler's CSVs) into
 * profile files under DIR (docs/importing.md). Every file is read and every profile checked before
 * anything is written: bad input is one sentence, exit 2, and DIR untouched.
 */
@Command(
    name = "import",
    description = "Import measurements from llama-bench, llama-server, vLLM, tegrastats, jtop or the ConfigSpec profiler into profiles."
)
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
        names = "--from",
        paramLabel = "FORMAT",
        description = "The files' format: profile (ConfigSpec JSON), llama-bench, llama-server, vllm-metrics, tegrastats, jtop or llamacpp-latency-profiler (default: detected per file)."
    )
    String from;

    @Parameters(
        arity = "1..*",
        paramLabel = "FILE",
        description = "The tools' output files (and ConfigSpec profile files), merged into one set of profiles."
    )
    List<Path> files;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Folder for the profile files (devices/, models/, alignment/)."
    )
    Path out;

    @Option(names = "--dry-run", description = "Print what would be written; write nothing.")
    boolean dryRun;

    @Option(
        names = "--library",
        paramLabel = "PATH",
        description = "Profile folder or file the import joins (repeatable): its models are not repeated, and a power log alone updates its --device."
    )
    List<Path> library = new ArrayList<>();

    @Option(
        names = "--device",
        paramLabel = "ID",
        description = "Id of the device profile (default: named after the board)."
    )
    String device;

    @Option(
        names = "--target",
        paramLabel = "ID",
        description = "Target model id of acceptance figures whose file names none (or renaming it)."
    )
    String target;

    @Option(
        names = "--drafter",
        paramLabel = "ID",
        description = "Drafter id instead of the one the name rule gives (the files must name one drafter)."
    )
    String drafter;

    @Option(
        names = "--quantization",
        paramLabel = "NAME",
        description = "Quantisation instead of (or where missing) the one in the model file's name, e.g. q4_k_m."
    )
    String quantization;

    @Override
    public Integer call() throws ProfileException, IOException {
        if (out == null && !dryRun) {
            throw new UserInputException("import: give --out DIR (the folder for the profiles) or --dry-run");
        }
        if (from != null && Importers.byId(from).isEmpty()) {
            throw new UserInputException(
                "import: --from " +
                    from +
                    " is not a format ConfigSpec imports (known: " +
                    Importers.ids() +
                    ")"
            );
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("import: --out " + out + " is a file, not a folder");
        }
        ImportOptions options = new ImportOptions(
            Optional.ofNullable(device),
            Optional.ofNullable(target),
            Optional.ofNullable(drafter),
            Optional.ofNullable(quantization)
        );
        ImportPlan plan = Importers.readAll(
            files,
            Optional.ofNullable(from),
            options,
            Importers.library(library)
        ).requireAll();
        if (!dryRun) {
            plan.write(out);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        for (ImportPlan.FileOutcome outcome : plan.outcomes()) {
            stdout.println(
                "read    " +
                    outcome.file() +
                    " (" +
                    outcome.format().orElseThrow() +
                    ": " +
                    String.join("; ", outcome.gives()) +
                    ")"
            );
        }
        for (ImportPlan.PlannedFile file : plan.files()) {
            Path where = out == null ? file.relative() : out.resolve(file.relative());
            stdout.println((dryRun ? "would write " : "wrote   ") + where + ": " + file.summary());
        }
        for (String note : plan.notes()) {
            stdout.println("note    " + note);
        }
        stdout.flush();
        return ConfigSpecCli.OK;
    }
}
