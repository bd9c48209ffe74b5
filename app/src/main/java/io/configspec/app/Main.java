package io.configspec.app;

import io.configspec.app.cli.ConfigSpecCli;

/**
 * Entry point of {@code ./configspec}: with no arguments it runs {@code explore} (the desktop
 * explorer); with a subcommand it runs the command line. Imports no JavaFX, so the command line
 * never loads it: the explorer is started by {@link ExploreCommand} through {@code
 * ExplorerLauncher}, referenced only on that branch.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        String[] command = args.length == 0 ? new String[] { "explore" } : args;
        int code = ConfigSpecCli.execute(command);
        // After the explorer's window closes, non-daemon threads may still finish writing the
        // autosave: return normally instead of exiting so that the JVM waits for them.
        if (code != 0 || !command[0].equals("explore")) {
            System.exit(code);
        }
    }
}
