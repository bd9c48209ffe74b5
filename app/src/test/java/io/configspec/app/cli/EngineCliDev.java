package io.configspec.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Development entry point for the engine's subcommands (until the root command registers them). */
@Command(
    name = "configspec",
    subcommands = { ModelsCommand.class, GenerateCommand.class, MeasureCommand.class }
)
public final class EngineCliDev {

    public static void main(String[] args) {
        System.exit(new CommandLine(new EngineCliDev()).execute(args));
    }
}
