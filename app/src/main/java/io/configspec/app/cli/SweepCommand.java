package io.configspec.app.cli;

import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code configspec sweep}: evaluates every configuration of a scenario and prints them all. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "Evaluate every configuration of a scenario (goodput, tokens per $, tokens per J, ...) and print them."
)
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws ProfileException, IOException {
        ScenarioOptions.Evaluation evaluation = scenario.evaluate();
        boolean[] pareto = FrontMask.of(evaluation.space(), FrontMask.GOODPUT_COST_ENERGY);
        int[] rows = IntStream.range(0, evaluation.space().size()).toArray();
        String notice = output.write(spec.commandLine().getOut(), writer ->
            ConfigurationRowWriter.write(output.format(), writer, evaluation, rows, pareto)
        );
        if (notice != null) {
            spec.commandLine().getErr().println(notice);
        }
        return ConfigSpecCli.OK;
    }
}
