package io.configspec.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.cli.ConfigSpecCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code configspec} without a display, and {@code explore} as a documented command (issue 19, item 9). */
class ExploreCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConfigSpecCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] { String.valueOf(code), out.toString(), err.toString() };
    }

    @Test
    void exploreHelpPrintsHelpAndOpensNoWindow() {
        String[] r = run("explore", "--help");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("Usage: configspec explore "), r[1]);
        assertTrue(r[1].contains("[FILE]"), r[1]);
        assertTrue(r[1].contains("desktop explorer"), r[1]);
    }

    @Test
    void theTopLevelHelpListsExplore() {
        String[] r = run("--help");
        assertTrue(r[1].lines().anyMatch(l -> l.strip().startsWith("explore ")), r[1]);
    }

    @Test
    void withoutDisplayOrWaylandLinuxHasNoDesktopAndSaysSoInOneSentence() {
        var missing = ExploreCommand.missingDesktop(Map.of(), "Linux");
        assertTrue(missing.isPresent());
        String sentence = missing.get();
        assertEquals(1, sentence.lines().count());
        assertTrue(sentence.endsWith("."), sentence);
        assertTrue(ExploreCommand.missingDesktop(Map.of("DISPLAY", ":0"), "Linux").isEmpty());
        assertTrue(ExploreCommand.missingDesktop(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux").isEmpty());
        assertTrue(ExploreCommand.missingDesktop(Map.of("DISPLAY", " "), "Linux").isPresent());
        assertTrue(ExploreCommand.missingDesktop(Map.of(), "Windows 11").isEmpty());
        assertTrue(ExploreCommand.missingDesktop(Map.of(), "Mac OS X").isEmpty());
    }

    @Test
    void aWindowThatCannotOpenIsOneSentenceWithTheCause() {
        String sentence = ExploreCommand.cannotOpen(
            new RuntimeException(
                "Exception in Application start",
                new UnsupportedOperationException("Unable to open DISPLAY")
            )
        );
        assertTrue(
            sentence.startsWith("the explorer window could not open (Unable to open DISPLAY)"),
            sentence
        );
        assertEquals(1, sentence.lines().count());
    }

    /** The real entry point in its own JVM, as {@code ./configspec} starts it on a server without a display. */
    @Test
    void theApplicationWithoutArgumentsOnAMachineWithoutADisplayPrintsOneSentenceAndNoStackTrace()
        throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
            System.getProperty("os.name").toLowerCase().startsWith("windows") ||
                System.getProperty("os.name").toLowerCase().startsWith("mac"),
            "Windows and macOS always have a desktop"
        );
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName())
        );
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exits");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), err);
        assertEquals("", out);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("configspec explore: the explorer needs a desktop session"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
}
