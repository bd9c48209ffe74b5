package io.configspec.app.cli;

import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Root of the {@code configspec} command line. Subcommands register here (one line each in
 * {@code subcommands}) and inherit {@code --help} and {@code --version} from it (scope {@code
 * INHERIT}), so no command declares them. Errors are handled in one place: bad usage and bad input
 * files print one sentence on standard error and exit 2, other failures exit 1; {@code --debug}
 * adds the stack trace. Never loads JavaFX.
 */
@Command(
    name = "configspec",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = ConfigSpecCli.Version.class,
    description = "Choose speculative-decoding configurations (device, drafter, quantization, target, K) for edge-cloud LLM serving.",
    subcommands = {
        io.configspec.app.ExploreCommand.class,
        ValidateCommand.class,
        ImportCommand.class,
        ValidatePredictionsCommand.class,
        SweepCommand.class,
        ParetoCommand.class,
        RecommendCommand.class,
        ExportCommand.class,
        ReportCommand.class,
        FleetCommand.class,
        CapacityCommand.class,
        FleetReportCommand.class,
        FleetLoopbackCommand.class,
        ModelsCommand.class,
        GenerateCommand.class,
        MeasureCommand.class,
        AgentCommand.class,
        ProfileCommand.class,
        TwinCommand.class,
        QpartCommand.class,
        CommandLine.HelpCommand.class,
    }
)
public final class ConfigSpecCli implements Runnable {

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: a runtime failure (I/O, internal error). */
    public static final int RUNTIME_FAILURE = 1;
    /** Exit code: bad usage or bad input. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with the process's standard streams. */
    public static int execute(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return execute(args, out, err);
    }

    /** Runs the command line; returns the exit code (0, 1 or 2). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err, Arrays.asList(args).contains("--debug")).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured picocli command line, for tests and for embedding. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debug) {
        CommandLine cl = new CommandLine(new ConfigSpecCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((e, args) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            String message = e.getMessage().strip();
            while (message.endsWith(".")) {
                message = message.substring(0, message.length() - 1);
            }
            e
                .getCommandLine()
                .getErr()
                .println(command + ": " + message + " (see '" + command + " --help').");
            if (debug) {
                e.printStackTrace(e.getCommandLine().getErr());
            }
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter errors = commandLine.getErr();
            int code;
            // a model this machine does not have (or a broken one) is the user's input, said as
            // the engine commands' own guard says it
            if (
                e instanceof ProfileException ||
                e instanceof UserInputException ||
                e instanceof io.configspec.engine.onnx.ModelLoadException
            ) {
                errors.println(e.getMessage());
                code = BAD_INPUT;
            } else if (
                e instanceof io.configspec.model.io.OutputPathException ||
                e instanceof io.configspec.model.analysis.SpaceTooLargeException
            ) {
                errors.println("configspec: " + e.getMessage());
                code = BAD_INPUT;
            } else if (e instanceof IOException || e instanceof UncheckedIOException) {
                errors.println("configspec: " + e.getMessage());
                code = RUNTIME_FAILURE;
            } else {
                errors.println(
                    "configspec: internal error (" + e + "); run again with --debug for the stack trace."
                );
                code = RUNTIME_FAILURE;
            }
            if (debug) {
                e.printStackTrace(errors);
            }
            errors.flush();
            return code;
        });
        return cl;
    }

    /** Version from the build (resource {@code io/configspec/app/version.properties}). */
    public static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] { "configspec " + version(), "Java " + Runtime.version() };
        }

        public static String version() {
            return io.configspec.app.BuildInfo.version();
        }
    }
}
