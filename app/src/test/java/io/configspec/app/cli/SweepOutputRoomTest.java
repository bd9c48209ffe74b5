package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code sweep --out} checks its file system's free room before writing: the size is estimated
 * from a sample of rows, and a file system that clearly lacks the room is refused in one sentence
 * with nothing written. The free figure comes through {@link SweepCommand#usableSpace}, so no disk
 * is filled.
 */
class SweepOutputRoomTest {

    /** The estimate's tolerance against the file really written: the refusal draws its line here. */
    private static final double TOLERANCE = 0.01;

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = { "csv", "json", "arrow", "text" })
    void aFileSystemWithTooLittleRoomIsRefusedBeforeAnyByteAndOneWithRoomIsWritten(String format)
        throws IOException {
        Path measured = temp.resolve("measured." + format);
        assertEquals(0, sweep(format, measured, null).exitCode());
        long bytes = Files.size(measured);
        Path out = Files.writeString(temp.resolve("sweep." + format), "the old file\n");

        CliRun refused = sweep(format, out, folder -> (long) (bytes * (1 - TOLERANCE)));

        String sentence = refused.assertBadInput();
        assertTrue(sentence.startsWith("configspec: cannot write " + out + ": "), sentence);
        assertTrue(sentence.contains("11,088 configurations as " + format), sentence);
        assertTrue(sentence.contains(" free, so nothing was written"), sentence);
        assertEquals("the old file\n", Files.readString(out));
        assertEquals(List.of(measured, out), filesIn(temp));

        CliRun written = sweep(format, out, folder -> (long) (bytes * (1 + TOLERANCE)));

        assertEquals(0, written.exitCode(), written.err());
        assertEquals(bytes, Files.size(out));
    }

    @ParameterizedTest
    @ValueSource(strings = { "csv", "arrow" })
    void theSentenceNamesTheBytesNeededAndTheBytesFree(String format) throws IOException {
        Path out = temp.resolve("big." + format);

        String sentence = sweep(format, out, folder -> 1_000_000L).assertBadInput();

        assertTrue(sentence.contains("but its file system has 1,000,000 bytes (1 MB) free"), sentence);
        assertTrue(sentence.matches(".* need about [0-9,]+ bytes \\([0-9.]+ MB\\) .*"), sentence);
        assertFalse(Files.exists(out));
    }

    @Test
    void aDestinationThatIsNoRegularFileIsRefusedForWhatItIsBeforeTheRoomIsWeighed() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("a-folder"));

        String sentence = sweep("csv", folder, f -> 1L).assertBadInput();

        assertTrue(sentence.contains("not a regular file"), sentence);
        assertFalse(sentence.contains("need about"), sentence);
    }

    @Test
    void lessThanAMegabyteFreeIsSaidInBytesOnly() {
        String sentence = sweep("csv", temp.resolve("small.csv"), f -> 4096L).assertBadInput();

        assertTrue(sentence.contains("but its file system has 4,096 bytes free"), sentence);
    }

    /**
     * {@code sweep} of the illustrative scenario at K 2–100 (112 combinations, 11,088 rows: ten
     * times the sample the estimate writes) to {@code file}; {@code usable} null: the real file system.
     */
    private static CliRun sweep(String format, Path file, OutputRoom.UsableSpace usable) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        PrintWriter out = new PrintWriter(stdout);
        PrintWriter err = new PrintWriter(stderr);
        CommandLine cl = ConfigSpecCli.commandLine(out, err, false);
        if (usable != null) {
            ((SweepCommand) cl.getSubcommands().get("sweep").getCommand()).usableSpace = usable;
        }
        int code = cl.execute(
            "sweep",
            "--scenario",
            SampleFiles.illustrativeScenario().toString(),
            "--set",
            "kMax=100",
            "--format",
            format,
            "--out",
            file.toString()
        );
        out.flush();
        err.flush();
        return new CliRun(code, stdout.toString(), stderr.toString());
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
