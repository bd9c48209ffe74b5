package io.configspec.app.cli;

import io.configspec.model.fleet.FleetScenario;
import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the fleet commands share ({@code fleet}, {@code capacity}, {@code fleet-report}), written
 * once: the {@link FleetOptions} and {@link OutputOptions} mixins, the device-count rule, and the
 * run itself: check the command's options, load the scenario, print the result as text or JSON
 * into memory, then to standard output or {@code --out} (atomically).
 */
abstract class FleetCommandBase implements Callable<Integer> {

    /** The most devices a fleet command simulates. */
    static final int MAX_DEVICES = 100_000;

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions options;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() throws ProfileException, IOException {
        checkOptions();
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        FleetScenario scenario = options.load();
        StringWriter buffer = new StringWriter();
        try (PrintWriter out = new PrintWriter(buffer)) {
            run(scenario, format == OutputFormat.JSON, out);
        }
        output.write(spec.commandLine().getOut(), spec.commandLine().getErr(), w ->
            w.write(buffer.toString())
        );
        return ConfigSpecCli.OK;
    }

    /**
     * Checks the command's own options, before anything is read.
     *
     * @throws UserInputException naming the option at fault
     */
    abstract void checkOptions();

    /** Runs the command on the loaded scenario and prints the result, as JSON or as text. */
    abstract void run(FleetScenario scenario, boolean json, PrintWriter out);

    /**
     * A device count given as {@code option}, checked.
     *
     * @throws UserInputException unless it is between 1 and {@link #MAX_DEVICES}
     */
    static void checkDevices(String option, int count) {
        if (count < 1 || count > MAX_DEVICES) {
            throw new UserInputException(option + " must be between 1 and " + MAX_DEVICES + ", got " + count);
        }
    }
}
