package io.configspec.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.model.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, acceptance 3: {@code sweep --out} killed with SIGKILL at random moments, ten times,
 * leaves the destination whole (the old content or the new), and the next write leaves no
 * temporary file. Runs the real CLI in child JVMs.
 */
class KilledWriteTest {

    /** kMax of the larger sweep: about 45,000 rows, 13 MB of CSV. */
    private static final int BIG = 400;

    @TempDir
    Path dir;

    private Process sweep(Path out, int kMax) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.configspec.app.Main",
            "sweep",
            "--scenario",
            Samples.illustrativeScenario().toString(),
            "--set",
            "kMax=" + kMax,
            "--format",
            "csv",
            "--out",
            out.toString()
        )
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    }

    private long finish(Process p) throws Exception {
        long start = System.nanoTime();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the sweep did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child.log")));
        return System.nanoTime() - start;
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)).toList();
        }
    }

    /**
     * Waits until {@code p} opens a temporary file not in {@code known} (its write began); returns
     * that moment in nanoseconds, or -1 when the process ended first.
     */
    private long awaitWriting(Process p, Set<Path> known) throws Exception {
        while (p.isAlive()) {
            for (Path t : temporaries()) {
                if (!known.contains(t)) {
                    return System.nanoTime();
                }
            }
            Thread.sleep(1);
        }
        return -1;
    }

    @Test
    void tenKillsDuringSweepLeaveTheDestinationWholeAndTheNextWriteCleansUp() throws Exception {
        Path out = dir.resolve("out.csv");
        // Two contents to tell old from new (different row counts), large enough (megabytes) that
        // writing takes a while. Kills are timed from the moment the child's temporary file appears,
        // so they land while the file is written however loaded the machine is.
        Process first = sweep(out, BIG);
        long writeStarted = awaitWriting(first, Set.of());
        finish(first);
        long writeNanos = writeStarted < 0 ? 1_000_000 : System.nanoTime() - writeStarted;
        String larger = Files.readString(out);
        finish(sweep(out, BIG - 1));
        String smaller = Files.readString(out);
        assertTrue(!smaller.equals(larger));

        SplittableRandom random = new SplittableRandom(20);
        List<String> seen = new ArrayList<>();
        int leftTemporaries = 0;
        for (int i = 0; i < 10; i++) {
            String before = Files.readString(out);
            Set<Path> known = Set.copyOf(temporaries());
            Process p = sweep(out, i % 2 == 0 ? BIG : BIG - 1);
            if (awaitWriting(p, known) >= 0) {
                // somewhere in the write (a few kills may come after the rename: then the new content)
                TimeUnit.NANOSECONDS.sleep((long) (writeNanos * 0.9 * random.nextDouble()));
            }
            p.destroyForcibly(); // SIGKILL on Linux
            p.waitFor();
            String after = Files.readString(out);
            assertTrue(
                after.equals(before) || after.equals(i % 2 == 0 ? larger : smaller),
                "kill " + i + " left a torn destination of " + after.length() + " characters"
            );
            seen.add(after.equals(before) ? "old" : "new");
            leftTemporaries += temporaries().size() > 0 ? 1 : 0;
        }
        System.out.println(
            "kills: " + seen + "; temporary files left behind after " + leftTemporaries + " of 10"
        );

        assertTrue(leftTemporaries > 0, "no kill landed while the file was written; the test proved nothing");

        finish(sweep(out, BIG - 1));

        assertEquals(smaller, Files.readString(out));
        assertEquals(List.of(), temporaries());
    }
}
