package io.configspec.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.configspec.app.cli.ConfigSpecCli;
import io.configspec.app.explorer.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 20, reproducer 2: {@code --out} replaces only regular files; one sentence and exit 2 otherwise. */
class OutputPathCliTest {

    @TempDir
    Path dir;

    private record Run(int code, String err) {}

    /** {@code sweep} of the paper scenario as CSV into {@code out} (about 520 KB). */
    private static List<String> sweepArguments(Path out) {
        return List.of(
            "sweep",
            "--scenario",
            Samples.paperScenario().toString(),
            "--format",
            "csv",
            "--out",
            out.toString()
        );
    }

    private static Run sweep(Path out) {
        StringWriter err = new StringWriter();
        int code = ConfigSpecCli.execute(
            sweepArguments(out).toArray(String[]::new),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err)
        );
        return new Run(code, err.toString());
    }

    private void assertRefused(Path out, String mentions) throws IOException {
        Run run = sweep(out);
        assertEquals(ConfigSpecCli.BAD_INPUT, run.code(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(out.toString()) && run.err().contains(mentions), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains(".configspec-tmp"), run.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".configspec-tmp")));
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** What {@code --out} may name besides a regular file, how the test makes one, what the refusal calls it. */
    enum NotARegularFile {
        FOLDER("folder"),
        FIFO("named pipe"),
        DEVICE_NODE("character device");

        final String mentions;

        NotARegularFile(String mentions) {
            this.mentions = mentions;
        }

        /** Makes one at {@code path}; skips the test where the system cannot (no mkfifo; mknod needs root). */
        Path make(Path path) throws IOException, InterruptedException {
            switch (this) {
                case FOLDER -> Files.createDirectory(path);
                case FIFO -> assumeTrue(run("mkfifo", path.toString()), "mkfifo not available");
                case DEVICE_NODE -> assumeTrue(
                    run("mknod", path.toString(), "c", "1", "3"),
                    "mknod needs root"
                );
            }
            return path;
        }
    }

    @ParameterizedTest
    @EnumSource(NotARegularFile.class)
    void anOutThatIsNotARegularFileIsRefusedAndStaysWhatItWas(NotARegularFile kind) throws Exception {
        Path out = kind.make(dir.resolve("out"));
        assertRefused(out, kind.mentions);
        assertFalse(Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aLinkIsWrittenThrough() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        Run run = sweep(link);
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("drafter") || Files.readString(real).length() > 100);
    }

    /**
     * A file system that refuses the write (here a file size limit, {@code ulimit -f}, as a full
     * disk or a quota would): one sentence naming the file, the old file unchanged, no temporary
     * file; exit 1 (the input was fine, the disk was not). The JVM ignores SIGXFSZ, so the write
     * gets EFBIG. Runs the real CLI in a child JVM.
     */
    @Test
    void aWriteTheFileSystemRefusesLeavesTheOldFileAndNoTemporary() throws Exception {
        assumeTrue(run("bash", "-c", "ulimit -f 64"), "needs bash with ulimit");
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "old");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
            List.of(
                "bash",
                "-c",
                "ulimit -f 64; exec \"$0\" \"$@\"", // 64 KiB; the sweep writes about 520 KB
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "io.configspec.app.Main"
            )
        );
        command.addAll(sweepArguments(out));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), printed);

        assertEquals(ConfigSpecCli.RUNTIME_FAILURE, child.exitValue(), printed);
        assertEquals(
            "configspec: cannot write " + out + ": file too large; the file was left as it was.",
            printed.strip()
        );
        assertEquals("old", Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".configspec-tmp")));
        }
    }
}
