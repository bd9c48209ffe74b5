package io.configspec.app;

import io.configspec.app.cli.ConfigSpecCli;
import java.util.Arrays;

/**
 * Entry point of {@code ./configspec}: with no arguments (or {@code explore}) it opens the
 * explorer; with a subcommand it runs the command line. Imports no JavaFX, so the command line
 * never loads it: the explorer is started through {@code ExplorerLauncher}, referenced only on that
 * branch.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("explore")) {
            String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
            io.configspec.app.explorer.ExplorerLauncher.launch(rest);
            return;
        }
        System.exit(ConfigSpecCli.execute(args));
    }
}
