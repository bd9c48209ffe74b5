package io.configspec.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code configspec explore [FILE]}: opens the desktop explorer (also what {@code configspec}
 * without arguments does). Without a desktop session it says so in one sentence and exits 1, with
 * no stack trace. JavaFX is loaded only when the window really opens, through {@code
 * ExplorerLauncher}, so {@code explore --help} needs no display.
 */
@Command(
    name = "explore",
    description = {
        "Open the desktop explorer (what ./configspec does without a subcommand).",
        "It needs a desktop session; every analysis it shows is also on the command line (recommend, pareto, sweep, export).",
    }
)
public final class ExploreCommand implements Callable<Integer> {

    @Parameters(
        arity = "0..1",
        paramLabel = "FILE",
        description = "A scenario (.json) or a saved workspace (.cswork) to open; default: the bundled paper scenario."
    )
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<String> missing = missingDesktop(System.getenv(), System.getProperty("os.name", ""));
        if (missing.isPresent()) {
            spec.commandLine().getErr().println("configspec explore: " + missing.get());
            return 1;
        }
        if (file != null && !Files.isRegularFile(file)) {
            spec
                .commandLine()
                .getErr()
                .println(
                    "configspec explore: " +
                        file +
                        " is not a file (give a scenario .json or a workspace .cswork)."
                );
            return 2;
        }
        try {
            io.configspec.app.explorer.ExplorerLauncher.launch(
                file == null ? new String[0] : new String[] { file.toString() }
            );
            return 0;
        } catch (RuntimeException | LinkageError e) {
            spec.commandLine().getErr().println("configspec explore: " + cannotOpen(e));
            return 1;
        }
    }

    /**
     * Why no window can open here, or empty: on Linux and the BSDs a desktop session sets {@code
     * DISPLAY} (X11) or {@code WAYLAND_DISPLAY}; Windows and macOS always have one.
     */
    static Optional<String> missingDesktop(Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return Optional.empty();
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of(
            "the explorer needs a desktop session and none is available (DISPLAY and WAYLAND_DISPLAY are unset); start it from a desktop, or use the command line (./configspec --help)."
        );
    }

    /** One sentence for a window that could not open (e.g. DISPLAY names an X server that is not there). */
    static String cannotOpen(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        return (
            "the explorer window could not open (" +
            detail +
            "); check that the desktop session in DISPLAY or WAYLAND_DISPLAY is running, or use the command line (./configspec --help)."
        );
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
