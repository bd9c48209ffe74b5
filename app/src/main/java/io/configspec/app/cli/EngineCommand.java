package io.configspec.app.cli;

import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs models on the engine ({@code generate}, {@code measure}, {@code
 * fleet-loopback}, {@code models generate}, {@code qpart calibrate}): {@link #run} does the work,
 * and every failure becomes one sentence on standard error and an exit code
 * ({@link EngineCommandSupport#guarded}).
 */
abstract class EngineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return EngineCommandSupport.guarded(err, () -> run(spec.commandLine().getOut(), err));
    }

    /** The command's work, writing to standard output and error; returns the exit code. */
    abstract int run(PrintWriter out, PrintWriter err)
        throws ModelLoadException, InferenceException, IOException;
}
