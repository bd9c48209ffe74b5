package io.configspec.app;

/** Entry point of {@code ./configspec}: no arguments opens the explorer, a subcommand runs the CLI. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("explore")) {
            // A separate class, so the command line path never loads JavaFX.
            String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            io.configspec.app.explorer.ExplorerLauncher.launch(rest);
            return;
        }
        System.out.println("ConfigSpec Explorer");
    }
}
