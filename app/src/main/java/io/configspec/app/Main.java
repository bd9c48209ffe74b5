package io.configspec.app;

/** Entry point of {@code ./configspec}: no arguments opens the explorer, a subcommand runs the CLI. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.out.println("ConfigSpec Explorer");
    }
}
