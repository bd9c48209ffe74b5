package io.configspec.app;

import io.configspec.app.cli.ConfigSpecCli;

/**
 * Entry point of {@code ./configspec}: with a subcommand it runs the command line; with no
 * arguments it will open the explorer (for now it prints the command-line help). Imports no
 * JavaFX, so the command line never loads it.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(ConfigSpecCli.execute(args));
    }
}
